package se.municipality.eops.starter.outbox;

/** How an event reached Kafka: right after the write that stored it, or by the fallback sweep. */
public enum PublicationPath {
    AFTER_WRITE("after-write"),
    SWEEP("sweep");

    private final String tag;

    PublicationPath(String tag) {
        this.tag = tag;
    }

    /** The value of the {@code path} tag of {@code eops.outbox.published}. */
    public String tag() {
        return tag;
    }
}
