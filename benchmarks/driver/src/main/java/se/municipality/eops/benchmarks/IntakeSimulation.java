package se.municipality.eops.benchmarks;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A closed model, as wrk runs it: {@code bench.users} users, each on its own kept-alive connection, POST one valid
 * request body after the other for {@code bench.seconds}; every answer but the expected status counts as an error.
 * Gatling builds a simulation with its no-argument constructor, so the parameters come as system properties
 * ({@link GatlingRun} sets them).
 */
public class IntakeSimulation extends Simulation {

    /**
     * Valid bodies of the three request types, so the intake validates and stores what production would. Each is
     * filled with an e-service of its own ({@link #nextBody()}): the same thing asked again while the first request
     * is open is refused at once (409), and the benchmark would time refusals.
     */
    static final List<String> REQUEST_TEMPLATES = List.of("""
            {"type":"PURGE","purge":{"kind":"TEST_CASES","eServiceId":"%s","eServiceName":"Parkeringstillstånd"}}""", """
            {"type":"PUBLICATION","publication":{"kind":"NEW_ESERVICE","eServiceId":"%s",\
            "eServiceName":"Ansökan om parkeringstillstånd","committee":"Stadsbyggnadsnämnden",\
            "orderer":"Parkeringsenheten","checklist":[{"item":"Tillgänglighetsgranskad","done":true}]}}""", """
            {"type":"PURGE","purge":{"kind":"RETENTION","eServiceId":"%s","eServiceName":"Bygglov",\
            "committee":"Byggnadsnämnden","purgeDecisionReference":"BN 2024/117",\
            "message":"Gallring enligt dokumenthanteringsplanen"}}""");

    /** One of the request templates, for a random e-service id never asked for before (in practice). */
    static String nextBody() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String eServiceId = "es-bench-" + Long.toString(random.nextLong() & Long.MAX_VALUE, 36);
        return REQUEST_TEMPLATES.get(random.nextInt(REQUEST_TEMPLATES.size())).formatted(eServiceId);
    }

    public IntakeSimulation() {
        String token = System.getProperty("bench.token", "");
        int expectedStatus = Integer.getInteger("bench.expectedStatus", 201);
        HttpProtocolBuilder protocol = http.baseUrl(System.getProperty("bench.baseUrl"))
                .contentTypeHeader("application/json")
                .acceptHeader("application/json")
                .header("Authorization", "Bearer " + token)
                .disableCaching()
                .disableWarmUp();
        ScenarioBuilder posting = scenario(System.getProperty("bench.name", "post"))
                .during(Duration.ofSeconds(Long.getLong("bench.seconds", 10)))
                .on(http(System.getProperty("bench.name", "post"))
                        .post(System.getProperty("bench.path"))
                        .body(StringBody(session -> nextBody()))
                        .check(status().is(expectedStatus)));
        setUp(posting.injectOpen(atOnceUsers(Integer.getInteger("bench.users", 32))))
                .protocols(protocol);
    }
}
