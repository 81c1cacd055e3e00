package se.municipality.eops.publication.checklist.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import se.municipality.eops.publication.checklist.domain.Checklist;
import se.municipality.eops.publication.checklist.domain.ChecklistItem;
import se.municipality.eops.publication.checklist.domain.Checklists;
import se.municipality.eops.starter.web.ConflictException;
import se.municipality.eops.starter.web.FieldError;

class ChecklistAdministrationTest {

    static final ChecklistItem ACCESSIBILITY = new ChecklistItem("accessibility", "Tillgänglighetsgranskad", true);
    static final ChecklistItem GDPR = new ChecklistItem("gdpr", "Konsekvensbedömning enligt GDPR", true);
    static final ChecklistItem SPRAK = new ChecklistItem("sprak", "Klarspråksgranskad", true);

    final VersionsById versions = new VersionsById();
    final ChecklistAdministration administration =
            new ChecklistAdministration(versions, Clock.fixed(Instant.parse("2026-12-08T09:00:00Z"), ZoneOffset.UTC));

    @Test
    void refusesASaveStartedFromAVersionThatIsNoLongerInForceNamingTheVersionInForce() {
        administration.publish(List.of(ACCESSIBILITY), 0, "cecilia");
        administration.publish(List.of(ACCESSIBILITY, GDPR), 1, "cecilia");

        ConflictException refused = catchThrowableOfType(
                ConflictException.class, () -> administration.publish(List.of(ACCESSIBILITY, SPRAK), 1, "carl"));

        assertThat(refused.asFieldError())
                .isEqualTo(new FieldError(
                        "basedOnVersion",
                        "version 2 is in force now, not 1: someone else changed the checklist meanwhile; look at it"
                                + " again",
                        "changed-meanwhile",
                        Map.of("currentVersion", 2)));
        assertThat(administration.current().items()).containsExactly(ACCESSIBILITY, GDPR);
        assertThat(administration.history()).hasSize(2);
    }

    @Test
    void ofTwoSavesFromTheSameVersionAtOnceOnlyTheFirstWriteIsPublished() {
        administration.publish(List.of(ACCESSIBILITY), 0, "cecilia");
        // The other editor's save lands after this one read version 1 and before it writes version 2.
        versions.beforeNextAdd(() -> administration.publish(List.of(ACCESSIBILITY, GDPR), 1, "cecilia"));

        ConflictException refused = catchThrowableOfType(
                ConflictException.class, () -> administration.publish(List.of(ACCESSIBILITY, SPRAK), 1, "carl"));

        assertThat(refused.asFieldError().field()).isEqualTo("basedOnVersion");
        assertThat(refused.asFieldError().code()).isEqualTo("changed-meanwhile");
        assertThat(refused.asFieldError().params()).isEqualTo(Map.of("currentVersion", 2));
        assertThat(administration.current().items()).containsExactly(ACCESSIBILITY, GDPR);
    }

    @Test
    void aSaveFromTheVersionInForcePublishesTheNextVersion() {
        assertThat(administration.publish(List.of(ACCESSIBILITY), 0, "cecilia").version())
                .isEqualTo(1);
        assertThat(administration
                        .publish(List.of(ACCESSIBILITY, GDPR), 1, "cecilia")
                        .version())
                .isEqualTo(2);
    }

    @Test
    void aSaveThatNamesNoVersionPublishesOverWhateverIsInForceAsBefore() {
        administration.publish(List.of(ACCESSIBILITY), null, "cecilia");
        administration.publish(List.of(ACCESSIBILITY, GDPR), null, "cecilia");

        Checklist published = administration.publish(List.of(ACCESSIBILITY, SPRAK), null, "api-client");

        assertThat(published.version()).isEqualTo(3);
        assertThat(administration.current().items()).containsExactly(ACCESSIBILITY, SPRAK);
    }

    /** Versions keyed by their number, as the collection's id keys them: a number is stored once. */
    static final class VersionsById implements Checklists {

        private final List<Checklist> stored = new ArrayList<>();
        private Runnable beforeNextAdd = () -> {};

        void beforeNextAdd(Runnable meanwhile) {
            this.beforeNextAdd = meanwhile;
        }

        @Override
        public Optional<Checklist> inForceAt(Instant at) {
            return latest();
        }

        @Override
        public Optional<Checklist> latest() {
            return stored.isEmpty() ? Optional.empty() : Optional.of(stored.get(stored.size() - 1));
        }

        @Override
        public List<Checklist> all() {
            return List.copyOf(stored);
        }

        @Override
        public boolean add(Checklist checklist) {
            Runnable meanwhile = beforeNextAdd;
            beforeNextAdd = () -> {};
            meanwhile.run();
            if (stored.stream().anyMatch(taken -> taken.version() == checklist.version())) {
                return false;
            }
            stored.add(checklist);
            return true;
        }
    }
}
