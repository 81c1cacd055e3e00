package se.municipality.eops.testkit.architecture.leaky.parking.domain;

import org.springframework.util.Assert;

public record Permit(String id) {
    public Permit {
        Assert.hasText(id, "id");
    }
}
