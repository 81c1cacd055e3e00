package se.municipality.eops.request.lifecycle.application;

import java.time.Clock;
import org.springframework.stereotype.Service;
import se.municipality.eops.contract.request.RequestCommented;
import se.municipality.eops.request.filing.domain.FieldViolation;
import se.municipality.eops.request.filing.domain.RequestClosedException;
import se.municipality.eops.request.filing.domain.RequestRules;
import se.municipality.eops.request.filing.domain.ServiceRequest;
import se.municipality.eops.starter.web.ConflictException;
import se.municipality.eops.starter.web.InvalidInputException;
import se.municipality.eops.starter.web.NotFoundException;

/**
 * What people do to a request after filing it: the requester withdraws it; the requester or the central team
 * comments. Someone who may not see a request learns nothing of it (404).
 */
@Service
public class RequestActions {

    /** The longest comment or reason, as {@code RequestCommented} allows. */
    public static final int MAX_TEXT = RequestCommented.MAX_TEXT;

    private final RequestChanges changes;
    private final Clock clock;

    public RequestActions(RequestChanges changes, Clock clock) {
        this.changes = changes;
        this.clock = clock;
    }

    /** The requester withdraws their own request; 409 once it is completed, rejected, withdrawn or failed. */
    public ServiceRequest withdraw(String id, String userId, String reason) {
        String checkedReason = optionalText("reason", reason);
        return change(id, userId, false, request -> request.withdraw(userId, checkedReason, clock.instant()), true);
    }

    /** The requester (on their own request) or a central-team member (on any) comments. */
    public ServiceRequest comment(String id, String userId, boolean centralTeam, String text) {
        String checkedText = requiredText("text", text);
        boolean asRequester = !centralTeam;
        return change(
                id,
                userId,
                centralTeam,
                request -> request.comment(
                        userId,
                        asRequester || request.requester().userId().equals(userId)
                                ? RequestCommented.AuthorRole.REQUESTER
                                : RequestCommented.AuthorRole.CENTRAL_TEAM,
                        checkedText,
                        clock.instant()),
                false);
    }

    private ServiceRequest change(
            String id,
            String userId,
            boolean centralTeam,
            java.util.function.Consumer<ServiceRequest> change,
            boolean requesterOnly) {
        try {
            return changes.change(id, null, request -> {
                        boolean visible = requesterOnly
                                ? request.requester().userId().equals(userId)
                                : request.isVisibleTo(userId, centralTeam);
                        if (!visible) {
                            throw new NotFoundException("No request " + id + " that you may change.");
                        }
                        change.accept(request);
                    })
                    .orElseThrow(() -> new NotFoundException("No request " + id + " that you may change."));
        } catch (RequestClosedException closed) {
            throw new ConflictException(closed);
        }
    }

    /**
     * A comment or reason as the filing takes a request's message ({@link RequestRules#messageViolation}): at most
     * {@link #MAX_TEXT} characters, no control characters but line breaks and tabs, no half characters (it ends up in
     * mails and events). Blank counts as absent; the text is kept without its surrounding blanks.
     */
    public static String optionalText(String field, String value) {
        RequestRules.messageViolation(field, value, MAX_TEXT).ifPresent(broken -> {
            throw invalid(broken);
        });
        return value == null || value.isBlank() ? null : value.strip();
    }

    public static String requiredText(String field, String value) {
        String text = optionalText(field, value);
        if (text == null) {
            throw invalid(RequestRules.requiredViolation(field));
        }
        return text;
    }

    /** The 400 naming the field, with the rule's code and params as at filing. */
    public static InvalidInputException invalid(FieldViolation broken) {
        return new InvalidInputException(broken.field(), broken.message(), broken.code(), broken.params());
    }
}
