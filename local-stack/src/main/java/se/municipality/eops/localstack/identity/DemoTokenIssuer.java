package se.municipality.eops.localstack.identity;

import static se.municipality.eops.localstack.http.HttpExchanges.JSON;
import static se.municipality.eops.localstack.http.HttpExchanges.TEXT;
import static se.municipality.eops.localstack.http.HttpExchanges.allowOnlyReads;
import static se.municipality.eops.localstack.http.HttpExchanges.queryParameters;
import static se.municipality.eops.localstack.http.HttpExchanges.respond;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.JSONArrayUtils;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
 * #token(String)} (a {@link TokenMinter} makes them all). Depends only on the JDK and Nimbus, so tests can start it
 * cheaply. run.sh and the system tests use the local-identity module (Spring Authorization Server) instead; the
 * services' integration tests keep this one, which starts in milliseconds inside their JVM.
 */
public final class DemoTokenIssuer implements AutoCloseable {

    public static final Duration TOKEN_LIFETIME = TokenMinter.TOKEN_LIFETIME;

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
    private final String audience;
    private final TokenMinter minter;

    private DemoTokenIssuer(HttpServer server, ExecutorService executor, RSAKey signingKey, String audience) {
        this.server = server;
        this.executor = executor;
        this.signingKey = signingKey;
        this.audience = Objects.requireNonNull(audience, "audience");
        // "localhost" rather than the bound address: services and browsers are configured with this exact string,
        // and Spring Security compares the "iss" claim with the configured issuer-uri character by character.
        this.issuerUri = "http://localhost:" + server.getAddress().getPort();
        this.minter = new TokenMinter(issuerUri, audience, signingKey);
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
        DemoTokenIssuer issuer = new DemoTokenIssuer(server, executor, signingKey, audience);
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
        return minter.tokenFor(username);
    }

    /** A token for anyone a test needs, signed like the demo users' tokens. */
    public String tokenFor(String subject, String name, String email, List<String> roles) {
        return minter.tokenFor(subject, name, email, roles);
    }

    /**
     * A demo user's token to change before it is made: another issuer, audience or validity, unsigned, or
     * signed by a key that is not in the JWKS. For tests of what a resource server must refuse.
     */
    public TokenMinter.TokenBuilder token(String username) {
        return minter.token(username);
    }

    /** See {@link TokenMinter#tokenWithForeignSignature(String)}. */
    public String tokenWithForeignSignature(String username) {
        return minter.tokenWithForeignSignature(username);
    }

    /** A correctly signed token for a demo user that expired an hour ago. */
    public String expiredTokenFor(String username) {
        return minter.expiredTokenFor(username);
    }

    public void stop() {
        server.stop(0);
        executor.shutdownNow();
    }

    @Override
    public void close() {
        stop();
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
            respond(exchange, 200, TEXT, DemoUser.table());
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
