package se.municipality.eops.testkit.architecture.clean.parking.web;

import se.municipality.eops.testkit.architecture.clean.parking.domain.Permit;

record PermitView(String id) {
    static PermitView of(Permit permit) {
        return new PermitView(permit.id());
    }
}
