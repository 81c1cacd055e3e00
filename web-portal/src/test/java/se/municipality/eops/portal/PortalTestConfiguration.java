package se.municipality.eops.portal;

import java.util.Map;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;

/**
 * The provider as a registration with its endpoints written out, so the portal starts in a test without reading
 * an issuer's discovery document (Boot reads {@code issuer-uri} at start). The issuer itself is 13A's
 * local-identity; the browser tests (system-tests) log in against it for real.
 */
@TestConfiguration(proxyBeanMethods = false)
public class PortalTestConfiguration {

    public static final String ISSUER = "http://localhost:9000";

    @Bean
    ClientRegistrationRepository clientRegistrationRepository() {
        return new InMemoryClientRegistrationRepository(registration());
    }

    public static ClientRegistration registration() {
        return ClientRegistration.withRegistrationId("eops")
                .clientId("eops-portal")
                .clientSecret("portal-secret-local")
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .scope("openid", "profile", "email")
                .issuerUri(ISSUER)
                .authorizationUri(ISSUER + "/oauth2/authorize")
                .tokenUri(ISSUER + "/oauth2/token")
                .jwkSetUri(ISSUER + "/oauth2/jwks")
                .userInfoUri(ISSUER + "/userinfo")
                .userNameAttributeName("preferred_username")
                .providerConfigurationMetadata(Map.of("end_session_endpoint", ISSUER + "/connect/logout"))
                .build();
    }
}
