package se.municipality.eops.request.lifecycle.domain;

import se.municipality.eops.contract.request.PermissionRequest;
import se.municipality.eops.contract.request.RequestType;
import se.municipality.eops.request.filing.domain.PurgePlans;
import se.municipality.eops.request.filing.domain.RequestDetails;
import se.municipality.eops.request.filing.domain.Transition;

/**
 * What a downstream event asks of a request: the request it names, the kind of request it can be about (a
 * purge event carries the requestId of a publication whose test cases it purged; only a purge request is
 * moved by it) and the move.
 *
 * @param transition the move; for an event of one of a RETENTION request's several purges, the move it would make
 *     if its purge were the request's only one ({@link RetentionPurges} decides)
 * @param groupGrantOnly the event answers a permission request only when it grants to a group (a change of a
 *     handler group carries the requestId of the request that changed it)
 * @param purgeReport for a purge event that lists every purge of its request ({@code requestPlanIds}): what it tells
 *     of its purge; null otherwise (the event answers the request alone)
 */
public record DownstreamMove(
        String requestId,
        RequestType appliesTo,
        Transition transition,
        boolean groupGrantOnly,
        PurgePlans.Report purgeReport) {

    public DownstreamMove(String requestId, RequestType appliesTo, Transition transition) {
        this(requestId, appliesTo, transition, false, null);
    }

    public DownstreamMove(String requestId, RequestType appliesTo, Transition transition, boolean groupGrantOnly) {
        this(requestId, appliesTo, transition, groupGrantOnly, null);
    }

    /** Whether the event can be about a request with these details. */
    public boolean appliesTo(RequestDetails details) {
        if (details.type() != appliesTo) {
            return false;
        }
        if (!groupGrantOnly) {
            return true;
        }
        PermissionRequest permission = details.permission();
        return permission != null
                && permission.group() != null
                && permission.change() == PermissionRequest.Change.GRANT;
    }
}
