package se.municipality.eops.systemtests.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import se.municipality.eops.localstack.identity.TokenMinter;
import se.municipality.eops.systemtests.Service;
import se.municipality.eops.systemtests.Suite;
import se.municipality.eops.systemtests.SystemTest;
import se.municipality.eops.testkit.HttpAnswer;

/**
 * Tokens that look right but are not: each service, running as its own process and trusting the suite's issuer
 * (local-identity), refuses them with 401. Every forgery is of cecilia (the central team), on an endpoint her real
 * token (from local-identity's {@code /token}) opens, so only the forgery can be what is refused. The forgeries are
 * made in this JVM with Nimbus ({@link Suite#tokens()}): those that must be correctly signed (expired, another
 * issuer or audience, not yet valid) with local-identity's own key, the suite's signing-key file.
 */
@SystemTest
class ForgedTokensIT {

    /** Per service an endpoint the central team may read. */
    private static final Map<Service, String> CENTRAL_TEAM_READS = Map.of(
            Service.REQUEST, "/api/team/requests",
            Service.PUBLICATION, "/api/publications/stalled",
            Service.PURGE, "/api/purge-log",
            Service.PERMISSION, "/api/grants?personId=cecilia",
            Service.NOTIFICATION, "/api/notifications");

    enum Forgery {
        WRONG_SIGNATURE(tokens -> tokens.tokenWithForeignSignature("cecilia")),
        EXPIRED(tokens -> tokens.expiredTokenFor("cecilia")),
        WRONG_ISSUER(tokens -> tokens.token("cecilia")
                .issuer("https://login.elsewhere.example")
                .signed()),
        WRONG_AUDIENCE(tokens ->
                tokens.token("cecilia").audience("another-application").signed()),
        NO_AUDIENCE(tokens -> tokens.token("cecilia").audience().signed()),
        NOT_YET_VALID(tokens -> {
            Instant later = Instant.now().plus(Duration.ofMinutes(10));
            return tokens.token("cecilia")
                    .issuedAt(later)
                    .notBefore(later)
                    .expiresAt(later.plus(Duration.ofHours(1)))
                    .signed();
        }),
        ALG_NONE(tokens -> tokens.token("cecilia").unsigned());

        private final Function<TokenMinter, String> make;

        Forgery(Function<TokenMinter, String> make) {
            this.make = make;
        }
    }

    private final Suite suite = Suite.get();

    static Stream<Arguments> forgeriesOnEveryService() {
        return Arrays.stream(Service.values())
                .flatMap(service -> Arrays.stream(Forgery.values()).map(forgery -> Arguments.of(service, forgery)));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Service.class)
    void theRealTokenOpensTheEndpointTheForgeriesAreTriedOn(Service service) {
        HttpAnswer answer = suite.http(service).get(CENTRAL_TEAM_READS.get(service), suite.token("cecilia"));

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    }

    /**
     * The forgeries below are signed with the key the harness gave local-identity; an unforged token made with it
     * is accepted, so each forgery is refused for what was forged, not for a key the services do not know.
     */
    @ParameterizedTest(name = "{0}")
    @EnumSource(Service.class)
    void anUnforgedTokenMadeWithTheSignInsKeyOpensTheEndpointToo(Service service) {
        HttpAnswer answer = suite.http(service)
                .get(CENTRAL_TEAM_READS.get(service), suite.tokens().tokenFor("cecilia"));

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("forgeriesOnEveryService")
    void aForgedTokenIsUnauthorized(Service service, Forgery forgery) {
        HttpAnswer answer =
                suite.http(service).get(CENTRAL_TEAM_READS.get(service), forgery.make.apply(suite.tokens()));

        assertThat(answer.status()).as(answer.body()).isEqualTo(401);
        assertThat(answer.isProblem()).isTrue();
        assertThat(answer.json().path("status").asInt()).isEqualTo(401);
    }
}
