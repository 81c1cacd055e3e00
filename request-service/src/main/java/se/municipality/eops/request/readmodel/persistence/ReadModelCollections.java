package se.municipality.eops.request.readmodel.persistence;

/** The read models' collections and their fields; one document per e-service, grant or group. */
public final class ReadModelCollections {

    public static final String CATALOGUE = "rm_catalogue";
    public static final String GRANTS = "rm_grants";
    public static final String HANDLER_GROUPS = "rm_handler_groups";
    /** The requests' own collection (filing's), where each request stores its subject key. */
    static final String REQUESTS = "requests";
    /** A request's subject key while it is open (filing's unique index): at most one open request per key. */
    static final String OPEN_SUBJECT_KEY = "openSubjectKey";

    /**
     * A grant's end ({@code null}: none). Absent from grants stored before the read model kept it: their end is not
     * known.
     */
    public static final String VALID_UNTIL = "validUntil";

    public static final String ACTIVE = "ACTIVE";
    public static final String AWAITING_TRAINING = "AWAITING_TRAINING";
    public static final String ENDED = "ENDED";

    private ReadModelCollections() {}
}
