package se.municipality.eops.request.filing.domain;

import se.municipality.eops.contract.request.PermissionRequest;
import se.municipality.eops.contract.request.PublicationRequest;
import se.municipality.eops.contract.request.PurgeRequest;
import se.municipality.eops.contract.request.RequestType;

/** What the requester asks for: the type and the one details object that goes with it. */
public record RequestDetails(
        RequestType type, PublicationRequest publication, PurgeRequest purge, PermissionRequest permission) {

    public static RequestDetails publication(PublicationRequest publication) {
        return new RequestDetails(RequestType.PUBLICATION, publication, null, null);
    }

    public static RequestDetails purge(PurgeRequest purge) {
        return new RequestDetails(RequestType.PURGE, null, purge, null);
    }

    public static RequestDetails permission(PermissionRequest permission) {
        return new RequestDetails(RequestType.PERMISSION, null, null, permission);
    }
}
