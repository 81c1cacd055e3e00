package se.municipality.eops.request.drafts.application;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;
import se.municipality.eops.contract.request.RequestType;
import se.municipality.eops.contract.request.Requester;
import se.municipality.eops.request.drafts.domain.Draft;
import se.municipality.eops.request.drafts.domain.Drafts;
import se.municipality.eops.request.filing.application.RequestFiling;
import se.municipality.eops.request.filing.domain.FieldViolation;
import se.municipality.eops.request.filing.domain.RequestDetails;
import se.municipality.eops.request.filing.domain.RequestRules;
import se.municipality.eops.request.filing.domain.ViolationCodes;
import se.municipality.eops.request.readmodel.application.InstantAnswers;
import se.municipality.eops.request.steps.domain.RequestSteps;
import se.municipality.eops.request.steps.domain.Step;
import se.municipality.eops.starter.rules.FieldErrorCodes;
import se.municipality.eops.starter.web.ConflictException;
import se.municipality.eops.starter.web.NotFoundException;

/** The use cases of drafts: start, save a step, read, delete, submit. */
@Service
@EnableConfigurationProperties(DraftProperties.class)
public class DraftService {

    private final Drafts drafts;
    private final StepMerge merge;
    private final RequestFiling filing;
    private final InstantAnswers answers;
    private final DraftProperties properties;
    private final Clock clock;

    DraftService(
            Drafts drafts,
            StepMerge merge,
            RequestFiling filing,
            InstantAnswers answers,
            DraftProperties properties,
            Clock clock) {
        this.drafts = drafts;
        this.merge = merge;
        this.filing = filing;
        this.answers = answers;
        this.properties = properties;
        this.clock = clock;
    }

    /** A draft and how far its steps are: per step, the broken rules of its fields (empty: complete). */
    public record Judged(Draft draft, List<StepState> steps, List<String> checksPending) {}

    public record StepState(String id, boolean complete, List<FieldViolation> errors) {}

    public Judged start(String ownerId, RequestType type) {
        Instant now = clock.instant();
        if (drafts.countOpen(ownerId, now) >= properties.maxPerUser()) {
            throw new ConflictException(
                    "drafts",
                    "you have " + properties.maxPerUser() + " open drafts, the most one may have: submit or delete one",
                    FieldErrorCodes.TOO_MANY,
                    Map.of("max", properties.maxPerUser()));
        }
        Draft draft = Draft.start(newId(), ownerId, type, now, properties.expireAfter());
        drafts.add(draft);
        return judge(draft, List.of());
    }

    public Judged get(String id, String userId) {
        return judge(own(id, userId), List.of());
    }

    /**
     * Saves one step's fields when they keep every rule of that step; later steps are not judged. A
     * step that breaks a rule is not saved (400 naming its fields), nor one that contradicts what the
     * read models know (409/422 as at filing).
     */
    public Judged saveStep(String id, String userId, String stepId, RequestDetails body) {
        Draft draft = own(id, userId);
        if (draft.isSubmitted()) {
            throw submittedAlready(draft);
        }
        Step step = RequestSteps.step(draft.type(), stepId)
                .orElseThrow(() -> new NotFoundException("A " + draft.type() + " request has no step " + stepId + "."));
        List<FieldViolation> strangers = merge.strangers(draft.type(), step, body);
        if (!strangers.isEmpty()) {
            throw new DraftProblems.StepInvalid(step.id(), strangers, "The body gives fields of other steps.");
        }
        Instant now = clock.instant();
        RequestDetails merged = merge.merge(draft.details(), step, body);
        List<FieldViolation> own = step.own(RequestRules.violations(merged, now));
        if (!own.isEmpty()) {
            throw new DraftProblems.StepInvalid(step.id(), own, "Step " + step.id() + " is not complete.");
        }
        InstantAnswers.Outcome outcome = answers.checkStep(userId, merged, step::judges);
        Draft saved = draft.withDetails(merged, now, properties.expireAfter());
        if (!drafts.update(saved)) {
            throw new ConflictException(
                    "draft", "was changed or submitted meanwhile; read it again", FieldErrorCodes.CHANGED_MEANWHILE);
        }
        return judge(drafts.findById(id).orElseThrow(), outcome.pending());
    }

    public void delete(String id, String userId) {
        own(id, userId);
        drafts.delete(id);
    }

    /**
     * Files the request the draft describes, as {@code POST /api/requests} does, once every step is
     * complete. The draft's id is the idempotency key, so submitting again after a lost answer files
     * nothing twice; a draft submitted before answers 409 naming its request.
     */
    public RequestFiling.Filed submit(String id, Requester requester) {
        Draft draft = own(id, requester.userId());
        if (draft.isSubmitted()) {
            throw submittedAlready(draft);
        }
        Optional<RequestSteps.Judged> incomplete =
                RequestSteps.firstIncomplete(draft.type(), RequestRules.violations(draft.details(), clock.instant()));
        if (incomplete.isPresent()) {
            throw new DraftProblems.StepInvalid(
                    incomplete.get().step().id(),
                    incomplete.get().violations(),
                    "Step " + incomplete.get().step().id() + " is not complete.");
        }
        RequestFiling.Filed filed = filing.file(requester, draft.details(), Optional.of("draft:" + draft.id()));
        drafts.markSubmitted(draft.id(), filed.request().id());
        return filed;
    }

    /** Removes expired drafts (the scheduled job). */
    public long removeExpired() {
        return drafts.removeExpired(clock.instant());
    }

    private Draft own(String id, String userId) {
        Draft draft = drafts.findById(id)
                .filter(found -> found.isOwnedBy(userId))
                .orElseThrow(() -> new NotFoundException("No draft " + id + " of yours."));
        if (draft.isExpired(clock.instant())) {
            throw new DraftProblems.DraftExpired(id);
        }
        return draft;
    }

    private Judged judge(Draft draft, List<String> checksPending) {
        List<FieldViolation> violations = RequestRules.violations(draft.details(), clock.instant());
        List<StepState> steps = RequestSteps.of(draft.type()).stream()
                .map(step -> {
                    List<FieldViolation> own = step.own(violations);
                    return new StepState(step.id(), own.isEmpty(), own);
                })
                .toList();
        return new Judged(draft, steps, checksPending);
    }

    private static ConflictException submittedAlready(Draft draft) {
        return new ConflictException(
                "draft",
                "was submitted already as request " + draft.submittedRequestId(),
                ViolationCodes.DRAFT_SUBMITTED,
                Map.of("requestId", draft.submittedRequestId()));
    }

    private static String newId() {
        return "DRF-"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toUpperCase();
    }
}
