package se.municipality.eops.purge.cases.persistence;

/** The fields of a case document, shared by the index and the purges that select and delete cases. */
public final class CaseFields {

    public static final String COLLECTION = "cases";
    /**
     * The ids of purged cases, one document per purge batch ({@code _id} = purge and batch, {@code purgeId},
     * {@code caseIds}): no personal data, and the index never takes such a case back.
     */
    public static final String PURGED_COLLECTION = "purged_case_ids";

    /**
     * The ids of cases the platform deleted itself ({@code CaseDeleted}), one document per case with nothing but its
     * id as {@code _id}: the index never takes such a case back either.
     */
    public static final String DELETED_COLLECTION = "deleted_case_ids";

    /**
     * A CaseClosed of a case the index does not have yet (the backlog import has not reached it): {@code _id} = case
     * id, {@code closedAt}; applied and dropped when the case arrives.
     */
    public static final String EARLY_CLOSURES_COLLECTION = "early_case_closures";

    public static final String PURGED_CASE_IDS = "caseIds";
    public static final String E_SERVICE_ID = "eServiceId";
    public static final String SUBMITTED_AT = "submittedAt";
    public static final String CLOSED_AT = "closedAt";
    public static final String TEST = "test";
    public static final String CASE_TYPE = "caseType";

    private CaseFields() {}
}
