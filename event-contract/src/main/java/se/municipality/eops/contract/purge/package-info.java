/**
 * What purge-service publishes on {@code eops.purge.events}: purge plans and their approval or expiry, the purged
 * cases in batches, the end of each purge and overdue acknowledgements. No event carries personal data: cases are
 * named by their ids only.
 */
package se.municipality.eops.contract.purge;
