package se.municipality.eops.identity;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import se.municipality.eops.localstack.identity.DemoUser;

/**
 * {@code GET /token?user=anna}: a demo user's access token as text, for {@code ./run.sh token USER}, curl and the
 * system tests; the same claims and key as a token from the code flow, valid a working day. Answers callers on
 * this machine only (403 otherwise): no password is asked. {@code GET /users} lists the demo users (run.sh prints
 * them with {@code ?format=text}).
 */
@RestController
class CurlTokenController {

    private static final MediaType TEXT = new MediaType("text", "plain", java.nio.charset.StandardCharsets.UTF_8);

    private final JwtEncoder encoder;
    private final IdentitySettings settings;
    private final Clock clock;

    CurlTokenController(JwtEncoder encoder, IdentitySettings settings) {
        this.encoder = encoder;
        this.settings = settings;
        this.clock = Clock.systemUTC();
    }

    @GetMapping("/token")
    ResponseEntity<String> token(
            @RequestParam(name = "user", required = false) String username,
            jakarta.servlet.http.HttpServletRequest request) {
        if (!isLoopback(request.getRemoteAddr())) {
            return text(403, "Tokens without a password are handed out to this machine only.\n");
        }
        if (username == null || username.isBlank()) {
            return text(400, "Name a demo user: /token?user=USERNAME. Known users: " + DemoUser.usernames() + "\n");
        }
        if (DemoUser.find(username).isEmpty()) {
            return text(400, "Unknown demo user '" + username + "'. Known users: " + DemoUser.usernames() + "\n");
        }
        return text(200, tokenFor(DemoUser.get(username)));
    }

    @GetMapping("/users")
    ResponseEntity<?> users(@RequestParam(name = "format", required = false) String format) {
        if ("text".equals(format)) {
            return text(200, DemoUser.table());
        }
        List<Map<String, Object>> users = DemoUser.ALL.stream()
                .map(user -> {
                    Map<String, Object> json = new LinkedHashMap<>();
                    json.put("username", user.username());
                    json.putAll(user.claims());
                    return json;
                })
                .toList();
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(users);
    }

    String tokenFor(DemoUser user) {
        Instant now = clock.instant();
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer(settings.issuer().toString())
                .audience(List.of(settings.audience()))
                .subject(user.username())
                .claims(all -> all.putAll(user.claims()))
                .issuedAt(now)
                .expiresAt(now.plus(settings.curlTokenLifetime()))
                .id(UUID.randomUUID().toString())
                .build();
        JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).build();
        return encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
    }

    static boolean isLoopback(String remoteAddress) {
        try {
            // A literal address from the servlet container: no name lookup happens.
            return remoteAddress != null && InetAddress.getByName(remoteAddress).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static ResponseEntity<String> text(int status, String body) {
        return ResponseEntity.status(status).contentType(TEXT).body(body);
    }
}
