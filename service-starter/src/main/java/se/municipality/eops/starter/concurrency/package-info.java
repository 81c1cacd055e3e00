/**
 * Read, change and write guarded by the version read, again when another write came in between:
 * {@link se.municipality.eops.starter.concurrency.ConcurrentChanges#retry}. Framework-free; the web layer answers
 * a {@link se.municipality.eops.starter.concurrency.ConcurrentChangeException} with 409 {@code busy}, and a
 * consumer's retries (then its dead-letter topic) take it like any other failure.
 */
package se.municipality.eops.starter.concurrency;
