package se.municipality.eops.testkit.architecture.backwards.parking.domain;

import se.municipality.eops.testkit.architecture.backwards.parking.web.PermitView;

public record Permit(String id) {
    public PermitView view() {
        return new PermitView(id);
    }
}
