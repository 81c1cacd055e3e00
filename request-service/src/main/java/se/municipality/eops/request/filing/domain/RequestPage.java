package se.municipality.eops.request.filing.domain;

import java.util.List;

/** One page of requests and how many there are in all. */
public record RequestPage(List<ServiceRequest> items, int page, int size, long totalItems) {

    public long totalPages() {
        return size == 0 ? 0 : (totalItems + size - 1) / size;
    }
}
