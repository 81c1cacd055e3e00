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

    /** The e-service the request is about, whatever its type. */
    public String eServiceId() {
        return switch (type) {
            case PUBLICATION -> publication == null ? null : publication.eServiceId();
            case PURGE -> purge == null ? null : purge.eServiceId();
            case PERMISSION -> permission == null ? null : permission.eServiceId();
        };
    }

    public String eServiceName() {
        return switch (type) {
            case PUBLICATION -> publication == null ? null : publication.eServiceName();
            case PURGE -> purge == null ? null : purge.eServiceName();
            case PERMISSION -> permission == null ? null : permission.eServiceName();
        };
    }
}
