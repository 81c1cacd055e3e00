/**
 * Every failure as a page in the person's language, never a 500 with a stack: 403 (a page of another role), 404,
 * a service that refused (its problem details as a message) or did not answer (try again later).
 */
package se.municipality.eops.portal.errors;
