package se.municipality.eops.request.lifecycle.domain;

import se.municipality.eops.contract.request.RequestType;
import se.municipality.eops.request.filing.domain.Transition;

/**
 * What a downstream event asks of a request: the request it names, the kind of request it can be about (a
 * purge event carries the requestId of a publication whose test cases it purged; only a purge request is
 * moved by it) and the move.
 */
public record DownstreamMove(String requestId, RequestType appliesTo, Transition transition) {}
