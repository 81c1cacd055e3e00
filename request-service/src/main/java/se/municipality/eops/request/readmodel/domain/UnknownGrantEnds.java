package se.municipality.eops.request.readmodel.domain;

import java.time.Instant;
import java.util.List;

/**
 * The grants whose end the read model does not know, stored before it kept {@code validUntil} ({@link
 * ReadModels.GrantHeld#endKnown}), and the filling in of their ends from the topic.
 */
public interface UnknownGrantEnds {

    /** The ids of the grants stored without {@code validUntil}. */
    List<String> grantsWithEndUnknown();

    /**
     * Keeps the grant's end as its last grant event gives it ({@code null}: none), only while the grant's end is
     * still unknown: an end the read model's consumer wrote meanwhile is newer.
     *
     * @return whether the grant's end was unknown and is kept now
     */
    boolean keepEndWhereUnknown(String grantId, Instant validUntil);
}
