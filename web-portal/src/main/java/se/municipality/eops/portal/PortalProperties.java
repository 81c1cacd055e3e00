package se.municipality.eops.portal;

import java.net.URI;
import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The portal's settings ({@code eops.portal.*}, README "Web portal").
 *
 * @param baseUrl where people reach the portal (redirects after login and logout)
 * @param rolesClaim the ID token's (or user info's) claim that lists the person's roles
 * @param timeZone the zone every time is shown in
 * @param services the base URLs of the services and how long the portal waits for them
 */
@ConfigurationProperties("eops.portal")
public record PortalProperties(String baseUrl, String rolesClaim, ZoneId timeZone, Services services) {

    public record Services(
            URI request,
            URI publication,
            URI purge,
            URI permission,
            URI notification,
            Duration connectTimeout,
            Duration readTimeout) {}
}
