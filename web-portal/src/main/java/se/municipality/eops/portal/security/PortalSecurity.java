package se.municipality.eops.portal.security;

import jakarta.servlet.DispatcherType;
import java.net.URI;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestResolver;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import se.municipality.eops.portal.PortalProperties;

/**
 * The portal's one filter chain. Pages need a login (authorization code + PKCE, registration {@code eops}); each
 * row of {@link PageAccess} becomes a role rule, anything else a logged-in person may open; a refusal renders the
 * 403 page in the person's language, a form from a session that ended the "session ended" page
 * ({@link AccessDeniedPages}). Logout (a POST with the CSRF token) ends the session and, through the
 * provider's {@code end_session_endpoint}, the login at the provider too.
 */
@Configuration(proxyBeanMethods = false)
class PortalSecurity {

    static final String REGISTRATION_ID = "eops";

    @Bean
    SecurityFilterChain portalFilterChain(
            HttpSecurity http, ClientRegistrationRepository registrations, PortalProperties properties)
            throws Exception {
        http.authorizeHttpRequests(pages -> {
            // Error pages and the 403 page are rendered by forwards; the rule was already applied to the request.
            pages.dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.FORWARD)
                    .permitAll();
            pages.requestMatchers("/css/**", "/js/**", "/images/**", "/favicon.ico", "/actuator/health/**")
                    .permitAll();
            for (PageAccess.Rule rule : PageAccess.RULES) {
                pages.requestMatchers(rule.pattern()).hasAnyRole(rule.roles().toArray(String[]::new));
            }
            pages.anyRequest().authenticated();
        });
        http.oauth2Login(login -> login.authorizationEndpoint(
                        authorization -> authorization.authorizationRequestResolver(withPkce(registrations)))
                .userInfoEndpoint(
                        userInfo -> userInfo.userAuthoritiesMapper(new RolesFromClaims(properties.rolesClaim()))));
        http.oauth2Client(Customizer.withDefaults());
        http.logout(logout -> logout.logoutUrl("/logout")
                .invalidateHttpSession(true)
                .clearAuthentication(true)
                .deleteCookies("EOPS_PORTAL_SESSION")
                .logoutSuccessHandler(providerLogout(registrations, properties)));
        http.exceptionHandling(errors -> errors.accessDeniedHandler(new AccessDeniedPages()));
        http.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(
                        contentSecurityPolicy(issuerOrigin(registrations.findByRegistrationId(REGISTRATION_ID)))))
                .frameOptions(frame -> frame.deny())
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                .permissionsPolicyHeader(
                        permissions -> permissions.policy("camera=(), microphone=(), geolocation=()")));
        return http.build();
    }

    /** No inline script or style anywhere: the portal's JS and CSS are static files of its own. */
    static String contentSecurityPolicy(String issuerOrigin) {
        return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self';"
                + " frame-ancestors 'none'; form-action 'self' " + issuerOrigin + "; base-uri 'self'";
    }

    /** The login redirect carries a PKCE challenge, also for this confidential client (OAuth 2.1, BCP 240). */
    private static OAuth2AuthorizationRequestResolver withPkce(ClientRegistrationRepository registrations) {
        DefaultOAuth2AuthorizationRequestResolver resolver = new DefaultOAuth2AuthorizationRequestResolver(
                registrations, OAuth2AuthorizationRequestRedirectFilter.DEFAULT_AUTHORIZATION_REQUEST_BASE_URI);
        resolver.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
        return resolver;
    }

    private static OidcClientInitiatedLogoutSuccessHandler providerLogout(
            ClientRegistrationRepository registrations, PortalProperties properties) {
        OidcClientInitiatedLogoutSuccessHandler handler = new OidcClientInitiatedLogoutSuccessHandler(registrations);
        handler.setPostLogoutRedirectUri(properties.baseUrl() + "/");
        return handler;
    }

    /** The provider's origin ({@code http://localhost:9000}): the login and logout forms end there. */
    static String issuerOrigin(ClientRegistration registration) {
        ClientRegistration.ProviderDetails provider = registration.getProviderDetails();
        String where = provider.getIssuerUri() != null ? provider.getIssuerUri() : provider.getAuthorizationUri();
        URI uri = URI.create(where);
        return uri.getScheme() + "://" + uri.getAuthority();
    }
}
