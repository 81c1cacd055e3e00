package se.municipality.eops.contract.purge;

/** Why cases were purged. Consumers must expect new reasons to be added. */
public enum PurgeReason {
    /** The test cases of an e-service, before it is published. */
    TEST_CASES,
    /** Cases whose retention period under the committee's document management plan has run out. */
    RETENTION
}
