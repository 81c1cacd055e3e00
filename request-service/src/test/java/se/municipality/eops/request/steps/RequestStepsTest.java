package se.municipality.eops.request.steps;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import se.municipality.eops.contract.request.PermissionRequest;
import se.municipality.eops.contract.request.PublicationRequest;
import se.municipality.eops.contract.request.PurgeRequest;
import se.municipality.eops.contract.request.RequestType;
import se.municipality.eops.request.filing.domain.FieldViolation;
import se.municipality.eops.request.filing.domain.RequestDetails;
import se.municipality.eops.request.filing.domain.RequestRules;
import se.municipality.eops.request.steps.domain.FieldType;
import se.municipality.eops.request.steps.domain.RequestSteps;
import se.municipality.eops.request.steps.domain.Step;
import se.municipality.eops.request.steps.domain.StepField;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The step descriptions and the rules cannot drift apart: every field a step calls required is
 * required by {@link RequestRules} (and no other), every max length and max item count is the
 * rules' limit exactly, and every broken rule the rules report on these bodies is judged by exactly
 * one step of its type.
 */
class RequestStepsTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");

    record Body(PublicationRequest publication, PurgeRequest purge, PermissionRequest permission) {}

    static ObjectNode person(String userId) {
        return JSON.createObjectNode()
                .put("userId", userId)
                .put("name", "Lisa Lund")
                .put("email", userId + "@kommun.example");
    }

    /** A valid body of every type and kind (the details object only, under its type's name). */
    static Stream<Named<ObjectNode>> validBodies() {
        ObjectNode newEService = JSON.createObjectNode();
        newEService
                .putObject("publication")
                .put("kind", "NEW_ESERVICE")
                .put("eServiceId", "es-1")
                .put("eServiceName", "Parkering")
                .put("versionLabel", "1.0")
                .put("committee", "SBN")
                .put("orderer", "P-enheten")
                .put("message", "Hej")
                .putArray("checklist")
                .add(JSON.createObjectNode()
                        .put("itemId", "a11y")
                        .put("item", "Granskad")
                        .put("done", true));
        ObjectNode newVersion = JSON.createObjectNode();
        newVersion
                .putObject("publication")
                .put("kind", "NEW_VERSION")
                .put("eServiceId", "es-1")
                .put("eServiceName", "Parkering")
                .put("versionLabel", "2.1");
        ObjectNode testCases = JSON.createObjectNode();
        testCases
                .putObject("purge")
                .put("kind", "TEST_CASES")
                .put("eServiceId", "es-1")
                .put("eServiceName", "P");
        ObjectNode retention = JSON.createObjectNode();
        retention
                .putObject("purge")
                .put("kind", "RETENTION")
                .put("eServiceId", "es-1")
                .put("eServiceName", "P")
                .put("committee", "SBN")
                .put("purgeDecisionReference", "SBN 2026/12")
                .put("message", "Hej");
        ObjectNode editor = JSON.createObjectNode();
        editor.putObject("permission")
                .put("change", "GRANT")
                .put("role", "EDITOR")
                .put("eServiceId", "es-1")
                .put("eServiceName", "P")
                .put("validUntil", "2027-06-30T22:00:00Z")
                .put("message", "Hej")
                .set("person", person("lisa"));
        ObjectNode group = JSON.createObjectNode();
        ObjectNode groupGrant = group.putObject("permission")
                .put("change", "GRANT")
                .put("role", "CASE_HANDLER")
                .put("eServiceId", "es-1")
                .put("eServiceName", "P");
        groupGrant
                .putObject("group")
                .put("name", "Handläggare")
                .putArray("members")
                .add(person("lisa"));
        return Stream.of(
                Named.of("new e-service", newEService),
                Named.of("new version", newVersion),
                Named.of("test-case purge", testCases),
                Named.of("retention purge", retention),
                Named.of("editor grant", editor),
                Named.of("group grant", group));
    }

    @ParameterizedTest
    @MethodSource("validBodies")
    void everyStepOfAValidRequestIsComplete(ObjectNode body) {
        RequestType type = typeOf(body);

        assertThat(violations(body)).isEmpty();
        assertThat(RequestSteps.firstIncomplete(type, violations(body))).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("validBodies")
    void aFieldIsRequiredExactlyWhenItsStepSaysSo(ObjectNode body) {
        for (Target target : targets(body)) {
            if (target.field().type() == FieldType.BOOLEAN) {
                continue; // a JSON boolean left out is a shape error (400 naming it), not a broken rule
            }
            ObjectNode without = body.deepCopy();
            remove(without, target.path());

            boolean reported =
                    violations(without).stream().anyMatch(v -> v.field().equals(target.path()));

            assertThat(reported)
                    .as("%s is reported missing when left out", target.path())
                    .isEqualTo(requiredIn(body, target.field()));
        }
    }

    @ParameterizedTest
    @MethodSource("validBodies")
    void everyMaxLengthAndMaxItemsIsTheRulesLimit(ObjectNode body) {
        for (Target target : targets(body)) {
            StepField field = target.field();
            if (field.maxLength() != null) {
                assertThat(violatesAfterSetting(body, target.path(), textOf(field, field.maxLength())))
                        .as("%s at its max length", target.path())
                        .isFalse();
                assertThat(violatesAfterSetting(body, target.path(), textOf(field, field.maxLength() + 1)))
                        .as("%s one over its max length", target.path())
                        .isTrue();
            }
            if (field.maxItems() != null && at(body, target.path()).isArray()) {
                assertThat(violatesAfterSetting(body, target.path(), entries(body, target.path(), field.maxItems())))
                        .as("%s at its max items", target.path())
                        .isFalse();
                assertThat(violatesAfterSetting(
                                body, target.path(), entries(body, target.path(), field.maxItems() + 1)))
                        .as("%s one over its max items", target.path())
                        .isTrue();
            }
        }
    }

    @Test
    void everyBrokenRuleIsJudgedByExactlyOneStep() {
        List<ObjectNode> broken = new ArrayList<>();
        validBodies().map(Named::getPayload).forEach(body -> {
            for (Target target : targets(body)) {
                if (target.field().type() == FieldType.BOOLEAN) {
                    continue;
                }
                ObjectNode without = body.deepCopy();
                remove(without, target.path());
                broken.add(without);
                if (target.field().maxLength() != null) {
                    broken.add(with(
                            body,
                            target.path(),
                            textOf(target.field(), target.field().maxLength() + 1)));
                    broken.add(with(body, target.path(), JSON.getNodeFactory().textNode("a\u0000b")));
                }
                if (target.field().maxItems() != null && at(body, target.path()).isArray()) {
                    broken.add(with(
                            body,
                            target.path(),
                            entries(body, target.path(), target.field().maxItems() + 1)));
                }
            }
        });
        ObjectNode both = body("editor grant");
        ((ObjectNode) both.get("permission")).putObject("group").put("name", "G");
        broken.add(both);
        ObjectNode groupOfEditors = body("group grant");
        ((ObjectNode) groupOfEditors.get("permission")).put("role", "EDITOR");
        broken.add(groupOfEditors);
        ObjectNode twice = body("group grant");
        ((ArrayNode) twice.at("/permission/group/members")).add(person("lisa"));
        broken.add(twice);
        ObjectNode revokeWithEnd = body("editor grant");
        ((ObjectNode) revokeWithEnd.get("permission")).put("change", "REVOKE");
        broken.add(revokeWithEnd);
        ObjectNode endInThePast = body("editor grant");
        ((ObjectNode) endInThePast.get("permission")).put("validUntil", "2020-01-01T00:00:00Z");
        broken.add(endInThePast);
        broken.add(with(
                body("new e-service"),
                "publication.eServiceId",
                JSON.getNodeFactory().textNode("es 1")));
        broken.add(with(
                body("editor grant"),
                "permission.person.email",
                JSON.getNodeFactory().textNode("åsa@x.se")));

        List<String> fields = new ArrayList<>();
        for (ObjectNode body : broken) {
            List<FieldViolation> violations = violations(body);
            for (FieldViolation violation : violations) {
                fields.add(violation.field());
                assertThat(RequestSteps.of(typeOf(body)).stream().filter(step -> step.judges(violation.field())))
                        .as("steps of %s judging %s", typeOf(body), violation.field())
                        .hasSize(1);
            }
        }
        assertThat(fields)
                .contains(
                        "permission",
                        "permission.group",
                        "permission.validUntil",
                        "permission.group.members[1].userId",
                        "publication.checklist[0].item");
    }

    @Test
    void aStepJudgesItsOwnFieldsOnly() {
        ObjectNode onlyTheFirstStep = JSON.createObjectNode();
        onlyTheFirstStep
                .putObject("publication")
                .put("kind", "NEW_ESERVICE")
                .put("eServiceId", "es-1")
                .put("eServiceName", "P");
        List<FieldViolation> violations = violations(onlyTheFirstStep);

        assertThat(RequestSteps.step(RequestType.PUBLICATION, "eservice")
                        .orElseThrow()
                        .own(violations))
                .isEmpty();
        assertThat(RequestSteps.step(RequestType.PUBLICATION, "responsibility")
                        .orElseThrow()
                        .own(violations))
                .extracting(FieldViolation::field)
                .containsExactly("publication.committee", "publication.orderer");
        assertThat(RequestSteps.firstIncomplete(RequestType.PUBLICATION, violations)
                        .orElseThrow()
                        .step()
                        .id())
                .isEqualTo("responsibility");
    }

    @Test
    void theChecklistStepSaysItIsRequiredForANewEServiceAndThatEveryMandatoryItemMustBeDone() {
        Step checklist = RequestSteps.step(RequestType.PUBLICATION, "checklist").orElseThrow();
        StepField field = checklist.fields().get(0);

        assertThat(field.required()).as("not for a new version").isFalse();
        assertThat(field.requiredWhen().field()).isEqualTo("publication.kind");
        assertThat(field.requiredWhen().values()).containsExactly("NEW_ESERVICE");
        assertThat(checklist.rules())
                .as("the items and which are mandatory are publication-service's: the step says the rule")
                .singleElement()
                .satisfies(rule -> {
                    assertThat(rule.sv()).contains("ny e-tjänst", "obligatorisk punkt", "klar");
                    assertThat(rule.en()).contains("new e-service", "every mandatory item", "done");
                });
    }

    // --- helpers -------------------------------------------------------------------------------

    /** A field of a step of the body's type, at its path in the body (entries of lists: the first). */
    record Target(String path, StepField field) {}

    static List<Target> targets(ObjectNode body) {
        List<Target> targets = new ArrayList<>();
        for (Step step : RequestSteps.of(typeOf(body))) {
            for (StepField field : step.fields()) {
                targets.add(new Target(field.name(), field));
                JsonNode value = at(body, field.name());
                if (field.fields() != null && value != null && !value.isMissingNode()) {
                    String prefix = field.type() == FieldType.LIST ? field.name() + "[0]" : field.name();
                    for (StepField inner : field.fields()) {
                        targets.add(new Target(prefix + "." + inner.name(), inner));
                        JsonNode innerValue = at(body, prefix + "." + inner.name());
                        if (inner.fields() != null && innerValue != null && !innerValue.isMissingNode()) {
                            for (StepField innermost : inner.fields()) {
                                targets.add(
                                        new Target(prefix + "." + inner.name() + "[0]." + innermost.name(), innermost));
                            }
                        }
                    }
                }
            }
        }
        return targets.stream()
                .filter(target -> at(body, target.path()) != null
                                && !at(body, target.path()).isMissingNode()
                        || !target.path().contains("[") && parentPresent(body, target.path()))
                .toList();
    }

    static boolean parentPresent(ObjectNode body, String path) {
        String parent = path.substring(0, path.lastIndexOf('.'));
        JsonNode node = at(body, parent);
        return node != null && !node.isMissingNode();
    }

    static boolean requiredIn(ObjectNode body, StepField field) {
        if (field.required()) {
            return true;
        }
        if (field.requiredWhen() == null) {
            return false;
        }
        JsonNode value = at(body, field.requiredWhen().field());
        return value != null && field.requiredWhen().values().contains(value.asString());
    }

    static JsonNode textOf(StepField field, int length) {
        if (field.type() == FieldType.EMAIL) {
            String domain = "@kommun.example";
            return JSON.getNodeFactory().textNode("a".repeat(length - domain.length()) + domain);
        }
        return JSON.getNodeFactory().textNode("a".repeat(length));
    }

    static JsonNode entries(ObjectNode body, String path, int count) {
        JsonNode first = at(body, path).get(0);
        ArrayNode list = JSON.createArrayNode();
        for (int i = 0; i < count; i++) {
            JsonNode entry = first.deepCopy();
            if (entry.has("userId")) {
                // Distinct people, so only the count can break a rule.
                ((ObjectNode) entry).put("userId", "user" + i).put("email", "user" + i + "@kommun.example");
            }
            list.add(entry);
        }
        return list;
    }

    static boolean violatesAfterSetting(ObjectNode body, String path, JsonNode value) {
        return violations(with(body, path, value)).stream()
                .anyMatch(v -> v.field().equals(path));
    }

    static ObjectNode with(ObjectNode body, String path, JsonNode value) {
        ObjectNode copy = body.deepCopy();
        Parent parent = parent(copy, path);
        parent.node().set(parent.name(), value);
        return copy;
    }

    static void remove(ObjectNode body, String path) {
        Parent parent = parent(body, path);
        parent.node().remove(parent.name());
    }

    record Parent(ObjectNode node, String name) {}

    static Parent parent(ObjectNode body, String path) {
        int dot = path.lastIndexOf('.');
        return new Parent((ObjectNode) at(body, path.substring(0, dot)), path.substring(dot + 1));
    }

    static JsonNode at(JsonNode body, String path) {
        return body.at("/" + path.replace(".", "/").replaceAll("\\[(\\d+)]", "/$1"));
    }

    static ObjectNode body(String name) {
        return validBodies()
                .filter(named -> named.getName().equals(name))
                .findFirst()
                .orElseThrow()
                .getPayload()
                .deepCopy();
    }

    static RequestType typeOf(ObjectNode body) {
        return body.has("publication")
                ? RequestType.PUBLICATION
                : body.has("purge") ? RequestType.PURGE : RequestType.PERMISSION;
    }

    static List<FieldViolation> violations(ObjectNode body) {
        Body parsed = JSON.treeToValue(body, Body.class);
        return RequestRules.violations(
                new RequestDetails(typeOf(body), parsed.publication(), parsed.purge(), parsed.permission()), NOW);
    }
}
