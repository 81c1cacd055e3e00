package se.municipality.eops.publication.catalogue.application;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import se.municipality.eops.contract.publication.PublicationBlocked;
import se.municipality.eops.contract.publication.PublicationKind;
import se.municipality.eops.contract.request.PublicationRequest;
import se.municipality.eops.contract.request.RequestRejected;
import se.municipality.eops.contract.request.RequestSubmitted;
import se.municipality.eops.contract.request.RequestType;
import se.municipality.eops.contract.request.RequestWithdrawn;
import se.municipality.eops.publication.catalogue.domain.EService;
import se.municipality.eops.publication.catalogue.domain.EServiceVersion;
import se.municipality.eops.publication.catalogue.domain.EServices;
import se.municipality.eops.publication.catalogue.domain.FiledPublication;
import se.municipality.eops.publication.catalogue.domain.VersionStatus;
import se.municipality.eops.publication.catalogue.domain.Withdrawal;
import se.municipality.eops.publication.catalogue.domain.WithdrawalCause;
import se.municipality.eops.publication.checklist.application.ChecklistAdministration;
import se.municipality.eops.publication.checklist.domain.ChecklistAnswer;
import se.municipality.eops.publication.checklist.domain.ChecklistVerdict;
import se.municipality.eops.starter.concurrency.ConcurrentChanges;

/**
 * Takes publication requests from request-service: a brand-new e-service is judged by the checklist in
 * force when it was filed and then blocked or sent to review; a new version is published at once. A
 * request its requester withdraws, or the central team rejects, stops the work: the version it created is
 * withdrawn if it is still in review or waiting for its test-case purge.
 *
 * <p>Idempotent by construction: the e-service records the request id on the version it created, so a
 * redelivered request (or two deliveries at once, which the optimistic lock serialises) finds it and
 * changes nothing; a redelivered withdrawal or rejection finds the version withdrawn and changes nothing.
 */
@Service
public class PublicationIntake {

    private static final Logger log = LoggerFactory.getLogger(PublicationIntake.class);

    private final EServices eServices;
    private final EServiceWrites writes;
    private final ChecklistAdministration checklists;
    private final PublicationProperties properties;
    private final Clock clock;

    public PublicationIntake(
            EServices eServices,
            EServiceWrites writes,
            ChecklistAdministration checklists,
            PublicationProperties properties,
            Clock clock) {
        this.eServices = eServices;
        this.writes = writes;
        this.checklists = checklists;
        this.properties = properties;
        this.clock = clock;
    }

    public void handle(RequestSubmitted submitted) {
        if (submitted.requestType() != RequestType.PUBLICATION || submitted.publication() == null) {
            return;
        }
        FiledPublication request = filed(submitted);
        ConcurrentChanges.retry("eServiceId", "the e-service " + request.eServiceId(), EServiceWrites.ATTEMPTS, () -> {
            Optional<EService> existing = eServices.find(request.eServiceId());
            if (existing.isEmpty()) {
                // Empty when a concurrent delivery created it meanwhile: the next attempt handles it as existing.
                return addFirst(request) ? Optional.of(Boolean.TRUE) : Optional.empty();
            }
            if (existing.get().hasHandled(request.requestId())) {
                log.info("Request {} was handled before; nothing to do", request.requestId());
                return Optional.of(Boolean.TRUE);
            }
            writes.change(
                    "request " + request.requestId(),
                    () -> eServices.find(request.eServiceId()).orElseThrow(),
                    eService -> {
                        if (!eService.hasHandled(request.requestId())) {
                            apply(eService, request);
                        }
                        return Boolean.TRUE;
                    });
            return Optional.of(Boolean.TRUE);
        });
    }

    /**
     * The requester withdrew a request. Only publication requests are this service's; one that created no
     * version here (a new version of an unknown e-service, say) or whose version went its way already changes
     * nothing. The version's withdrawal date is when the requester withdrew it.
     */
    public void withdrawn(RequestWithdrawn withdrawn) {
        if (withdrawn.requestType() != RequestType.PUBLICATION) {
            return;
        }
        stop(
                withdrawn.requestId(),
                withdrawn.eServiceId(),
                "withdrawn",
                (eService, at) -> eService.withdrawRequest(withdrawn.requestId(), withdrawn.withdrawnBy(), at),
                withdrawn.occurredAt());
    }

