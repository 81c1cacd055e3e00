package se.municipality.eops.publication.catalogue.application;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import se.municipality.eops.contract.DomainEvent;
import se.municipality.eops.publication.catalogue.domain.EService;
import se.municipality.eops.publication.catalogue.domain.EServices;
import se.municipality.eops.publication.catalogue.domain.PublicationRefused;
import se.municipality.eops.starter.concurrency.ConcurrentChanges;
import se.municipality.eops.starter.web.ConflictException;
import se.municipality.eops.starter.web.InvalidInputException;

/** Read-change-write of one e-service under the optimistic lock, retried when another write came first. */
@Component
class EServiceWrites {

    /** Reviewers' votes, reminders, the stall scan and the request topic's events may all meet on one e-service. */
    static final int ATTEMPTS = 20;

    private final EServices eServices;
    private final PublicationMetrics metrics;

    EServiceWrites(EServices eServices, PublicationMetrics metrics) {
        this.eServices = eServices;
        this.metrics = metrics;
    }

    /**
     * Applies {@code change} to a freshly read e-service and writes it with its events; on a lost race
     * reads again and applies again. Exceptions of {@code change} (refused rules) end it at once.
     *
     * @param load reads the e-service to change (it must exist)
     * @param change changes it and answers the caller's result
     */
    <T> T change(String what, java.util.function.Supplier<EService> load, Function<EService, T> change) {
        return ConcurrentChanges.retry("eServiceId", "the e-service (" + what + ")", ATTEMPTS, () -> {
            EService eService = load.get();
            T result;
            try {
                result = change.apply(eService);
            } catch (PublicationRefused refused) {
                throw translated(refused);
            }
            List<DomainEvent> events = eService.newEvents();
            if (!eService.hasChanges()) {
                return Optional.of(result);
            }
            if (!eServices.update(eService)) {
                return Optional.empty();
            }
            metrics.stored(eService, events);
            return Optional.of(result);
        });
    }

    private static RuntimeException translated(PublicationRefused refused) {
        return switch (refused.kind()) {
            case INVALID -> new InvalidInputException(refused);
            case CONFLICT -> new ConflictException(refused);
            case FORBIDDEN -> new AccessDeniedException(refused.getMessage());
        };
    }

    /** Inserts a new e-service with its events; false if one with its id exists (the caller reads it). */
    boolean add(EService eService) {
        if (!eServices.add(eService)) {
            return false;
        }
        metrics.stored(eService, eService.newEvents());
        return true;
    }

    void changeAll(List<EService> found, Consumer<EService> change) {
        for (EService eService : found) {
            change(
                    "scan of " + eService.id(),
                    () -> eServices.find(eService.id()).orElseThrow(),
                    fresh -> {
                        change.accept(fresh);
                        return Boolean.TRUE;
                    });
        }
    }
}
