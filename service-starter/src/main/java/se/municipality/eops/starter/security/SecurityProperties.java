package se.municipality.eops.starter.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param rolesClaim the JWT claim holding the user's roles, a list of strings such as {@code
 *     ESERVICE_ADMINISTRATOR}; each becomes the authority {@code ROLE_<role>}
 * @param publicPaths paths open without a token besides health, metrics and the API docs
 */
@ConfigurationProperties("eops.security")
public record SecurityProperties(String rolesClaim, List<String> publicPaths) {

    public SecurityProperties {
        rolesClaim = rolesClaim == null || rolesClaim.isBlank() ? "roles" : rolesClaim;
        publicPaths = publicPaths == null ? List.of() : List.copyOf(publicPaths);
    }
}
