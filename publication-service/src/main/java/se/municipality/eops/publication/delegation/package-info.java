/**
 * Reviewers who are away hand their review decisions to another reviewer for a period; a delegate's
 * decision is recorded as made on behalf of the delegator, and only inside the period.
 */
package se.municipality.eops.publication.delegation;
