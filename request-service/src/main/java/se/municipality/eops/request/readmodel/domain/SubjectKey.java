package se.municipality.eops.request.readmodel.domain;

import java.util.Optional;
import se.municipality.eops.contract.permission.PersonIds;
import se.municipality.eops.contract.request.PermissionRequest;
import se.municipality.eops.contract.request.PublicationRequest;
import se.municipality.eops.contract.request.PurgeRequest;
import se.municipality.eops.request.filing.domain.RequestDetails;

/**
 * What a request is about, as one comparable text: two open requests with the same key ask for the
 * same thing (same type, kind or change, role, e-service, person or group). People are compared by
 * {@link PersonIds#normalize}, group names without case.
 *
 * @param field the field a requester changes to ask for something else (named in the answer)
 */
public record SubjectKey(String key, String field) {

    /** The key, when the details name everything it is made of. */
    public static Optional<SubjectKey> of(RequestDetails details) {
        if (details == null || details.type() == null) {
            return Optional.empty();
        }
        return switch (details.type()) {
            case PUBLICATION -> publication(details.publication());
            case PURGE -> purge(details.purge());
            case PERMISSION -> permission(details.permission());
        };
    }

    private static Optional<SubjectKey> publication(PublicationRequest publication) {
        if (publication == null || publication.kind() == null || blank(publication.eServiceId())) {
            return Optional.empty();
        }
        return Optional.of(new SubjectKey(
                String.join("|", "PUBLICATION", publication.kind().name(), publication.eServiceId()),
                "publication.eServiceId"));
    }

    private static Optional<SubjectKey> purge(PurgeRequest purge) {
        if (purge == null || purge.kind() == null || blank(purge.eServiceId())) {
            return Optional.empty();
        }
        return Optional.of(
                new SubjectKey(String.join("|", "PURGE", purge.kind().name(), purge.eServiceId()), "purge.eServiceId"));
    }

    private static Optional<SubjectKey> permission(PermissionRequest permission) {
        if (permission == null
                || permission.change() == null
                || permission.role() == null
                || blank(permission.eServiceId())) {
            return Optional.empty();
        }
        String holder;
        String field;
        if (permission.person() != null && !blank(permission.person().userId())) {
            holder = "person:" + PersonIds.normalize(permission.person().userId());
            field = "permission.person.userId";
        } else if (permission.group() != null && !blank(permission.group().name())) {
            holder = "group:" + PersonIds.normalize(permission.group().name());
            field = "permission.group.name";
        } else {
            return Optional.empty();
        }
        return Optional.of(new SubjectKey(
                String.join(
                        "|",
                        "PERMISSION",
                        permission.change().name(),
                        permission.role().name(),
                        permission.eServiceId(),
                        holder),
                field));
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
