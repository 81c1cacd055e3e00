package se.municipality.eops.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ParsingTest {

    @Test
    void readsThePendingGaugeOfRequestService() {
        String prometheus = """
                # HELP eops_outbox_pending_documents documents with events waiting to be published
                # TYPE eops_outbox_pending_documents gauge
                eops_outbox_pending_documents{application="request-service",collection="requests"} 4217.0
                eops_outbox_parked_documents{application="request-service",collection="requests"} 0.0
                """;

        assertThat(Outbox.gaugeValue(prometheus)).isEqualTo(4217.0);
        assertThat(Outbox.gaugeValue("eops_outbox_pending_documents{collection=\"requests\"} NaN"))
                .isNaN();
        assertThat(Outbox.gaugeValue("")).isNaN();
    }

    @Test
    void takesTheRequestIdOfANotificationSentOnly() {
        String sent = """
                {"eventId":"5f0c","notificationId":"n-1","channel":"EMAIL","recipient":"a@b.se","requestId":"REQ-7"}""";
        String failed = """
                {"eventId":"5f0d","notificationId":"n-2","channel":"EMAIL","reason":"refused","requestId":"REQ-8"}""";

        assertThat(NotificationLatency.sentRequestId("se.municipality.eops.NotificationSent.v1", sent))
                .isEqualTo("REQ-7");
        assertThat(NotificationLatency.sentRequestId(null, sent)).isEqualTo("REQ-7");
        assertThat(NotificationLatency.sentRequestId(null, failed)).isNull();
        assertThat(NotificationLatency.sentRequestId("NotificationFailed", sent))
                .isNull();
        assertThat(NotificationLatency.sentRequestId(null, "not json")).isNull();
    }

    @Test
    void readsTheIdOfAFiledRequest() {
        assertThat(Intake.requestId("{\"id\" : \"REQ-2026-000123\",\"status\":\"SUBMITTED\"}"))
                .isEqualTo("REQ-2026-000123");
    }
}
