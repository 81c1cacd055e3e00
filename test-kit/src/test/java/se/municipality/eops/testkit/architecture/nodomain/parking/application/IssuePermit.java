package se.municipality.eops.testkit.architecture.nodomain.parking.application;

public class IssuePermit {}
