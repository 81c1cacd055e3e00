package se.municipality.eops.permission.grant.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import se.municipality.eops.contract.permission.Group;
import se.municipality.eops.contract.permission.PermissionRequestRefused.ReasonCode;
import se.municipality.eops.contract.permission.PermissionRole;
import se.municipality.eops.contract.permission.Person;

class RefusalTest {

    static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");

    @ParameterizedTest
    @EnumSource(
            value = PermissionRole.class,
            names = {"ADMINISTRATOR", "EDITOR"})
    void refusesAGroupGrantOfAnyRoleButCaseHandler(PermissionRole role) {
        assertThat(Refusal.ofGroupGrant(role, "es-1").orElseThrow().code())
                .isEqualTo(ReasonCode.GROUP_ROLE_NOT_ALLOWED);
    }

    @Test
    void grantsAGroupTheCaseHandlerRole() {
        assertThat(Refusal.ofGroupGrant(PermissionRole.CASE_HANDLER, "es-1")).isEmpty();
    }

    @Test
    void refusesAnEditorGrantWithoutAnEService() {
        assertThat(Refusal.ofPersonGrant(PermissionRole.EDITOR, null, "p", List.of(), List.of())
                        .orElseThrow()
                        .code())
                .isEqualTo(ReasonCode.E_SERVICE_MISSING);
    }

    @Test
    void refusesWhatThePersonHoldsNamingTheGrant() {
        Grant held = editor("gr-1");

        Refusal refusal = Refusal.ofPersonGrant(PermissionRole.EDITOR, "es-1", "p", List.of(held), List.of())
                .orElseThrow();

        assertThat(refusal.code()).isEqualTo(ReasonCode.ALREADY_GRANTED);
        assertThat(refusal.existingGrantId()).isEqualTo("gr-1");
    }

    @Test
    void refusesAHandlerWhoIsOneThroughAGroup() {
        Grant groupGrant = Grant.decide(
                        new Grant.Wish(
                                "gr-2",
                                PermissionRole.CASE_HANDLER,
                                "es-1",
                                null,
                                Holder.of(new Group("hg-1", "Bygglov")),
                                null,
                                null,
                                null,
                                "anna"),
                        null,
                        NOW)
                .grant();

        Refusal refusal = Refusal.ofPersonGrant(
                        PermissionRole.CASE_HANDLER, "es-1", "p", List.of(), List.of(groupGrant))
                .orElseThrow();

        assertThat(refusal.code()).isEqualTo(ReasonCode.ALREADY_GRANTED);
        assertThat(refusal.reason()).contains("through the group Bygglov");
    }

    @Test
    void grantsWhatThePersonDoesNotHold() {
        assertThat(Refusal.ofPersonGrant(PermissionRole.EDITOR, "es-1", "p", List.of(), List.of()))
                .isEmpty();
    }

    @Test
    void refusesToRevokeWhatWasNeverGranted() {
        assertThat(Refusal.notGranted(PermissionRole.EDITOR, "es-1", "p", List.of())
                        .code())
                .isEqualTo(ReasonCode.NOT_GRANTED);
    }

    static Grant editor(String id) {
        return Grant.decide(
                        new Grant.Wish(
                                id,
                                PermissionRole.EDITOR,
                                "es-1",
                                null,
                                Holder.of(new Person("p", null, null)),
                                null,
                                null,
                                null,
                                "anna"),
                        null,
                        NOW)
                .grant();
    }
}
