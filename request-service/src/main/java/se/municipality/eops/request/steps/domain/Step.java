package se.municipality.eops.request.steps.domain;

import java.util.List;
import se.municipality.eops.request.filing.domain.FieldViolation;

/**
 * One step of the form.
 *
 * @param id the step's name in URLs ({@code /api/drafts/{id}/steps/{step}})
 * @param rules what the step's fields must meet together, in words (e.g. a person or a group)
 * @param alsoJudges paths of broken rules about the step's fields together (not one of them)
 */
public record Step(String id, Label label, List<StepField> fields, List<Label> rules, List<String> alsoJudges) {

    public Step(String id, Label label, List<StepField> fields) {
        this(id, label, fields, List.of(), List.of());
    }

    /** Whether a broken rule at {@code path} belongs to this step. */
    public boolean judges(String path) {
        return alsoJudges.contains(path) || fields.stream().anyMatch(field -> field.covers(path));
    }

    /** The broken rules among {@code violations} that this step judges; those of other steps are left out. */
    public List<FieldViolation> own(List<FieldViolation> violations) {
        return violations.stream().filter(v -> judges(v.field())).toList();
    }

    /** Whether {@code fieldName} (a JSON path of the request body) is one of this step's fields. */
    public boolean hasField(String fieldName) {
        return fields.stream().anyMatch(field -> field.name().equals(fieldName));
    }
}
