package se.municipality.eops.permission.review.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where access reviews are kept; a change and its event are written together. */
public interface AccessReviews {

    /** @return false if the review exists already (started by another run) */
    boolean add(AccessReview.Changed started);

    /** @return false if someone changed the review since it was read */
    boolean update(AccessReview.Changed change);

    Optional<AccessReview> findById(String id);

    boolean exists(String id);

    List<AccessReview> openDueBefore(Instant now);

    List<AccessReview> ofEService(String eServiceId);
}
