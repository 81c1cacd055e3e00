package se.municipality.eops.starter.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Remembers tokens whose signature and claims have been verified, so a client that sends the same
 * bearer token with every call (as clients do, for hours) pays for the RSA signature check once
 * instead of on every request. Profiling the intake showed that check to be the largest single cost
 * of a request (about a third of request-service's CPU under load).
 *
 * <p>An entry is the token's exact text, signature included, so only the very bytes that passed
 * every check of the {@code delegate} (issuer, audience, signature, not-before, expiry) are found
 * again. It is used until the token expires or for at most {@code maxAge}, whichever comes first;
 * so a key removed from the issuer's key set stops being honoured within {@code maxAge}. Refused
 * tokens are never remembered. At most {@code maxEntries} tokens are kept: when full, expired
 * entries go, and if that frees nothing, all of them (the next calls verify again).
 */
public final class VerifiedTokens implements JwtDecoder {

    private final JwtDecoder delegate;
    private final Clock clock;
    private final Duration maxAge;
    private final int maxEntries;
    private final ConcurrentHashMap<String, Verified> verified = new ConcurrentHashMap<>();

    public VerifiedTokens(JwtDecoder delegate, Clock clock, Duration maxAge, int maxEntries) {
        this.delegate = delegate;
        this.clock = clock;
        this.maxAge = maxAge;
        this.maxEntries = maxEntries;
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Instant now = clock.instant();
        Verified known = verified.get(token);
        if (known != null) {
            if (now.isBefore(known.validUntil())) {
                return known.jwt();
            }
            verified.remove(token, known);
        }
        Jwt jwt = delegate.decode(token);
        Instant until = now.plus(maxAge);
        if (jwt.getExpiresAt() != null && jwt.getExpiresAt().isBefore(until)) {
            until = jwt.getExpiresAt();
        }
        if (verified.size() >= maxEntries) {
            verified.values().removeIf(entry -> !now.isBefore(entry.validUntil()));
            if (verified.size() >= maxEntries) {
                verified.clear();
            }
        }
        verified.put(token, new Verified(jwt, until));
        return jwt;
    }

    private record Verified(Jwt jwt, Instant validUntil) {}
}
