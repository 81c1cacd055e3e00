package se.municipality.eops.request.filing.domain;

import java.util.List;
import java.util.Optional;

/** Where requests are kept. Storing a request also stores the events it raised, in one write. */
public interface ServiceRequests {

    /** Stores a new request unless one with its id exists; says whether it stored it. */
    boolean add(ServiceRequest request);

    Optional<ServiceRequest> findById(String id);

    List<ServiceRequest> findByRequester(String userId, int limit);
}
