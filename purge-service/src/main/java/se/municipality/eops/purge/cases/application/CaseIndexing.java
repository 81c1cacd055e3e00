package se.municipality.eops.purge.cases.application;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Service;
import se.municipality.eops.contract.platform.CaseClosed;
import se.municipality.eops.contract.platform.CaseDeleted;
import se.municipality.eops.contract.platform.CaseSubmitted;
import se.municipality.eops.purge.cases.domain.CaseIndex;
import se.municipality.eops.purge.cases.domain.IndexedCase;

/** Keeps the index in step with the platform's case events. */
@Service
public class CaseIndexing {

    private final CaseIndex index;
    private final Counter indexed;

    public CaseIndexing(CaseIndex index, MeterRegistry meters) {
        this.index = index;
        this.indexed = Counter.builder("eops.purge.cases.indexed")
                .description("Cases added to the cases index (events and imports)")
                .register(meters);
    }

    public void on(CaseSubmitted event) {
        boolean added = index.submitted(new IndexedCase(
                event.caseId(), event.eServiceId(), event.submittedAt(), null, event.test(), event.caseType()));
        if (added) {
            indexed.increment();
        }
    }

    public void on(CaseClosed event) {
        index.closed(event.caseId(), event.eServiceId(), event.closedAt());
    }

    public void on(CaseDeleted event) {
        index.deleted(event.caseId());
    }

    void countImported(long cases) {
        indexed.increment(cases);
    }
}
