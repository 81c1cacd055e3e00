package se.municipality.eops.notification.delivery.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Instant;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import se.municipality.eops.contract.request.RequestSubmitted;
import se.municipality.eops.contract.samples.RequestSubmittedMother;
import se.municipality.eops.notification.delivery.ReceiptEvents;

class ReceiptMailTest {

    private final ReceiptMail receipts = new ReceiptMail(URI.create("https://e-tjanster.kommun.example/"));

    @Test
    void tellsTheRequesterWhatArrivedInSwedishWithAnEnglishSummary() {
        RequestSubmitted event = RequestSubmittedMother.newEServicePublication();
        String id = event.requestId();
        String link = "https://e-tjanster.kommun.example/requests/" + id;

        OutgoingMail mail = receipts.compose(event);

        assertThat(mail.to()).isEqualTo("anna.andersson@kommun.example");
        assertThat(mail.subject()).isEqualTo("Vi har tagit emot din begäran – Publicering av ny e-tjänst (" + id + ")");
        assertThat(mail.body()).isEqualTo("""
                        Hej Anna Andersson!

                        Vi har tagit emot din begäran. Det centrala e-tjänstteamet går igenom den, och du får besked när något händer.

                        Begäran:   %1$s
                        Typ:       Publicering av ny e-tjänst
                        E-tjänst:  Skolskjuts (es-4711)
                        Version:   1.0
                        Inskickad: 27 november 2026 kl. 10:15 (svensk tid)

                        Följ din begäran här: %2$s

                        Det här meddelandet skickas automatiskt och går inte att svara på. Frågor om en viss e-tjänst ställer du till kontakten under "Frågor om e-tjänsten" i den.

                        Med vänliga hälsningar
                        Centrala e-tjänstteamet

                        --\s
                        In English: we have received your request %1$s (publication of a new e-service, Skolskjuts (es-4711)), submitted on 27 November 2026 at 10:15 Swedish time. Follow it at %2$s. This is an automated message; please do not reply.
                        """.formatted(id, link));
    }

    static Stream<Arguments> everyKindOfRequest() {
        return Stream.of(
                kind(
                        RequestSubmittedMother::newEServicePublication,
                        "Publicering av ny e-tjänst",
                        "publication of a new e-service"),
                kind(
                        RequestSubmittedMother::newVersionPublication,
                        "Publicering av ny version",
                        "publication of a new version"),
                kind(RequestSubmittedMother::testCasePurge, "Gallring av testärenden", "purge of test cases"),
                kind(
                        RequestSubmittedMother::retentionPurge,
                        "Gallring enligt dokumenthanteringsplanen",
                        "purge under the retention schedule"),
                kind(
                        RequestSubmittedMother::administratorPermission,
                        "Behörighet som administratör",
                        "grant of administrator permission"),
                kind(
                        RequestSubmittedMother::caseHandlerGroupPermission,
                        "Behörighet som handläggare",
                        "grant of case handler permission"),
                kind(
                        RequestSubmittedMother::editorRevocation,
                        "Borttagning av behörighet som redaktör",
                        "revocation of editor permission"));
    }

    private static Arguments kind(Supplier<RequestSubmitted> event, String swedish, String english) {
        return Arguments.of(event.get(), swedish, english);
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("everyKindOfRequest")
    void namesTheKindOfRequestInSubjectBodyAndSummary(RequestSubmitted event, String swedish, String english) {
        OutgoingMail mail = receipts.compose(event);

        assertThat(mail.subject())
                .isEqualTo("Vi har tagit emot din begäran – " + swedish + " (" + event.requestId() + ")");
        assertThat(mail.body())
                .contains("Typ:       " + swedish + "\n")
                .contains("Begäran:   " + event.requestId() + "\n")
                .contains("In English: we have received your request " + event.requestId() + " (" + english);
    }

    @Test
    void repeatsTheDetailsThatIdentifyThePurgeDecision() {
        String body = receipts.compose(RequestSubmittedMother.retentionPurge()).body();

        assertThat(body)
                .contains("E-tjänst:  Skolskjuts (es-4711)\n")
                .contains("Nämnd:     Barn- och utbildningsnämnden\n")
                .contains("Beslut:    BUN 2025/118\n");
    }

    @Test
    void namesWhoAPermissionIsFor() {
        assertThat(receipts.compose(RequestSubmittedMother.administratorPermission())
                        .body())
                .contains("Gäller:    Carl Carlsson (u-carl)\n")
                .doesNotContain("E-tjänst:");
        assertThat(receipts.compose(RequestSubmittedMother.caseHandlerGroupPermission())
                        .body())
                .contains("Gäller:    gruppen Skolskjutshandläggare (2 personer)\n");
        assertThat(receipts.compose(RequestSubmittedMother.editorRevocation()).body())
                .contains("E-tjänst:  es-4711\n")
                .contains("Gäller:    u-fia\n");
    }

    @Test
    void showsTheSubmissionTimeOnSwedishClocksInSummerToo() {
        RequestSubmitted winter = RequestSubmittedMother.testCasePurge();
        RequestSubmitted summer = new RequestSubmitted(
                winter.eventId(),
                winter.requestId(),
                Instant.parse("2026-06-30T22:05:00Z"),
                winter.requestType(),
                winter.requester(),
                winter.publication(),
                winter.purge(),
                winter.permission());

        assertThat(receipts.compose(summer).body())
                .contains("Inskickad: 1 juli 2026 kl. 00:05 (svensk tid)\n")
                .contains("submitted on 1 July 2026 at 00:05 Swedish time");
    }

    @Test
    void greetsWithoutANameWhenTheRequesterHasNone() {
        RequestSubmitted event = ReceiptEvents.withoutRequesterName(RequestSubmittedMother.testCasePurge());

        assertThat(receipts.compose(event).body()).startsWith("Hej!\n\n");
    }

    @Test
    void linksToTheRequestInTheFrontEndWhateverCharactersItsIdHas() {
        ReceiptMail withoutTrailingSlash = new ReceiptMail(URI.create("https://portal.kommun.example/e-tjanster"));

        assertThat(withoutTrailingSlash.linkTo("req-42"))
                .contains("https://portal.kommun.example/e-tjanster/requests/req-42");
        assertThat(receipts.linkTo("år 2026/1 ~x"))
                .contains("https://e-tjanster.kommun.example/requests/%C3%A5r%202026%2F1%20~x");
    }

    @Test
    void leavesTheLinkOutWhenThereIsNoFrontEnd() {
        ReceiptMail withoutFrontEnd = new ReceiptMail(null);
        RequestSubmitted event = RequestSubmittedMother.testCasePurge();

        String body = withoutFrontEnd.compose(event).body();

        assertThat(withoutFrontEnd.linkTo(event.requestId())).isEmpty();
        assertThat(body)
                .doesNotContain("http")
                .doesNotContain("Följ din begäran")
                .doesNotContain("Follow it")
                .contains(
                        "Inskickad: 27 november 2026 kl. 10:15 (svensk tid)\n\nDet här meddelandet skickas automatiskt")
                .contains("submitted on 27 November 2026 at 10:15 Swedish time. This is an automated message");
    }

    @Test
    void composesTheSameMailForTheSameEventSoEveryAttemptSendsOneMessage() {
        RequestSubmitted event = RequestSubmittedMother.newVersionPublication();

        OutgoingMail first = receipts.compose(event);

        assertThat(receipts.compose(event)).isEqualTo(first);
        assertThat(first.reference()).isEqualTo("receipt:" + event.eventId());
        assertThat(first.reference()).isEqualTo(ReceiptMail.notificationId(event.eventId()));
    }
}