    /**
     * A request was rejected. Only a publication request the central team rejected ({@code REJECTED_BY_TEAM})
     * stops anything, the same way as a withdrawal, recording the team's rejection ({@link
     * WithdrawalCause#REJECTED_BY_TEAM}) and who; the other reasons answer this service's own blocking or the
     * reference group's rejection, where nothing is open, and change nothing.
     */
    public void rejected(RequestRejected rejected) {
        if (rejected.requestType() != RequestType.PUBLICATION) {
            return;
        }
        if (rejected.reasonCode() != RequestRejected.ReasonCode.REJECTED_BY_TEAM) {
            log.debug(
                    "Request {} was rejected ({}), not by the central team; nothing here is open",
                    rejected.requestId(),
                    rejected.reasonCode());
            return;
        }
        stop(
                rejected.requestId(),
                rejected.eServiceId(),
                "rejected by the central team",
                (eService, at) -> eService.rejectRequestByTeam(rejected.requestId(), rejected.rejectedBy(), at),
                rejected.occurredAt());
    }

    private void stop(
            String requestId,
            String eServiceId,
            String what,
            java.util.function.BiFunction<EService, Instant, Withdrawal> stopping,
            Instant occurredAt) {
        if (eServiceId == null || eServices.find(eServiceId).isEmpty()) {
            log.info(
                    "Request {} was {}, but the catalogue has no e-service {}; nothing to stop",
                    requestId,
                    what,
                    eServiceId);
            return;
        }
        Instant at = occurredAt != null ? occurredAt : clock.instant();
        WithdrawalDone done = writes.change(
                what + " request " + requestId,
                () -> eServices.find(eServiceId).orElseThrow(),
                eService -> new WithdrawalDone(
                        stopping.apply(eService, at),
                        eService.versionForRequest(requestId)
                                .map(EServiceVersion::status)
                                .orElse(null)));
        switch (done.outcome()) {
            case WITHDRAWN ->
                log.info(
                        "Request {} was {}: its version of {} is withdrawn and will not be published",
                        requestId,
                        what,
                        eServiceId);
            case WITHDRAWN_BEFORE ->
                log.info("Request {} was {}, but its version was withdrawn before", requestId, what);
            case TOO_LATE ->
                log.info(
                        "Request {} was {}, but its version of {} is {} already; it stays so",
                        requestId,
                        what,
                        eServiceId,
                        done.status());
            case NO_SUCH_REQUEST ->
                log.info(
                        "Request {} was {}, but no version of {} answers it; nothing to stop",
                        requestId,
                        what,
                        eServiceId);
        }
    }

    /** What a withdrawal did, and the status the request's version has after it (for the log). */
    private record WithdrawalDone(Withdrawal outcome, VersionStatus status) {}

    private boolean addFirst(FiledPublication request) {
        Instant now = clock.instant();
        if (request.kind() == PublicationKind.NEW_VERSION) {
            eServices.addUnmatched(new PublicationBlocked(
                    UUID.randomUUID(),
                    request.eServiceId(),
                    now,
                    request.requestId(),
                    request.eServiceName(),
                    request.versionLabel(),
                    PublicationBlocked.Reason.UNKNOWN_ESERVICE,
                    null,
                    null,
                    "The catalogue has no e-service " + request.eServiceId()
                            + "; the central team registers existing e-services"));
            return true;
        }
        EService created = EService.firstRequested(request, now);
        apply(created, request);
        return writes.add(created);
    }

    private void apply(EService eService, FiledPublication request) {
        Instant now = clock.instant();
        if (request.kind() == PublicationKind.NEW_VERSION) {
            if (namesAnother(request.eServiceName(), eService.name())) {
                // A new version does not rename: the catalogue's name stays, as the events it raises say.
                log.info(
                        "Request {} for a new version of {} calls it \"{}\"; the catalogue keeps its name \"{}\"",
                        request.requestId(),
                        eService.id(),
                        request.eServiceName(),
                        eService.name());
            }
            eService.requestNewVersion(request, now);
            return;
        }
        ChecklistVerdict verdict = checklists.judge(request.answers(), request.filedAt());
        eService.requestNewEService(request, verdict, properties.quorum(), newReviewId(), now);
    }

    private static boolean namesAnother(String requested, String catalogued) {
        return requested != null
                && !requested.isBlank()
                && catalogued != null
                && !requested.strip().equalsIgnoreCase(catalogued.strip());
    }

    private static FiledPublication filed(RequestSubmitted submitted) {
        PublicationRequest publication = submitted.publication();
        List<ChecklistAnswer> answers = publication.checklist() == null
                ? List.of()
                : publication.checklist().stream()
                        .filter(java.util.Objects::nonNull)
                        .map(item -> new ChecklistAnswer(item.itemId(), item.item(), item.done()))
                        .toList();
        return new FiledPublication(
                submitted.requestId(),
                submitted.requester() == null ? null : submitted.requester().userId(),
                submitted.occurredAt(),
                publication.kind() == PublicationRequest.PublicationKind.NEW_VERSION
                        ? PublicationKind.NEW_VERSION
                        : PublicationKind.NEW_ESERVICE,
                publication.eServiceId(),
                publication.eServiceName(),
                publication.versionLabel(),
                publication.committee(),
                publication.orderer(),
                answers);
    }

    private static String newReviewId() {
        return "rev-" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }
}
