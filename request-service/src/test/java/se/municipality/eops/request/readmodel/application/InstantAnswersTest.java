package se.municipality.eops.request.readmodel.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import se.municipality.eops.contract.request.PermissionRequest;
import se.municipality.eops.contract.request.PermissionRequest.Change;
import se.municipality.eops.contract.request.PermissionRequest.PermissionRole;
import se.municipality.eops.contract.request.PermissionRequest.Person;
import se.municipality.eops.contract.request.PurgeRequest;
import se.municipality.eops.contract.request.PurgeRequest.PurgeKind;
import se.municipality.eops.contract.request.Requester;
import se.municipality.eops.contract.request.RequesterRole;
import se.municipality.eops.request.filing.domain.RequestDetails;
import se.municipality.eops.request.filing.domain.ServiceRequest;
import se.municipality.eops.request.readmodel.domain.ReadModel;
import se.municipality.eops.request.readmodel.domain.ReadModels;

/** While a read model catches up, the answers that depend on it are not given: they are pending. */
class InstantAnswersTest {

    static final Requester ANNA = new Requester(
            "anna", "Anna Andersson", "anna.andersson@kommun.example", RequesterRole.ESERVICE_ADMINISTRATOR);
    static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");

    /** Read models that would answer "already a case handler" and "in the catalogue" if asked. */
    static final ReadModels EVERYTHING_KNOWN = new ReadModels() {
        @Override
        public Optional<EService> eService(String eServiceId) {
            return Optional.of(new EService(eServiceId, "Bygglov", List.of("1.0")));
        }

        @Override
        public Optional<GrantHeld> directCaseHandler(String eServiceId, String personId, Instant validUntil) {
            return Optional.of(new GrantHeld("gr-1", "ACTIVE", null, null, null, true));
        }

        @Override
        public Optional<GrantHeld> caseHandlerThroughGroup(String eServiceId, String personId) {
            return Optional.empty();
        }

        @Override
        public Optional<GrantHeld> administrator(String eServiceId, String personId, Instant validUntil) {
            return Optional.empty();
        }

        @Override
        public Optional<String> requestAwaitingTrainingOn(String grantId) {
            return Optional.empty();
        }

        @Override
        public Optional<OpenRequest> openRequest(String subjectKey, String exceptId) {
            return Optional.empty();
        }
    };

    static ServiceRequest handlerGrant() {
        return ServiceRequest.file(
                "REQ-1",
                ANNA,
                RequestDetails.permission(new PermissionRequest(
                        Change.GRANT,
                        PermissionRole.CASE_HANDLER,
                        "es-1",
                        "Bygglov",
                        new Person("nils", "Nils Nord", "nils.nord@kommun.example"),
                        null,
                        null)),
                NOW);
    }

    @Test
    void aCheckThatDependsOnAReadModelStillCatchingUpIsPendingNotAnsweredWrongly() {
        InstantAnswers catchingUp = new InstantAnswers(EVERYTHING_KNOWN, model -> model != ReadModel.PERMISSIONS);

        assertThatThrownBy(() -> catchingUp.check(handlerGrant()))
                .isInstanceOfSatisfying(
                        AnswerProblems.ChecksPending.class,
                        pending -> assertThat(pending.readModels()).containsExactly("permissions"));
        assertThat(catchingUp
                        .checkStep("anna", handlerGrant().details(), field -> field.startsWith("permission.person"))
                        .pending())
                .containsExactly("permissions");
    }

    @Test
    void onceCaughtUpTheAnswerIsGiven() {
        InstantAnswers caughtUp = new InstantAnswers(EVERYTHING_KNOWN, model -> true);

        assertThatThrownBy(() -> caughtUp.check(handlerGrant()))
                .isInstanceOfSatisfying(
                        AnswerProblems.Answered.class,
                        answered ->
                                assertThat(answered.findings().get(0).field()).isEqualTo("permission.person.userId"));
    }

    @Test
    void aRequestNoReadModelAnswersIsFiledWhileTheyCatchUp() {
        InstantAnswers catchingUp = new InstantAnswers(EVERYTHING_KNOWN, model -> false);
        ServiceRequest purge = ServiceRequest.file(
                "REQ-2",
                ANNA,
                RequestDetails.purge(new PurgeRequest(PurgeKind.TEST_CASES, "es-1", "Bygglov", null, null, null)),
                NOW);

        catchingUp.check(purge);
    }
}
