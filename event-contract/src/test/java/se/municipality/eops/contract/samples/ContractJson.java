package se.municipality.eops.contract.samples;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Serializes events the way the shared starter puts them on the wire: Jackson 3, nulls left out. */
public final class ContractJson {

    public static final JsonMapper MAPPER = JsonMapper.builder()
            .changeDefaultPropertyInclusion(inclusion -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
            .build();

    private ContractJson() {}

    public static String write(Object event) {
        return MAPPER.writeValueAsString(event);
    }

    /** The event as a mutable tree, for tests that break one field on purpose. */
    public static ObjectNode tree(Object event) {
        return (ObjectNode) MAPPER.valueToTree(event);
    }
}
