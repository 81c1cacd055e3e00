package se.municipality.eops.benchmarks;

/** The line that says where a table was measured: without it the figures cannot be compared. */
final class Machine {

    private Machine() {}

    static String describe(Results results) {
        return "Date: " + results.text("run.date").orElse("?")
                + " · machine: " + results.text("machine.name").orElse("?")
                + " · cores: " + results.text("machine.cores").orElse("?")
                + " · Java: " + results.text("machine.java").orElse("?")
                + " · MongoDB backend: " + results.text("backend").orElse("?")
                + " · durations: " + results.text("durations").orElse("?");
    }
}
