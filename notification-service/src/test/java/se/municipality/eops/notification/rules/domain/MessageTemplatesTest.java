package se.municipality.eops.notification.rules.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import se.municipality.eops.contract.DomainEvent;
import se.municipality.eops.contract.request.RequestType;
import se.municipality.eops.contract.request.RequestWithdrawn;
import se.municipality.eops.contract.samples.EventSamples;
import se.municipality.eops.contract.samples.RequestLifecycleMother;
import se.municipality.eops.notification.delivery.domain.Message;
import se.municipality.eops.notification.delivery.domain.ReceiptMail;
import se.municipality.eops.starter.messaging.EventJson;

/**
 * Every template of every rule, in both languages, rendered with the contract's sample events (and,
 * for the request events the contract does not have yet, with events of the agreed shapes; for a withdrawal,
 * with one of every request type and one without a reason as well): no placeholder may be left, no value
 * empty.
 */
class MessageTemplatesTest {

    private static final MessageTemplates TEMPLATES =
            new MessageTemplates("templates/notifications", "https://e-tjanster.kommun.example/");
    private static final List<NotificationRule> RULES = RulesFile.rules();

    static Stream<Arguments> everyRuleWithEverySampleInBothLanguages() {
        List<Arguments> cases = new ArrayList<>();
        for (NotificationRule rule : RULES) {
            if (rule.template().equals(ReceiptMail.TEMPLATE)) {
                continue; // ReceiptMailTest covers the receipt, a Java template
            }
            List<Map<String, Object>> samples = samplesOf(rule.event());
            assertThat(samples).as("samples of " + rule.event()).isNotEmpty();
            for (Map<String, Object> sample : samples) {
                for (String language : List.of("sv", "en")) {
                    cases.add(Arguments.of(rule.event(), rule.template(), language, sample));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} → {1} ({2})")
    @MethodSource("everyRuleWithEverySampleInBothLanguages")
    void leavesNoPlaceholderUnfilledAndNoValueEmpty(
            String event, String template, String language, Map<String, Object> sample) {
        Message message = TEMPLATES.render(template, language, sample);

        assertThat(message.language()).isEqualTo(language);
        for (String part : new String[] {message.subject(), message.text(), message.html()}) {
            assertThat(part)
                    .isNotBlank()
                    .doesNotContainPattern("\\{\\d")
                    .doesNotContain("${")
                    .doesNotContain("[[")
                    .doesNotContain("null")
                    .doesNotContain(": \n")
                    .doesNotContain("()");
            assertThat(part.strip()).doesNotEndWith(":");
        }
        if (sample.get("requestId") != null) {
            assertThat(message.link()).startsWith("https://e-tjanster.kommun.example/requests/");
            assertThat(message.html()).contains("<a href=\"" + message.link() + "\">");
        }
    }

    @Test
    void everyRuleHasASampleItAppliesTo() {
        for (NotificationRule rule : RULES) {
            assertThat(samplesOf(rule.event()))
                    .as("samples of " + rule.event() + " that " + rule.template() + " applies to")
                    .anyMatch(rule::appliesTo);
        }
    }

    @Test
    void aWithdrawalWithoutAReasonSaysThatNoneWasGivenInsteadOfNull() {
        Map<String, Object> withoutReason = fieldsOf(withdrawn(RequestType.PURGE, null));

        assertThat(TEMPLATES.render("request-withdrawn", "sv", withoutReason).text())
                .contains("Typ: PURGE\nE-tjänst: " + RequestLifecycleMother.E_SERVICE_ID)
                .contains("Återkallad av: u-anna\nSkäl: –\n")
                .doesNotContain("null");
        assertThat(TEMPLATES.render("request-withdrawn", "en", withoutReason).text())
                .contains("Withdrawn by: u-anna\nReason: –\n")
                .doesNotContain("null");
        assertThat(TEMPLATES
                        .render("request-withdrawn", "sv", fieldsOf(withdrawn(RequestType.PURGE, "Fel e-tjänst")))
                        .text())
                .contains("Skäl: Fel e-tjänst\n");
    }

    @Test
    void writesEnglishForThoseWhoPreferItAndSwedishOtherwise() {
        Map<String, Object> rejected = requestEvent("RequestRejected");

        assertThat(TEMPLATES.render("request-rejected", "en", rejected).subject())
                .isEqualTo("Your request REQ-1A2B was rejected");
        assertThat(TEMPLATES.render("request-rejected", "sv", rejected).text())
                .contains("Skäl: Checklistan är inte komplett")
                .contains("Saknas: Tillgänglighetsredogörelse, Personuppgiftsanalys");
        assertThat(TEMPLATES.render("request-rejected", "fi", rejected).language())
                .isEqualTo("sv");
    }

    @Test
    void escapesTheHtmlPart() {
        Map<String, Object> comment = requestEvent("RequestCommented");
        comment.put("text", "<script>alert(1)</script> & more");

        Message message = TEMPLATES.render("request-commented", "sv", comment);

        assertThat(message.html())
                .contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; more")
                .doesNotContain("<script>");
        assertThat(message.text()).contains("<script>alert(1)</script> & more");
    }

    private static List<Map<String, Object>> samplesOf(String eventType) {
        List<Map<String, Object>> samples = new ArrayList<>();
        for (DomainEvent event : EventSamples.all()) {
            if (EventSamples.typeOf(event).name().equals(eventType)) {
                samples.add(fieldsOf(event));
            }
        }
        if (samples.isEmpty() && eventType.startsWith("Request")) {
            samples.add(requestEvent(eventType));
        }
        if (eventType.equals("RequestWithdrawn")) {
            // The contract's sample is a permission request with a reason; the rules differ by type.
            samples.add(fieldsOf(withdrawn(RequestType.PUBLICATION, null)));
            samples.add(fieldsOf(withdrawn(RequestType.PURGE, "Gallringen görs i ett annat ärende")));
        }
        return samples;
    }

    /** The contract's sample withdrawal ({@link RequestLifecycleMother#withdrawn()}) of another type and reason. */
    static RequestWithdrawn withdrawn(RequestType type, String reason) {
        RequestWithdrawn sample = RequestLifecycleMother.withdrawn();
        return new RequestWithdrawn(
                sample.eventId(),
                sample.requestId(),
                sample.occurredAt(),
                sample.requester(),
                type,
                sample.eServiceId(),
                sample.withdrawnBy(),
                reason);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> fieldsOf(DomainEvent event) {
        return EventJson.mapper().convertValue(event, Map.class);
    }

    /** A request event of the shape agreed with request-service (common fields plus the type's own). */
    static Map<String, Object> requestEvent(String type) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("eventId", UUID.randomUUID().toString());
        event.put("requestId", "REQ-1A2B");
        event.put("occurredAt", Instant.parse("2026-11-27T09:15:31Z").toString());
        event.put(
                "requester",
                Map.of("userId", "anna", "name", "Anna Andersson", "email", "anna@kommun.example", "role", "EMPLOYEE"));
        event.put("requestType", "PUBLICATION");
        event.put("eServiceId", "es-4711");
        event.put("eServiceName", "Skolskjuts");
        List<Map<String, Object>> missing = List.of(
                Map.of("itemId", "a11y", "text", "Tillgänglighetsredogörelse"), Map.of("text", "Personuppgiftsanalys"));
        switch (type) {
            case "RequestStatusChanged" -> {
                event.put("fromStatus", "SUBMITTED");
                event.put("toStatus", "WAITING_FOR_REVIEW");
                event.put("sequence", 2);
                event.put("actor", "publication-service");
                event.put("reason", "Granskning beställd");
                event.put("missingItems", missing);
            }
            case "RequestCompleted" -> event.put("outcome", "Published version 1.0");
            case "RequestRejected" -> {
                event.put("rejectedBy", "cecilia");
                event.put("reasonCode", "CHECKLIST_INCOMPLETE");
                event.put("reason", "Checklistan är inte komplett");
                event.put("missingItems", missing);
            }
            case "RequestCommented" -> {
                event.put("commentId", "c-1");
                event.put("author", "cecilia");
                event.put("authorRole", "CENTRAL_TEAM");
                event.put("text", "Kan du bifoga tillgänglighetsredogörelsen?");
            }
            case "RequestOverdue" -> {
                event.put("status", "IN_PROGRESS");
                event.put("statusSince", "2026-11-20T08:00:00Z");
                event.put("allowed", "P5D");
                event.put("assignee", "cecilia");
                event.put("remind", List.of("CENTRAL_TEAM"));
            }
            default -> throw new IllegalArgumentException("no sample of " + type);
        }
        return event;
    }
}
