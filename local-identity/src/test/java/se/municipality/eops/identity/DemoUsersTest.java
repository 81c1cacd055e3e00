package se.municipality.eops.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import se.municipality.eops.localstack.identity.DemoUser;

/** The sign-in knows exactly the demo users, each with the one demo password and their roles. */
class DemoUsersTest {

    private final IdentityConfiguration configuration = new IdentityConfiguration();
    private final PasswordEncoder encoder = configuration.passwordEncoder();
    private final IdentitySettings settings = new IdentitySettings(
            URI.create("http://localhost:9000"),
            "eops-services",
            "demo",
            "secret",
            URI.create("http://localhost:8080"),
            null,
            null,
            null);
    private final UserDetailsService users = configuration.demoUsers(settings, encoder);

    @Test
    void everyDemoUserSignsInWithTheDemoPasswordAndHasTheirRoles() {
        assertThat(DemoUser.ALL).hasSize(8);
        for (DemoUser demo : DemoUser.ALL) {
            UserDetails user = users.loadUserByUsername(demo.username());

            assertThat(encoder.matches("demo", user.getPassword()))
                    .as(demo.username())
                    .isTrue();
            assertThat(encoder.matches("wrong", user.getPassword()))
                    .as(demo.username())
                    .isFalse();
            assertThat(user.getAuthorities().stream().map(GrantedAuthority::getAuthority))
                    .containsExactlyElementsOf(
                            demo.roles().stream().map(role -> "ROLE_" + role).toList());
        }
    }

    @Test
    void thePortalsRedirectAndLogoutAddressesHangBelowItsBaseUrl() {
        assertThat(settings.portalRedirectUri()).isEqualTo("http://localhost:8080/login/oauth2/code/eops");
        assertThat(settings.portalPostLogoutRedirectUri()).isEqualTo("http://localhost:8080/");
        assertThat(IdentityConfiguration.portalClient(settings, encoder)
                        .getClientSettings()
                        .isRequireProofKey())
                .isTrue();
    }

    @Test
    void onlyLoopbackCallersGetPasswordlessTokens() {
        assertThat(CurlTokenController.isLoopback("127.0.0.1")).isTrue();
        assertThat(CurlTokenController.isLoopback("0:0:0:0:0:0:0:1")).isTrue();
        assertThat(CurlTokenController.isLoopback("192.168.1.20")).isFalse();
        assertThat(CurlTokenController.isLoopback(null)).isFalse();
    }
}
