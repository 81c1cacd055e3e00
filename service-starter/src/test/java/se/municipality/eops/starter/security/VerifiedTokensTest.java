package se.municipality.eops.starter.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import se.municipality.eops.testkit.MovableClock;

class VerifiedTokensTest {

    private static final Instant START = Instant.parse("2026-11-28T08:00:00Z");

    private final MovableClock clock = new MovableClock(START);
    private final List<String> verifiedByDelegate = new ArrayList<>();
    private final JwtDecoder delegate = token -> {
        verifiedByDelegate.add(token);
        if (token.startsWith("bad")) {
            throw new BadJwtException("signature does not match");
        }
        return Jwt.withTokenValue(token)
                .header("alg", "RS256")
                .subject("anna")
                .issuedAt(START)
                .expiresAt(START.plus(Duration.ofMinutes(30)))
                .build();
    };
    private final VerifiedTokens tokens = new VerifiedTokens(delegate, clock, Duration.ofMinutes(5), 3);

    @Test
    void verifiesATokenOnceAndRecognisesItAfterwards() {
        Jwt first = tokens.decode("token-a");
        Jwt again = tokens.decode("token-a");

        assertThat(again).isSameAs(first);
        assertThat(verifiedByDelegate).containsExactly("token-a");
    }

    @Test
    void verifiesAgainAfterTheMaximumAge() {
        tokens.decode("token-a");
        clock.advance(Duration.ofMinutes(5));
        tokens.decode("token-a");

        assertThat(verifiedByDelegate).containsExactly("token-a", "token-a");
    }

    @Test
    void neverRecognisesATokenPastItsExpiry() {
        VerifiedTokens longLived = new VerifiedTokens(delegate, clock, Duration.ofHours(2), 3);
        longLived.decode("token-a");
        clock.advance(Duration.ofMinutes(30));
        longLived.decode("token-a");

        assertThat(verifiedByDelegate).containsExactly("token-a", "token-a");
    }

    @Test
    void neverRemembersARefusedToken() {
        assertThatThrownBy(() -> tokens.decode("bad-token")).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> tokens.decode("bad-token")).isInstanceOf(BadJwtException.class);

        assertThat(verifiedByDelegate).containsExactly("bad-token", "bad-token");
    }

    @Test
    void keepsNoMoreThanItsLimit() {
        tokens.decode("token-a");
        tokens.decode("token-b");
        tokens.decode("token-c");
        tokens.decode("token-d"); // full: starts over
        tokens.decode("token-a");

        assertThat(verifiedByDelegate).containsExactly("token-a", "token-b", "token-c", "token-d", "token-a");
    }
}
