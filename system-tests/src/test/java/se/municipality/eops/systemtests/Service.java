package se.municipality.eops.systemtests;

/** The five services, each started from its packaged jar {@code <name>/target/<name>.jar}. */
public enum Service {
    REQUEST("request-service"),
    PUBLICATION("publication-service"),
    PURGE("purge-service"),
    PERMISSION("permission-service"),
    NOTIFICATION("notification-service");

    private final String artifact;

    Service(String artifact) {
        this.artifact = artifact;
    }

    /** The module and jar name, e.g. {@code request-service}; also the name of its log file. */
    public String artifact() {
        return artifact;
    }
}
