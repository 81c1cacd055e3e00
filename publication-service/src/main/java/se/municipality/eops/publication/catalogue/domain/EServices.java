package se.municipality.eops.publication.catalogue.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The catalogue's store. Writes store the aggregate's new events with it, in the same write. */
public interface EServices {

    Optional<EService> find(String eServiceId);

    Optional<EService> findByReviewId(String reviewId);

    /** @return false if an e-service with that id exists */
    boolean add(EService eService);

    /** @return false if another write changed the e-service since it was read (read it again and retry) */
    boolean update(EService eService);

    /**
     * Records a request that names no e-service of the catalogue (a new version of an unknown one) with
     * its event, keyed by the request.
     *
     * @return false if it was recorded before (a redelivery)
     */
    boolean addUnmatched(se.municipality.eops.contract.publication.PublicationBlocked blocked);

    /** E-services with a version in review that was requested before {@code requestedBefore} and not reminded. */
    List<EService> withReviewsToRemind(Instant requestedBefore, int limit);

    /** E-services with an approved version decided before {@code decidedBefore} and not flagged yet. */
    List<EService> withPublicationsToFlag(Instant decidedBefore, int limit);

    /** E-services with an approved version flagged as stalled. */
    List<EService> withStalledPublications(int limit);

    /** E-services with a version in review, oldest request first. */
    List<EService> withVersionsInReview(int limit);

    CataloguePage search(CatalogueQuery query);

    /**
     * What a catalogue search asks for.
     *
     * @param text part of the name or id, or a search keyword (case-insensitive), or null
     * @param status e-services with a version in that status, or null
     */
    record CatalogueQuery(String text, VersionStatus status, String committee, int page, int size) {}

    record CataloguePage(List<EService> items, int page, int size, long total) {}
}
