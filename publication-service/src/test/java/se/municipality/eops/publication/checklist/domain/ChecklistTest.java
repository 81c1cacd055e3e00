package se.municipality.eops.publication.checklist.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import se.municipality.eops.contract.publication.ChecklistItemRef;

class ChecklistTest {

    static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");

    final Checklist checklist = Checklist.publish(
            2,
            List.of(
                    new ChecklistItem("accessibility", "Tillgänglighetsgranskad", true),
                    new ChecklistItem("test-cases", "Testärenden inskickade", true),
                    new ChecklistItem("handlers", "Handläggare har behörighet", false)),
            "cecilia",
            NOW);

    @Test
    void isTheNextVersionInForceFromNow() {
        assertThat(checklist.version()).isEqualTo(3);
        assertThat(checklist.effectiveFrom()).isEqualTo(NOW);
    }

    @Test
    void matchesAnswersByItemIdWhateverTheirText() {
        ChecklistVerdict verdict = checklist.judge(List.of(
                new ChecklistAnswer("accessibility", "Granskad för tillgänglighet", true),
                new ChecklistAnswer("test-cases", "Testärenden", true)));

        assertThat(verdict.complete()).isTrue();
        assertThat(verdict.checklistVersion()).isEqualTo(3);
    }

    @Test
    void matchesAnswersWithoutAnIdByTheirExactText() {
        ChecklistVerdict verdict = checklist.judge(List.of(
                new ChecklistAnswer(null, "Tillgänglighetsgranskad", true),
                new ChecklistAnswer(null, "testärenden inskickade", true)));

        assertThat(verdict.missing()).containsExactly(new ChecklistItemRef("test-cases", "Testärenden inskickade"));
    }

    @Test
    void anAnswerWithAnIdIsNotMatchedByTextToAnotherItem() {
        ChecklistVerdict verdict = checklist.judge(List.of(
                new ChecklistAnswer("handlers", "Tillgänglighetsgranskad", true),
                new ChecklistAnswer("test-cases", "Testärenden inskickade", true)));

        assertThat(verdict.missing()).extracting(ChecklistItemRef::itemId).containsExactly("accessibility");
    }

    @Test
    void namesEveryMandatoryItemNotConfirmedAndNeverAnOptionalOne() {
        ChecklistVerdict verdict = checklist.judge(List.of(new ChecklistAnswer("test-cases", "Testärenden", false)));

        assertThat(verdict.missing())
                .extracting(ChecklistItemRef::itemId)
                .containsExactly("accessibility", "test-cases");
    }

    @Test
    void refusesDuplicateItemIdsAndEmptyTexts() {
        assertThatThrownBy(() -> Checklist.publish(
                        0,
                        List.of(new ChecklistItem("a", "A", true), new ChecklistItem("a", "B", false)),
                        "cecilia",
                        NOW))
                .isInstanceOfSatisfying(InvalidChecklistException.class, e -> {
                    assertThat(e.field()).isEqualTo("items[1].id");
                    assertThat(e.code()).isEqualTo("taken");
                });
        assertThatThrownBy(() -> Checklist.publish(0, List.of(new ChecklistItem("a", " ", true)), "cecilia", NOW))
                .isInstanceOfSatisfying(InvalidChecklistException.class, e -> {
                    assertThat(e.field()).isEqualTo("items[0].text");
                    assertThat(e.code()).isEqualTo("length");
                    assertThat(e.params()).isEqualTo(Map.of("min", 1, "max", Checklist.MAX_TEXT));
                });
    }
}
