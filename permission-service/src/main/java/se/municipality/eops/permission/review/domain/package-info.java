/** Access reviews of an e-service's grants: start, decisions, overdue. Free of frameworks. */
package se.municipality.eops.permission.review.domain;
