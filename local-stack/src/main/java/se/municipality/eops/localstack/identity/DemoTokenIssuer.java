package se.municipality.eops.localstack.identity;

import static se.municipality.eops.localstack.http.HttpExchanges.JSON;
import static se.municipality.eops.localstack.http.HttpExchanges.TEXT;
import static se.municipality.eops.localstack.http.HttpExchanges.allowOnlyReads;
import static se.municipality.eops.localstack.http.HttpExchanges.queryParameters;
import static se.municipality.eops.localstack.http.HttpExchanges.respond;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.JSONArrayUtils;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A minimal OpenID Connect token issuer for the local suite and for tests: it publishes a discovery document
 * and a JWKS (enough for Spring Security's {@code issuer-uri}) and signs RS256 access tokens for the
 * {@linkplain DemoUser demo users}. There is no login: whoever can reach localhost gets any user's token, which
 * is the point on a developer machine and must never be deployed anywhere else.
 *
 * <p>Endpoints, relative to {@link #issuerUri()}:
 * <ul>
 *   <li>{@code GET /.well-known/openid-configuration} the discovery document</li>
 *   <li>{@code GET /jwks} the public signing key</li>
 *   <li>{@code GET /token?user=anna} a signed token for a demo user, as text; 400 for an unknown user</li>
 *   <li>{@code GET /users} the demo users as JSON</li>
 * </ul>
 *
 * <p>Tokens carry {@code iss, aud, sub, name, email, preferred_username, roles, iat, exp, jti}, live eight hours
 * and name their key in the {@code kid} header. {@code aud} is the audience the services require ({@value
 * #DEFAULT_AUDIENCE} unless started with another). Tests make tokens that must be refused with {@link
 * #token(String)}. Depends only on the JDK and Nimbus, so tests can start it cheaply.
 */
public final class DemoTokenIssuer implements AutoCloseable {

    public static final Duration TOKEN_LIFETIME = Duration.ofHours(8);

    /** The audience the services require by default ({@code EOPS_TOKEN_AUDIENCE}). */
    public static final String DEFAULT_AUDIENCE = "eops-services";

    private static final String DISCOVERY_PATH = "/.well-known/openid-configuration";
    private static final String JWKS_PATH = "/jwks";
    private static final String TOKEN_PATH = "/token";
    private static final String USERS_PATH = "/users";

    private final HttpServer server;
    private final ExecutorService executor;
    private final String issuerUri;
    private final RSAKey signingKey;
    private final Clock clock;
    private final String audience;
    private RSAKey foreignKey;

    private DemoTokenIssuer(
            HttpServer server, ExecutorService executor, RSAKey signingKey, Clock clock, String audience) {
        this.server = server;
        this.executor = executor;
        this.signingKey = signingKey;
        this.clock = clock;
        this.audience = Objects.requireNonNull(audience, "audience");
        // "localhost" rather than the bound address: services and browsers are configured with this exact string,
        // and Spring Security compares the "iss" claim with the configured issuer-uri character by character.
        this.issuerUri = "http://localhost:" + server.getAddress().getPort();
    }

    /** Starts an issuer with a fresh key on {@code port} (0 picks a free port), for the default audience. */
    public static DemoTokenIssuer start(int port) {
        return start(port, SigningKeys.generate(), DEFAULT_AUDIENCE);
    }

    /**
     * Starts an issuer whose key lives in {@code keyFile}: read when the file exists, otherwise generated and
     * written there, so tokens handed out before a restart stay valid after it.
     */
    public static DemoTokenIssuer start(int port, Path keyFile, String audience) {
        return start(port, SigningKeys.loadOrCreate(keyFile), audience);
    }

    /** As {@link #start(int, Path, String)} for the default audience. */
    public static DemoTokenIssuer start(int port, Path keyFile) {
        return start(port, keyFile, DEFAULT_AUDIENCE);
    }

    private static DemoTokenIssuer start(int port, RSAKey signingKey, String audience) {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot listen on localhost:" + port + " for the token issuer", e);
        }
        ExecutorService executor = Executors.newFixedThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "demo-token-issuer");
            // Daemon threads: a test that forgets stop() must not keep its JVM alive.
            thread.setDaemon(true);
            return thread;
        });
        DemoTokenIssuer issuer = new DemoTokenIssuer(server, executor, signingKey, Clock.systemUTC(), audience);
        server.createContext("/", issuer::handle);
        server.setExecutor(executor);
        server.start();
        return issuer;
    }

    /** For example {@code http://localhost:9000}; the exact value of every token's {@code iss} claim. */
    public String issuerUri() {
        return issuerUri;
    }

    /** The {@code aud} of every token this issuer hands out. */
    public String audience() {
        return audience;
    }

    public String jwkSetUri() {
        return issuerUri + JWKS_PATH;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public List<DemoUser> users() {
        return DemoUser.ALL;
    }

    /** A token for a demo user; throws {@link IllegalArgumentException} naming the known users otherwise. */
    public String tokenFor(String username) {
        DemoUser user = DemoUser.get(username);
        return tokenFor(user.username(), user.name(), user.email(), user.roles());
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

    public void stop() {
        server.stop(0);
        executor.shutdownNow();
    }

    @Override
    public void close() {
        stop();
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

    private void handle(HttpExchange exchange) throws IOException {
        try {
            if (!allowOnlyReads(exchange)) {
                return;
            }
            // Lets a browser page (a Swagger UI, a demo front end) fetch tokens and keys from another port.
            exchange.getResponseHeaders().set("Access-Control-Allow-Origin", "*");
            switch (exchange.getRequestURI().getPath()) {
                case DISCOVERY_PATH -> respond(exchange, 200, JSON, discoveryDocument());
                case JWKS_PATH -> respond(exchange, 200, JSON, new JWKSet(signingKey.toPublicJWK()).toString());
                case TOKEN_PATH -> handleTokenRequest(exchange);
                case USERS_PATH -> handleUsersRequest(exchange);
                default -> respond(exchange, 404, TEXT, "Not found. Try " + issuerUri + DISCOVERY_PATH + "\n");
            }
        } catch (RuntimeException e) {
            respond(exchange, 500, TEXT, "Token issuer failed: " + e.getMessage() + "\n");
        }
    }

    private void handleTokenRequest(HttpExchange exchange) throws IOException {
        String username = queryParameters(exchange.getRequestURI()).get("user");
        if (username == null || username.isBlank()) {
            respond(
                    exchange,
                    400,
                    TEXT,
                    "Name a demo user: " + TOKEN_PATH + "?user=USERNAME. Known users: " + DemoUser.usernames() + "\n");
            return;
        }
        if (DemoUser.find(username).isEmpty()) {
            respond(
                    exchange,
                    400,
                    TEXT,
                    "Unknown demo user '" + username + "'. Known users: " + DemoUser.usernames() + "\n");
            return;
        }
        respond(exchange, 200, TEXT, tokenFor(username));
    }

    /** JSON by default; {@code ?format=text} gives aligned lines that run.sh prints without a JSON parser. */
    private void handleUsersRequest(HttpExchange exchange) throws IOException {
        if ("text".equals(queryParameters(exchange.getRequestURI()).get("format"))) {
            respond(exchange, 200, TEXT, usersText());
        } else {
            respond(exchange, 200, JSON, usersJson());
        }
    }

    private String discoveryDocument() {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("issuer", issuerUri);
        document.put("jwks_uri", jwkSetUri());
        // Not an OAuth 2 token endpoint (no grant types): a GET that returns a demo user's token as text.
        document.put("token_endpoint", issuerUri + TOKEN_PATH);
        document.put("response_types_supported", List.of("token"));
        document.put("subject_types_supported", List.of("public"));
        document.put("id_token_signing_alg_values_supported", List.of(JWSAlgorithm.RS256.getName()));
        document.put("token_endpoint_auth_methods_supported", List.of("none"));
        document.put(
                "claims_supported",
                List.of("iss", "aud", "sub", "name", "email", "preferred_username", "roles", "iat", "exp", "jti"));
        return JSONObjectUtils.toJSONString(document);
    }

    private static String usersText() {
        StringBuilder text = new StringBuilder();
        for (DemoUser user : DemoUser.ALL) {
            text.append(String.format(
                    "%-9s %-16s %-31s %s\n",
                    user.username(), user.name(), user.email(), String.join(",", user.roles())));
        }
        return text.toString();
    }

    private static String usersJson() {
        List<Map<String, Object>> users = DemoUser.ALL.stream()
                .map(user -> {
                    Map<String, Object> json = new LinkedHashMap<>();
                    json.put("username", user.username());
                    json.put("name", user.name());
                    json.put("email", user.email());
                    json.put("roles", user.roles());
                    return json;
                })
                .toList();
        return JSONArrayUtils.toJSONString(users);
    }
}
