package se.municipality.eops.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;

class DemoTokenCustomizerTest {

    private final DemoTokenCustomizer customizer = new DemoTokenCustomizer("eops-services");

    @Test
    void accessTokenCarriesTheDemoUsersIdentityRolesAndTheServicesAudience() {
        Map<String, Object> claims = customize("rolf", OAuth2TokenType.ACCESS_TOKEN);

        assertThat(claims)
                .containsEntry("sub", "rolf")
                .containsEntry("name", "Rolf Lind")
                .containsEntry("email", "rolf.lind@kommun.example")
                .containsEntry("preferred_username", "rolf")
                .containsEntry("roles", List.of("REFERENCE_GROUP"))
                .containsEntry("aud", List.of("eops-services"));
    }

    @Test
    void idTokenCarriesTheRolesTooButKeepsTheClientAsItsAudience() {
        Map<String, Object> claims = customize("arvid", new OAuth2TokenType(OidcParameterNames.ID_TOKEN));

        assertThat(claims)
                .containsEntry("name", "Arvid Sten")
                .containsEntry("email", "arvid.sten@kommun.example")
                .containsEntry("preferred_username", "arvid")
                .containsEntry("roles", List.of("ARCHIVIST"))
                .containsEntry("aud", List.of("eops-portal"));
    }

    @Test
    void someoneWhoIsNoDemoUserGetsNoRoles() {
        Map<String, Object> claims = customize("mallory", OAuth2TokenType.ACCESS_TOKEN);

        assertThat(claims).doesNotContainKeys("roles", "name", "email");
    }

    private Map<String, Object> customize(String username, OAuth2TokenType type) {
        JwtClaimsSet.Builder claims = JwtClaimsSet.builder()
                .issuer("http://localhost:9000")
                .subject(username)
                // What Spring Authorization Server puts there before the customizer runs: the client id.
                .audience(List.of("eops-portal"));
        JwtEncodingContext context = JwtEncodingContext.with(JwsHeader.with(SignatureAlgorithm.RS256), claims)
                .principal(UsernamePasswordAuthenticationToken.authenticated(username, null, List.of()))
                .tokenType(type)
                .build();

        customizer.customize(context);

        return claims.build().getClaims();
    }
}
