package se.municipality.eops.starter.security;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import se.municipality.eops.starter.outbox.OutboxEndpoint;
import se.municipality.eops.starter.outbox.OutboxProperties;

/**
 * Every service is an OAuth2 resource server: each call needs a JWT whose issuer and signature
 * check out against {@code spring.security.oauth2.resourceserver.jwt.issuer-uri}; health, metrics and
 * API docs stay open for probes and scrapers; {@code /actuator/outbox} takes an operator's role
 * ({@code eops.outbox.operator-roles}).
 */
@AutoConfiguration(
        beforeName = {
            "org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration"
        })
@EnableMethodSecurity
@EnableConfigurationProperties(SecurityProperties.class)
public class ResourceServerSecurity {

    private static final List<String> OPEN_PATHS = List.of(
            "/actuator/health",
            "/actuator/health/**",
            "/actuator/info",
            "/actuator/prometheus",
            "/v3/api-docs",
            "/v3/api-docs/**",
            "/swagger-ui.html",
            "/swagger-ui/**",
            "/error");

    /**
     * Verifies each bearer token once and then recognises it (see {@link VerifiedTokens}): five
     * minutes at most, 10,000 tokens at most.
     */
    @Bean
    static BeanPostProcessor verifiedTokensDecoder() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof JwtDecoder decoder && !(bean instanceof VerifiedTokens)) {
                    return new VerifiedTokens(decoder, Clock.systemUTC(), Duration.ofMinutes(5), 10_000);
                }
                return bean;
            }
        };
    }

    @Bean
    @ConditionalOnMissingBean(SecurityFilterChain.class)
    SecurityFilterChain resourceServerFilterChain(
            HttpSecurity http, SecurityProperties properties, ObjectProvider<OutboxProperties> outbox)
            throws Exception {
        List<String> open = new ArrayList<>(OPEN_PATHS);
        open.addAll(properties.publicPaths());
        OutboxProperties outboxProperties = outbox.getIfAvailable();
        http.authorizeHttpRequests(auth -> {
                    auth.requestMatchers(open.toArray(String[]::new)).permitAll();
                    if (outboxProperties != null) {
                        // The operators' endpoint: refused here like every other 403 (problem details), before
                        // the endpoint's own check.
                        auth.requestMatchers(EndpointRequest.to(OutboxEndpoint.class))
                                .hasAnyRole(outboxProperties.operatorRoles().toArray(String[]::new));
                    }
                    auth.anyRequest().authenticated();
                })
                .oauth2ResourceServer(oauth -> oauth.jwt(
                                jwt -> jwt.jwtAuthenticationConverter(new RolesClaimConverter(properties.rolesClaim())))
                        .authenticationEntryPoint(ProblemSecurityHandlers.unauthorized())
                        .accessDeniedHandler(ProblemSecurityHandlers.forbidden()))
                .exceptionHandling(handling -> handling.authenticationEntryPoint(ProblemSecurityHandlers.unauthorized())
                        .accessDeniedHandler(ProblemSecurityHandlers.forbidden()))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // Bearer tokens only, no cookies: CSRF has nothing to protect.
                .csrf(csrf -> csrf.disable());
        return http.build();
    }
}
