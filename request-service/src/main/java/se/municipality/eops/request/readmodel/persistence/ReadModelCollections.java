package se.municipality.eops.request.readmodel.persistence;

/** The read models' collections and their fields; one document per e-service, grant or group. */
public final class ReadModelCollections {

    public static final String CATALOGUE = "rm_catalogue";
    public static final String GRANTS = "rm_grants";
    public static final String HANDLER_GROUPS = "rm_handler_groups";
    /**
     * Per subject key (the document's id), the request last filed for it: the open-request answer reads one
     * document by id instead of searching the requests (the local MongoDB-protocol server would scan them all).
     */
    static final String OPEN_SUBJECTS = "rm_open_subjects";
    /** The requests' own collection (filing's), where each request stores its subject key. */
    static final String REQUESTS = "requests";

    public static final String ACTIVE = "ACTIVE";
    public static final String AWAITING_TRAINING = "AWAITING_TRAINING";
    public static final String ENDED = "ENDED";

    private ReadModelCollections() {}
}
