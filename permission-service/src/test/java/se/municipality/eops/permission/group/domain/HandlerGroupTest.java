package se.municipality.eops.permission.group.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import se.municipality.eops.contract.permission.HandlerGroupChanged.GroupChange;
import se.municipality.eops.contract.permission.Person;

class HandlerGroupTest {

    static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");
    static final Person OLLE = new Person("olle", "Olle", null);
    static final Person PIA = new Person("pia", "Pia", null);

    @Test
    void oneNameIsOneGroupPerEServiceWhateverItsCaseOrAccents() {
        assertThat(HandlerGroup.idFor("es-1", "Miljöhandläggare"))
                .isEqualTo(HandlerGroup.idFor("es-1", " MILJOHANDLAGGARE "))
                .isNotEqualTo(HandlerGroup.idFor("es-2", "Miljöhandläggare"));
    }

    @Test
    void addingMembersAnnouncesOnlyTheNewOnesAndTheWholeListAfter() {
        HandlerGroup group = HandlerGroup.create("es-1", "G", List.of(OLLE), null, "anna", NOW)
                .group();

        HandlerGroup.Changed grown =
                group.add(List.of(OLLE, PIA), "REQ-1", "anna", NOW).orElseThrow();

        assertThat(grown.event().change()).isEqualTo(GroupChange.MEMBERS_ADDED);
        assertThat(grown.event().added()).containsExactly(PIA);
        assertThat(grown.event().members()).containsExactly(OLLE, PIA);
        assertThat(group.add(List.of(OLLE), null, "anna", NOW))
                .as("nothing new, no event")
                .isEmpty();
    }

    @Test
    void removingAMemberWhoIsNoneChangesNothing() {
        HandlerGroup group = HandlerGroup.create("es-1", "G", List.of(OLLE, PIA), null, "anna", NOW)
                .group();

        assertThat(group.remove(List.of("nobody"), "anna", NOW)).isEmpty();
        assertThat(group.remove(List.of("olle"), "anna", NOW)
                        .orElseThrow()
                        .event()
                        .members())
                .containsExactly(PIA);
    }
}
