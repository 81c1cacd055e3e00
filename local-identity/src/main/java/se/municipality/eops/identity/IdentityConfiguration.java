package se.municipality.eops.identity;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.OAuth2AuthorizationServerConfiguration;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import se.municipality.eops.localstack.identity.DemoUser;
import se.municipality.eops.localstack.identity.SigningKeys;

/**
 * Spring Authorization Server for the local suite: in-memory users, clients and authorizations (no database; a
 * restart signs everyone out, the signing key survives it), one registered client, the portal.
 */
@Configuration(proxyBeanMethods = false)
class IdentityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(IdentityConfiguration.class);

    /**
     * The protocol endpoints (authorize, token, JWKS, discovery, userinfo, logout). A browser that is not signed
     * in is sent to the login page; everything else gets the OAuth error answers.
     */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityFilterChain authorizationServerChain(HttpSecurity http) throws Exception {
        http.oauth2AuthorizationServer(authorizationServer -> {
                    http.securityMatcher(authorizationServer.getEndpointsMatcher());
                    // OIDC: discovery, ID tokens, userinfo and RP-initiated logout (end_session_endpoint).
                    authorizationServer.oidc(Customizer.withDefaults());
                })
                .authorizeHttpRequests(authorize -> authorize.anyRequest().authenticated())
                .exceptionHandling(exceptions -> exceptions.defaultAuthenticationEntryPointFor(
                        new LoginUrlAuthenticationEntryPoint("/login"),
                        new MediaTypeRequestMatcher(MediaType.TEXT_HTML)));
        return http.build();
    }

    /** The login form, curl's token endpoint, the users and the probes; nothing else is served. */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 1)
    SecurityFilterChain applicationChain(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(authorize -> authorize
                        .requestMatchers(
                                // The login page with any query (?lang=en); formLogin's permitAll matches exact URLs.
                                "/login",
                                "/login.css",
                                "/token",
                                "/users",
                                "/actuator/health",
                                "/actuator/health/**",
                                "/error",
                                "/favicon.ico")
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                // Our own page (LoginPage: Swedish first, English by choice); Spring Security checks the POST.
                .formLogin(form -> form.loginPage("/login").permitAll());
        return http.build();
    }

    /** The demo users, all with the demo password; their roles come into the tokens through the customizer. */
    @Bean
    UserDetailsService demoUsers(IdentitySettings settings, PasswordEncoder passwordEncoder) {
        String hash = passwordEncoder.encode(settings.demoPassword());
        return new InMemoryUserDetailsManager(DemoUser.ALL.stream()
                .map(user -> User.withUsername(user.username())
                        .password(hash)
                        .roles(user.roles().toArray(String[]::new))
                        .build())
                .toList());
    }

    /**
     * BCrypt at its lowest cost: a published demo password, and a JVM that shares two cores with the suite. Spring
     * Authorization Server checks the client's secret with it too.
     */
    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder(4);
    }

    @Bean
    RegisteredClientRepository registeredClients(IdentitySettings settings, PasswordEncoder passwordEncoder) {
        return new InMemoryRegisteredClientRepository(portalClient(settings, passwordEncoder));
    }

    /** The portal (a backend for frontend): a confidential client on the code flow with PKCE, no consent page. */
    static RegisteredClient portalClient(IdentitySettings settings, PasswordEncoder passwordEncoder) {
        return RegisteredClient.withId(UUID.nameUUIDFromBytes(IdentitySettings.PORTAL_CLIENT_ID.getBytes())
                        .toString())
                .clientId(IdentitySettings.PORTAL_CLIENT_ID)
                // Checked with the PasswordEncoder bean, as the users' passwords are.
                .clientSecret(passwordEncoder.encode(settings.portalClientSecret()))
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
                .redirectUri(settings.portalRedirectUri())
                .postLogoutRedirectUri(settings.portalPostLogoutRedirectUri())
                .scope(OidcScopes.OPENID)
                .scope(OidcScopes.PROFILE)
                .scope(OidcScopes.EMAIL)
                .clientSettings(ClientSettings.builder()
                        .requireProofKey(true)
                        .requireAuthorizationConsent(false)
                        .build())
                .tokenSettings(TokenSettings.builder()
                        .accessTokenTimeToLive(settings.accessTokenLifetime())
                        .reuseRefreshTokens(false)
                        .build())
                .build();
    }

    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> demoTokenCustomizer(IdentitySettings settings) {
        return new DemoTokenCustomizer(settings.audience());
    }

    /** One RSA key, from the key file when one is configured (tokens then survive a restart). */
    @Bean
    JWKSource<SecurityContext> jwkSource(IdentitySettings settings) {
        RSAKey key;
        if (settings.keyFile() == null) {
            key = SigningKeys.generate();
            log.info("Signing with a fresh key (no eops.identity.key-file): tokens end with this process");
        } else {
            key = SigningKeys.loadOrCreate(settings.keyFile());
            log.info("Signing with the key in {}", settings.keyFile());
        }
        return new ImmutableJWKSet<>(new JWKSet(key));
    }

    /** For the userinfo endpoint, which reads the access token it is called with. */
    @Bean
    JwtDecoder jwtDecoder(JWKSource<SecurityContext> jwkSource) {
        return OAuth2AuthorizationServerConfiguration.jwtDecoder(jwkSource);
    }

    /** For curl's tokens ({@link CurlTokenController}), signed with the same key as the code flow's. */
    @Bean
    JwtEncoder jwtEncoder(JWKSource<SecurityContext> jwkSource) {
        return new NimbusJwtEncoder(jwkSource);
    }

    @Bean
    AuthorizationServerSettings authorizationServerSettings(IdentitySettings settings) {
        return AuthorizationServerSettings.builder()
                .issuer(settings.issuer().toString())
                .build();
    }
}
