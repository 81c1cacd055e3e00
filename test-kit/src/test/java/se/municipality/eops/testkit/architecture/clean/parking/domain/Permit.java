package se.municipality.eops.testkit.architecture.clean.parking.domain;

public record Permit(String id) {}
