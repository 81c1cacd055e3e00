/**
 * What the e-service platform (and other systems subscribing to the suite) publish on the suite's inbound topic
 * {@code eops.platform.case-events}: the life of a case as retention needs it (no names, no personal numbers, no
 * case content), and acknowledgements of purged batches.
 */
package se.municipality.eops.contract.platform;
