package se.municipality.eops.localstack.identity;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Makes access tokens as the suite's issuers do, with the issuer's own key, in the calling JVM: for tests that need
 * a token nobody can get from the sign-in (someone who is no demo user, an expired one, another audience, a foreign
 * signature, {@code alg: none}). {@link DemoTokenIssuer} signs its tokens with one; the system tests make one with
 * the signing key they gave the local-identity process.
 *
 * <p>Tokens carry {@code iss, aud, sub, name, email, preferred_username, roles, iat, exp, jti}, live {@link
 * #TOKEN_LIFETIME} and name their key in the {@code kid} header, like the sign-in's {@code GET /token?user=}.
 */
public final class TokenMinter {

    public static final Duration TOKEN_LIFETIME = Duration.ofHours(8);

    private final String issuerUri;
    private final String audience;
    private final RSAKey signingKey;
    private final Clock clock;
    private RSAKey foreignKey;

    /** {@code signingKey} must hold the private key; {@code issuerUri} is every token's {@code iss}. */
    public TokenMinter(String issuerUri, String audience, RSAKey signingKey) {
        this.issuerUri = Objects.requireNonNull(issuerUri, "issuerUri");
        this.audience = Objects.requireNonNull(audience, "audience");
        this.signingKey = Objects.requireNonNull(signingKey, "signingKey");
        this.clock = Clock.systemUTC();
    }

    public String issuerUri() {
        return issuerUri;
    }

    /** The {@code aud} of every token unless changed with {@link TokenBuilder#audience(String...)}. */
    public String audience() {
        return audience;
    }

    /** A token for a demo user; throws {@link IllegalArgumentException} naming the known users otherwise. */
    public String tokenFor(String username) {
        return token(username).signed();
    }

    /** A token for anyone a test needs, signed like the demo users' tokens. */
    public String tokenFor(String subject, String name, String email, List<String> roles) {
        return new TokenBuilder(subject, name, email, roles).signed();
    }

    /**
     * A demo user's token to change before it is made: another issuer, audience or validity, unsigned, or
     * signed by a key that is not in the JWKS. For tests of what a resource server must refuse.
     */
    public TokenBuilder token(String username) {
        DemoUser user = DemoUser.get(username);
        return new TokenBuilder(user.username(), user.name(), user.email(), user.roles());
    }

    /**
     * The same claims and {@code kid} as {@link #tokenFor(String)}, signed by a key that is not in the JWKS: a
     * resource server must reject it because the signature does not verify.
     */
    public String tokenWithForeignSignature(String username) {
        return token(username).signedByForeignKey();
    }

    /** A correctly signed token for a demo user that expired an hour ago. */
    public String expiredTokenFor(String username) {
        Instant expiry = now().minus(Duration.ofHours(1));
        return token(username)
                .issuedAt(expiry.minus(TOKEN_LIFETIME))
                .expiresAt(expiry)
                .signed();
    }

    /** A token in the making; starts as {@link #tokenFor(String)} would make it. */
    public final class TokenBuilder {

        private final String subject;
        private final String name;
        private final String email;
        private final List<String> roles;
        private String issuer = issuerUri;
        private List<String> audiences = List.of(audience);
        private Instant issuedAt = now();
        private Instant notBefore;
        private Instant expiresAt = issuedAt.plus(TOKEN_LIFETIME);

        private TokenBuilder(String subject, String name, String email, List<String> roles) {
            this.subject = Objects.requireNonNull(subject, "subject");
            this.name = name;
            this.email = email;
            this.roles = List.copyOf(roles);
        }

        public TokenBuilder issuer(String issuer) {
            this.issuer = issuer;
            return this;
        }

        /** No audiences leaves {@code aud} out. */
        public TokenBuilder audience(String... audiences) {
            this.audiences = List.of(audiences);
            return this;
        }

        public TokenBuilder issuedAt(Instant issuedAt) {
            this.issuedAt = issuedAt;
            return this;
        }

        /** {@code nbf}: the token is not valid before then. */
        public TokenBuilder notBefore(Instant notBefore) {
            this.notBefore = notBefore;
            return this;
        }

        public TokenBuilder expiresAt(Instant expiresAt) {
            this.expiresAt = expiresAt;
            return this;
        }

        /** Signed with the issuer's key (RS256), as every real token. */
        public String signed() {
            return sign(signingKey, claims());
        }

        /** Signed by a key that is not in the JWKS, under the issuer's {@code kid}. */
        public String signedByForeignKey() {
            return sign(foreignKey(), claims());
        }

        /** {@code alg: none} and no signature: a resource server must never accept it. */
        public String unsigned() {
            return new PlainJWT(claims()).serialize();
        }

        private JWTClaimsSet claims() {
            JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                    .issuer(issuer)
                    .subject(subject)
                    .claim("name", name)
                    .claim("email", email)
                    .claim("preferred_username", subject)
                    .claim("roles", roles)
                    .issueTime(Date.from(issuedAt))
                    .expirationTime(Date.from(expiresAt))
                    .jwtID(UUID.randomUUID().toString());
            if (!audiences.isEmpty()) {
                claims.audience(audiences);
            }
            if (notBefore != null) {
                claims.notBeforeTime(Date.from(notBefore));
            }
            return claims.build();
        }
    }

    private Instant now() {
        // JWT times are whole seconds; truncating keeps iat/exp arithmetic exact for callers.
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }

    private String sign(RSAKey key, JWTClaimsSet claims) {
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256)
                .type(JOSEObjectType.JWT)
                .keyID(signingKey.getKeyID())
                .build();
        SignedJWT jwt = new SignedJWT(header, claims);
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot sign a token", e);
        }
        return jwt.serialize();
    }

    private synchronized RSAKey foreignKey() {
        if (foreignKey == null) {
            foreignKey = SigningKeys.generate();
        }
        return foreignKey;
    }
}
