package se.municipality.eops.request.filing.application;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import se.municipality.eops.contract.request.Requester;
import se.municipality.eops.request.filing.domain.FieldViolation;
import se.municipality.eops.request.filing.domain.RequestDetails;
import se.municipality.eops.request.filing.domain.RequestRuleViolation;
import se.municipality.eops.request.filing.domain.ServiceRequest;
import se.municipality.eops.request.filing.domain.ServiceRequests;
import se.municipality.eops.request.filing.domain.ServiceRequests.AddOutcome;
import se.municipality.eops.request.readmodel.application.AnswerProblems;
import se.municipality.eops.request.readmodel.application.InstantAnswers;
import se.municipality.eops.request.readmodel.domain.SubjectKey;
import se.municipality.eops.starter.rules.FieldErrorCodes;
import se.municipality.eops.starter.web.ConflictException;
import se.municipality.eops.starter.web.InvalidInputException;
import se.municipality.eops.starter.web.NotFoundException;

/** The use cases of filing and reading requests. */
@Service
public class RequestFiling {

    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    /** Filing again after the open request for the same thing ended in between: more is no race, but a fault. */
    private static final int ADD_ATTEMPTS = 3;

    private final ServiceRequests requests;
    private final Clock clock;
    private final InstantAnswers instantAnswers;

    public RequestFiling(ServiceRequests requests, Clock clock, InstantAnswers instantAnswers) {
        this.requests = requests;
        this.clock = clock;
        this.instantAnswers = instantAnswers;
    }

    /**
     * Files a request. With an idempotency key the request's id is derived from the requester and
     * the key, so filing again with the same key (a double click, a retry after a timeout) returns
     * the request filed the first time instead of a second one.
     */
    public Filed file(Requester requester, RequestDetails details, Optional<String> idempotencyKey) {
        String id = idempotencyKey.map(key -> idFor(requester.userId(), key)).orElseGet(RequestFiling::newRequestId);
        ServiceRequest request;
        try {
            request = ServiceRequest.file(id, requester, details, clock.instant());
            // Answers at once from the read models (409/422, or 503 while one catches up); see readmodel.
            instantAnswers.check(request);
        } catch (RequestRuleViolation | AnswerProblems.Answered | AnswerProblems.ChecksPending refused) {
            // A retry with the key of a request filed before is answered with that request, whatever the rules and
            // the read models say now: the other services may have acted on it (its own grant is "already there").
            // Looked up only here, so that a first filing costs no read.
            Optional<ServiceRequest> earlier = idempotencyKey.isPresent() ? requests.findById(id) : Optional.empty();
            if (earlier.isPresent()) {
                return filedBefore(earlier.get(), requester, details);
            }
            if (refused instanceof RequestRuleViolation violation) {
                FieldViolation broken = violation.violation();
                throw new InvalidInputException(broken.field(), broken.message(), broken.code(), broken.params());
            }
            throw refused;
        }
        AddOutcome added = requests.add(request);
        for (int attempt = 1; added == AddOutcome.SUBJECT_OPEN; attempt++) {
            // Another request for the same thing is open: 409 naming it (see readmodel), unless it has ended (just
            // now, or its end was written without letting go of the key).
            instantAnswers.openRequestFound(request);
            requests.releaseSubjectOfEnded(request);
            if (attempt == ADD_ATTEMPTS) {
                throw new ConflictException(
                        SubjectKey.of(details).map(SubjectKey::field).orElse("type"),
                        "another request for the same thing was filed or ended at this very moment; try again",
                        FieldErrorCodes.BUSY);
            }
            added = requests.add(request);
        }
        if (added == AddOutcome.ADDED) {
            return new Filed(request, true);
        }
        return filedBefore(requests.findById(id).orElseThrow(), requester, details);
    }

    /** The request filed before with the same key: the same request again, or 409 when it asked for something else. */
    private static Filed filedBefore(ServiceRequest earlier, Requester requester, RequestDetails details) {
        if (!earlier.requester().userId().equals(requester.userId())
                || !earlier.details().equals(details)) {
            throw new ConflictException(
                    IDEMPOTENCY_KEY,
                    "was already used for a different request; use a new key for a new request",
                    FieldErrorCodes.TAKEN);
        }
        return new Filed(earlier, false);
    }

    /** A filed request and whether this call filed it (false: it was filed before with the same key). */
    public record Filed(ServiceRequest request, boolean created) {}

    /** A request as its requester (or the central team) may see it; anyone else learns nothing. */
    public ServiceRequest get(String id, String userId, boolean centralTeam) {
        return requests.findById(id)
                .filter(request -> request.isVisibleTo(userId, centralTeam))
                .orElseThrow(() -> new NotFoundException("No request " + id + " that you may see."));
    }

    public List<ServiceRequest> mine(String userId, int limit) {
        return requests.findByRequester(userId, limit);
    }

    private static String idFor(String userId, String idempotencyKey) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest((userId + "\n" + idempotencyKey).getBytes(StandardCharsets.UTF_8));
            return "REQ-" + HexFormat.of().withUpperCase().formatHex(hash, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always there", e);
        }
    }

    /** Short, unguessable and easy to read out on the phone: {@code REQ-} and 12 hex digits. */
    private static String newRequestId() {
        return "REQ-"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toUpperCase();
    }
}
