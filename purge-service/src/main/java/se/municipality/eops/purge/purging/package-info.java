/**
 * Purges: test-case purges (on ReviewApproved of a brand-new e-service, or a TEST_CASES request) and retention
 * purge plans (scheduled, on a RETENTION request or by an archivist) that a second archivist approves; execution in
 * bounded batches that survives a crash, CasesPurged per batch, the purge log and subscribers' acknowledgements.
 */
package se.municipality.eops.purge.purging;
