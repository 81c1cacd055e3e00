package se.municipality.eops.purge.cases.persistence;

/** The fields of a case document, shared by the index and the purges that select and delete cases. */
public final class CaseFields {

    public static final String COLLECTION = "cases";
    public static final String E_SERVICE_ID = "eServiceId";
    public static final String SUBMITTED_AT = "submittedAt";
    public static final String CLOSED_AT = "closedAt";
    public static final String TEST = "test";
    public static final String CASE_TYPE = "caseType";
    /** The purge (or plan) a case is assigned to; a case is in at most one purge at a time. */
    public static final String PURGE_ID = "purgeId";
    /** A legal hold on the case itself: {reason, setBy, setAt}. */
    public static final String HOLD = "hold";

    private CaseFields() {}
}
