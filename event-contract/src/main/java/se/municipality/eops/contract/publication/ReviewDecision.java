package se.municipality.eops.contract.publication;

import java.time.Instant;

/**
 * One reviewer's decision in a reference-group review.
 *
 * @param reviewerId the reviewer who decided (the token's subject)
 * @param onBehalfOf the reviewer who delegated the decision to {@code reviewerId}, if any
 * @param comment what the reviewer wrote; for a rejection, the reason
 */
public record ReviewDecision(String reviewerId, String onBehalfOf, Instant decidedAt, String comment) {}
