package se.municipality.eops.identity;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import se.municipality.eops.localstack.identity.DemoUser;

/**
 * The claims that say who a demo user is, the same in access tokens, ID tokens and curl tokens: {@code name,
 * email, preferred_username, roles} (a JSON array of role names, which the services and the portal read).
 */
final class DemoClaims {

    private DemoClaims() {}

    static Map<String, Object> of(DemoUser user) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("name", user.name());
        claims.put("email", user.email());
        claims.put("preferred_username", user.username());
        claims.put("roles", user.roles());
        return claims;
    }

    /** The claims of the demo user with that username; empty for anyone else. */
    static Optional<Map<String, Object>> forUsername(String username) {
        return DemoUser.find(username).map(DemoClaims::of);
    }
}
