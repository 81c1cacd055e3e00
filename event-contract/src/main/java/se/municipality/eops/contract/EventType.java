package se.municipality.eops.contract;

/**
 * A published event type: its CloudEvents {@code type}, the record that carries it, the topic it
 * travels on and the version of its JSON Schema ({@code schemas/<name>.v<version>.schema.json}).
 */
public record EventType(String name, Class<? extends DomainEvent> recordType, String topic, int schemaVersion) {

    public String schemaResource() {
        return "contract/schemas/" + name + ".v" + schemaVersion + ".schema.json";
    }

    /** The CloudEvents {@code dataschema} attribute: names the schema without implying a server. */
    public String dataSchemaUri() {
        return dataSchemaUri(name, schemaVersion);
    }

    /** The {@code dataschema} of any version of an event, also one the catalogue has moved past. */
    public static String dataSchemaUri(String name, int schemaVersion) {
        return "urn:eops:schema:" + name + ":" + schemaVersion;
    }
}
