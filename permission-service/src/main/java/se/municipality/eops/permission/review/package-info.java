/**
 * Access reviews: on a configurable cycle the administrators of each e-service confirm or revoke its
 * grants; what is undecided at the deadline is flagged to the central team (and optionally revoked).
 */
package se.municipality.eops.permission.review;
