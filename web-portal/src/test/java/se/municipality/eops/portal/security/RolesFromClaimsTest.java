package se.municipality.eops.portal.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;

class RolesFromClaimsTest {

    @Test
    void theRolesClaimOfTheIdTokenBecomesRoleAuthorities() {
        OidcIdToken idToken = new OidcIdToken(
                "id-token",
                Instant.now(),
                Instant.now().plusSeconds(60),
                Map.of("sub", "rolf", "roles", List.of("REFERENCE_GROUP", "CENTRAL_TEAM")));

        var mapped = new RolesFromClaims("roles").mapAuthorities(List.of(new OidcUserAuthority(idToken)));

        assertThat(mapped.stream().map(GrantedAuthority::getAuthority))
                .contains("ROLE_REFERENCE_GROUP", "ROLE_CENTRAL_TEAM");
    }

    @Test
    void withoutTheClaimThePersonHasNoRole() {
        OidcIdToken idToken =
                new OidcIdToken("id-token", Instant.now(), Instant.now().plusSeconds(60), Map.of("sub", "x"));

        var mapped = new RolesFromClaims("roles").mapAuthorities(List.of(new OidcUserAuthority(idToken)));

        assertThat(mapped.stream().map(GrantedAuthority::getAuthority)).noneMatch(name -> name.startsWith("ROLE_"));
    }
}
