/**
 * The permission service grants and revokes the administrator, editor and case-handler permissions of
 * e-services: it carries out permission requests (or refuses them with a reason), activates
 * administrator grants only once the person's training is on record, keeps handler groups, answers
 * the handler search and the permission check, expires time-bounded grants and runs access reviews.
 */
package se.municipality.eops.permission;
