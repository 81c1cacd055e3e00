package se.municipality.eops.request.drafts.application;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import se.municipality.eops.contract.request.PermissionRequest;
import se.municipality.eops.contract.request.PublicationRequest;
import se.municipality.eops.contract.request.PurgeRequest;
import se.municipality.eops.contract.request.RequestType;
import se.municipality.eops.request.filing.domain.FieldViolation;
import se.municipality.eops.request.filing.domain.RequestDetails;
import se.municipality.eops.request.filing.domain.ViolationCodes;
import se.municipality.eops.request.steps.domain.RequestSteps;
import se.municipality.eops.request.steps.domain.Step;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Puts one step's fields into a draft's details: each field of the step takes the value the step's
 * body gives, or is cleared when the body leaves it out; the other steps' fields stay as they were.
 * A body that gives another step's field is refused, so a field is only ever saved by its own step.
 */
@Component
class StepMerge {

    private static final Map<RequestType, String> DETAILS_FIELD = Map.of(
            RequestType.PUBLICATION, "publication", RequestType.PURGE, "purge", RequestType.PERMISSION, "permission");

    private final JsonMapper json;

    StepMerge(JsonMapper json) {
        this.json = json;
    }

    /** The fields a body gives that this step may not save; empty when it may save them all. */
    List<FieldViolation> strangers(RequestType type, Step step, RequestDetails body) {
        List<FieldViolation> strangers = new ArrayList<>();
        ObjectNode given = tree(body);
        for (String detailsField : DETAILS_FIELD.values()) {
            JsonNode details = given.get(detailsField);
            if (details == null || details.isNull()) {
                continue;
            }
            if (!detailsField.equals(DETAILS_FIELD.get(type))) {
                strangers.add(new FieldViolation(
                        detailsField,
                        "must be left out of a " + type + " request",
                        ViolationCodes.NOT_FOR_TYPE,
                        Map.of("type", type.name())));
                continue;
            }
            for (String name : details.propertyNames()) {
                if (details.get(name).isNull()) {
                    continue;
                }
                String path = detailsField + "." + name;
                if (!step.hasField(path)) {
                    strangers.add(RequestSteps.of(type).stream()
                            .filter(other -> other.hasField(path))
                            .map(Step::id)
                            .findFirst()
                            .map(id -> new FieldViolation(
                                    path,
                                    "belongs to step " + id + ", save it there",
                                    ViolationCodes.OTHER_STEP,
                                    Map.of("step", id)))
                            .orElse(new FieldViolation(
                                    path,
                                    "is not a field of a " + type + " request",
                                    ViolationCodes.UNKNOWN_FIELD,
                                    Map.of("type", type.name()))));
                }
            }
        }
        return strangers;
    }

    RequestDetails merge(RequestDetails current, Step step, RequestDetails body) {
        ObjectNode merged = tree(current);
        ObjectNode given = tree(body);
        for (var field : step.fields()) {
            String[] path = field.name().split("\\.", 2);
            ObjectNode target = merged.has(path[0]) && merged.get(path[0]).isObject()
                    ? (ObjectNode) merged.get(path[0])
                    : merged.putObject(path[0]);
            JsonNode value = given.path(path[0]).path(path[1]);
            if (value.isMissingNode() || value.isNull()) {
                target.remove(path[1]);
            } else {
                target.set(path[1], value);
            }
        }
        return new RequestDetails(
                current.type(),
                current.publication() == null && !merged.has("publication")
                        ? null
                        : json.treeToValue(merged.get("publication"), PublicationRequest.class),
                current.purge() == null && !merged.has("purge")
                        ? null
                        : json.treeToValue(merged.get("purge"), PurgeRequest.class),
                current.permission() == null && !merged.has("permission")
                        ? null
                        : json.treeToValue(merged.get("permission"), PermissionRequest.class));
    }

    private ObjectNode tree(RequestDetails details) {
        ObjectNode node = json.createObjectNode();
        if (details.publication() != null) {
            node.set("publication", json.valueToTree(details.publication()));
        }
        if (details.purge() != null) {
            node.set("purge", json.valueToTree(details.purge()));
        }
        if (details.permission() != null) {
            node.set("permission", json.valueToTree(details.permission()));
        }
        return node;
    }
}
