package se.municipality.eops.contract;

/**
 * CloudEvents attributes in the Kafka binary binding: each attribute is a header named {@code
 * ce_<attribute>}; the data content type travels as {@code content-type}.
 */
public final class CloudEventHeaders {

    public static final String ID = "ce_id";
    public static final String TYPE = "ce_type";
    public static final String SOURCE = "ce_source";
    public static final String TIME = "ce_time";
    public static final String SUBJECT = "ce_subject";
    public static final String SPEC_VERSION = "ce_specversion";
    public static final String DATA_SCHEMA = "ce_dataschema";
    /** Extension attribute: the version of the payload's JSON Schema. */
    public static final String SCHEMA_VERSION = "ce_schemaversion";

    public static final String CONTENT_TYPE = "content-type";
    public static final String SPEC_VERSION_VALUE = "1.0";
    public static final String JSON = "application/json";

    private CloudEventHeaders() {}
}
