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
import se.municipality.eops.contract.request.RequestSubmitted;
import se.municipality.eops.contract.request.RequestType;
import se.municipality.eops.publication.catalogue.domain.EService;
import se.municipality.eops.publication.catalogue.domain.EServices;
import se.municipality.eops.publication.catalogue.domain.FiledPublication;
import se.municipality.eops.publication.checklist.application.ChecklistAdministration;
import se.municipality.eops.publication.checklist.domain.ChecklistAnswer;
import se.municipality.eops.publication.checklist.domain.ChecklistVerdict;

/**
 * Takes publication requests from request-service: a brand-new e-service is judged by the checklist in
 * force when it was filed and then blocked or sent to review; a new version is published at once.
 *
 * <p>Idempotent by construction: the e-service records the request id on the version it created, so a
 * redelivered request (or two deliveries at once, which the optimistic lock serialises) finds it and
 * changes nothing.
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
        for (int attempt = 0; attempt < OptimisticRetry.ATTEMPTS; attempt++) {
            Optional<EService> existing = eServices.find(request.eServiceId());
            if (existing.isEmpty()) {
                if (addFirst(request)) {
                    return;
                }
                continue; // created meanwhile (a concurrent delivery): handle it as existing
            }
            if (existing.get().hasHandled(request.requestId())) {
                log.info("Request {} was handled before; nothing to do", request.requestId());
                return;
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
            return;
        }
    }

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
            eService.requestNewVersion(request, now);
            return;
        }
        ChecklistVerdict verdict = checklists.judge(request.answers(), request.filedAt());
        eService.requestNewEService(request, verdict, properties.quorum(), newReviewId(), now);
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
