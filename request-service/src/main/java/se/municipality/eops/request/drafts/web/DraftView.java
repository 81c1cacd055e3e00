package se.municipality.eops.request.drafts.web;

import java.time.Instant;
import java.util.List;
import se.municipality.eops.contract.request.PermissionRequest;
import se.municipality.eops.contract.request.PublicationRequest;
import se.municipality.eops.contract.request.PurgeRequest;
import se.municipality.eops.contract.request.RequestType;
import se.municipality.eops.request.drafts.application.DraftService;

/**
 * A draft as its owner sees it: what the steps saved so far and, per step, whether it is complete
 * (its errors when not); {@code checksPending} names read models still catching up, whose answers
 * (e.g. "already has that permission") could not be given yet.
 */
record DraftView(
        String id,
        RequestType type,
        PublicationRequest publication,
        PurgeRequest purge,
        PermissionRequest permission,
        List<DraftService.StepState> steps,
        List<String> checksPending,
        Instant createdAt,
        Instant updatedAt,
        Instant expiresAt,
        String submittedRequestId) {

    static DraftView of(DraftService.Judged judged) {
        var draft = judged.draft();
        return new DraftView(
                draft.id(),
                draft.type(),
                draft.details().publication(),
                draft.details().purge(),
                draft.details().permission(),
                judged.steps(),
                judged.checksPending(),
                draft.createdAt(),
                draft.updatedAt(),
                draft.expiresAt(),
                draft.submittedRequestId());
    }
}
