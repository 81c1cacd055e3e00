package se.municipality.eops.portal.requests;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import se.municipality.eops.portal.services.PublicationServiceClient.ChecklistItem;
import se.municipality.eops.portal.services.RequestServiceClient.Label;
import se.municipality.eops.portal.services.RequestServiceClient.Step;
import se.municipality.eops.portal.services.RequestServiceClient.StepField;

class StepFormTest {

    private static final StepForm FORM =
            new StepForm(Locale.forLanguageTag("sv"), ZoneId.of("Europe/Stockholm"), key -> key);

    private static StepField text(String name) {
        return new StepField(name, new Label(name, name), "TEXT", true, null, 200, null, null, null);
    }

    private static final Step PERMISSION = new Step(
            "holder",
            new Label("Vem", "Who"),
            List.of(
                    new StepField(
                            "permission.validUntil",
                            new Label("t", "t"),
                            "INSTANT",
                            false,
                            null,
                            null,
                            null,
                            null,
                            null),
                    new StepField(
                            "permission.person",
                            new Label("p", "p"),
                            "OBJECT",
                            false,
                            null,
                            null,
                            null,
                            null,
                            List.of(text("userId"), text("name"))),
                    new StepField(
                            "permission.group",
                            new Label("g", "g"),
                            "OBJECT",
                            false,
                            null,
                            null,
                            null,
                            null,
                            List.of(
                                    text("name"),
                                    new StepField(
                                            "members",
                                            new Label("m", "m"),
                                            "LIST",
                                            true,
                                            null,
                                            null,
                                            500,
                                            null,
                                            List.of(text("userId"), text("name")))))),
            List.of());

    @Test
    void theBodyLeavesOutBlankFieldsAndEmptyPeopleAndReadsTimesInStockholm() {
        Map<String, Object> body = FORM.body(
                PERMISSION,
                Map.of(
                        "permission.validUntil", "2027-06-30T12:00",
                        "permission.person.userId", "",
                        "permission.person.name", " ",
                        "permission.group.name", "Handläggare",
                        "permission.group.members", "3",
                        "permission.group.members[0].userId", "nils",
                        "permission.group.members[0].name", "Nils Nord",
                        "permission.group.members[2].userId", "rut"),
                List.of());

        assertThat(body)
                .isEqualTo(Map.of(
                        "permission",
                        Map.of(
                                "validUntil",
                                "2027-06-30T10:00:00Z",
                                "group",
                                Map.of(
                                        "name",
                                        "Handläggare",
                                        "members",
                                        List.of(
                                                Map.of("userId", "nils", "name", "Nils Nord"),
                                                Map.of("userId", "rut"))))));
    }

    @Test
    void theChecklistAnswersEveryItemInForceTickedOrNot() {
        Step checklist = new Step(
                "checklist",
                new Label("c", "c"),
                List.of(new StepField(
                        StepForm.CHECKLIST, new Label("c", "c"), "LIST", false, null, null, 100, null, List.of())),
                List.of());

        Map<String, Object> body = FORM.body(
                checklist,
                Map.of("publication.checklist.accessibility", "true"),
                List.of(
                        new ChecklistItem("accessibility", "Tillgänglighetsgranskad", true),
                        new ChecklistItem("contact", "Kontaktuppgifter", true)));

        assertThat(body)
                .isEqualTo(Map.of(
                        "publication",
                        Map.of(
                                "checklist",
                                List.of(
                                        Map.of(
                                                "itemId",
                                                "accessibility",
                                                "item",
                                                "Tillgänglighetsgranskad",
                                                "done",
                                                true),
                                        Map.of("itemId", "contact", "item", "Kontaktuppgifter", "done", false)))));
    }

    @Test
    void theChecklistIsOptionalOnlyWhenTheServiceSaysSoAndItsItemsKeepTheirMandatoryMark() {
        List<ChecklistItem> items = List.of(
                new ChecklistItem("accessibility", "Tillgänglighetsgranskad", true),
                new ChecklistItem("handlers", "Handläggare har behörighet", false));
        StepField requiredForANewEService = new StepField(
                StepForm.CHECKLIST,
                new Label("Checklista", "Checklist"),
                "LIST",
                false,
                new StepField.Condition("publication.kind", List.of("NEW_ESERVICE")),
                null,
                100,
                null,
                List.of());
        StepField optional = new StepField(
                StepForm.CHECKLIST,
                new Label("Checklista", "Checklist"),
                "LIST",
                false,
                null,
                null,
                100,
                null,
                List.of());

        StepForm.Input required = FORM.inputs(
                        new Step("checklist", new Label("c", "c"), List.of(requiredForANewEService), List.of()),
                        Map.of(),
                        items,
                        0)
                .get(0);
        StepForm.Input notRequired = FORM.inputs(
                        new Step("checklist", new Label("c", "c"), List.of(optional), List.of()), Map.of(), items, 0)
                .get(0);

        assertThat(required.optional()).isFalse();
        assertThat(notRequired.optional()).isTrue();
        assertThat(required.options()).extracting(StepForm.Option::mandatory).containsExactly(true, false);
    }

    @Test
    void anApiFieldErrorLandsOnTheNearestInputShown() {
        var inputs =
                java.util.Set.of("permission.person", "permission.person.email", "permission.group.members[0].email");

        assertThat(DraftStepsController.closestInput("permission.person.email", inputs))
                .isEqualTo("permission.person.email");
        assertThat(DraftStepsController.closestInput("permission.group.members[0].email", inputs))
                .isEqualTo("permission.group.members[0].email");
        assertThat(DraftStepsController.closestInput("permission.person.name", inputs))
                .isEqualTo("permission.person");
        assertThat(DraftStepsController.closestInput("permission", inputs)).isNull();
    }
}
