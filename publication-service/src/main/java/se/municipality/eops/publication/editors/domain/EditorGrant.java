package se.municipality.eops.publication.editors.domain;

import java.time.Instant;

/**
 * An editor grant as permission-service announced it.
 *
 * @param personId the holder, normalised by the contract's {@code PersonIds}
 * @param ended whether it was revoked or expired (then it grants nothing, whatever came before)
 */
public record EditorGrant(
        String grantId, String eServiceId, String personId, Instant validFrom, Instant validUntil, boolean ended) {

    /** Whether the grant lets {@code personId} edit {@code eServiceId} at {@code at}. */
    public boolean lets(String person, String eService, Instant at) {
        return !ended
                && personId != null
                && personId.equals(person)
                && eServiceId != null
                && eServiceId.equals(eService)
                && (validFrom == null || !at.isBefore(validFrom))
                && (validUntil == null || at.isBefore(validUntil));
    }
}
