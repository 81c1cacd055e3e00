package se.municipality.eops.testkit.architecture.backwards.parking.web;

public record PermitView(String id) {}
