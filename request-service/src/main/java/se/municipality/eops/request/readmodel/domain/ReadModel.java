package se.municipality.eops.request.readmodel.domain;

/** The read models, by the name their status and answers use. */
public enum ReadModel {
    /** E-services and their published versions, from eops.publication.events. */
    CATALOGUE("catalogue"),
    /** Grants and handler groups, from eops.permission.events. */
    PERMISSIONS("permissions");

    private final String label;

    ReadModel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
