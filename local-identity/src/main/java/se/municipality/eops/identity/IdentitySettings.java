package se.municipality.eops.identity;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What run.sh and the system tests set (application.properties maps the environment variables onto these).
 *
 * @param issuer the exact {@code iss} of every token, {@code http://localhost:${EOPS_ISSUER_PORT}}
 * @param audience the {@code aud} of access tokens, the audience the services require ({@code EOPS_TOKEN_AUDIENCE})
 * @param demoPassword every demo user's password ({@code EOPS_DEMO_PASSWORD})
 * @param portalClientSecret the {@code eops-portal} client's secret ({@code EOPS_PORTAL_CLIENT_SECRET})
 * @param portalBaseUrl where the portal runs ({@code EOPS_PORTAL_BASE_URL}); its redirect URIs hang below it
 * @param keyFile the signing key's JWK file ({@code EOPS_IDENTITY_KEY_FILE}); none: a fresh key each start
 * @param accessTokenLifetime how long an access token from the code flow lives (the portal refreshes it)
 * @param curlTokenLifetime how long a token from {@code GET /token?user=} lives (a working day for curl)
 */
@ConfigurationProperties("eops.identity")
public record IdentitySettings(
        URI issuer,
        String audience,
        String demoPassword,
        String portalClientSecret,
        URI portalBaseUrl,
        Path keyFile,
        Duration accessTokenLifetime,
        Duration curlTokenLifetime) {

    /** The portal's registered client id; the portal's configuration uses the same string. */
    public static final String PORTAL_CLIENT_ID = "eops-portal";

    public IdentitySettings {
        Objects.requireNonNull(issuer, "eops.identity.issuer");
        Objects.requireNonNull(audience, "eops.identity.audience");
        Objects.requireNonNull(demoPassword, "eops.identity.demo-password");
        Objects.requireNonNull(portalClientSecret, "eops.identity.portal-client-secret");
        Objects.requireNonNull(portalBaseUrl, "eops.identity.portal-base-url");
        accessTokenLifetime = accessTokenLifetime == null ? Duration.ofMinutes(30) : accessTokenLifetime;
        curlTokenLifetime = curlTokenLifetime == null ? Duration.ofHours(8) : curlTokenLifetime;
    }

    /** {@code <portal>/login/oauth2/code/eops}: Spring Security's OAuth2 login callback for registration "eops". */
    public String portalRedirectUri() {
        return withoutTrailingSlash(portalBaseUrl) + "/login/oauth2/code/eops";
    }

    /** {@code <portal>/}: where RP-initiated logout sends the browser back to. */
    public String portalPostLogoutRedirectUri() {
        return withoutTrailingSlash(portalBaseUrl) + "/";
    }

    private static String withoutTrailingSlash(URI uri) {
        String text = uri.toString();
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }
}
