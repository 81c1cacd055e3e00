package se.municipality.eops.portal.services;

import java.net.URI;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatusCode;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.client.OAuth2ClientHttpRequestInterceptor;
import org.springframework.web.client.RestClient;
import se.municipality.eops.portal.PortalProperties;
import tools.jackson.databind.json.JsonMapper;

/**
 * The typed clients' common part: a {@link RestClient} per service that sends the logged-in person's access token
 * (refreshed by the manager when it expired) and turns error answers into {@link ServiceProblem} (4xx) or
 * {@link ServiceUnavailable} (5xx). A service that does not answer at all surfaces as
 * {@link org.springframework.web.client.ResourceAccessException}, which the error pages treat as unavailable too.
 */
@Configuration(proxyBeanMethods = false)
class ServiceClients {

    static final String REGISTRATION_ID = "eops";

    @Bean
    OAuth2AuthorizedClientManager authorizedClientManager(
            ClientRegistrationRepository registrations, OAuth2AuthorizedClientRepository authorizedClients) {
        DefaultOAuth2AuthorizedClientManager manager =
                new DefaultOAuth2AuthorizedClientManager(registrations, authorizedClients);
        manager.setAuthorizedClientProvider(OAuth2AuthorizedClientProviderBuilder.builder()
                .authorizationCode()
                .refreshToken()
                .build());
        return manager;
    }

    @Bean
    ServiceRestClients serviceRestClients(
            RestClient.Builder builder,
            OAuth2AuthorizedClientManager authorizedClients,
            PortalProperties properties,
            JsonMapper json) {
        OAuth2ClientHttpRequestInterceptor tokenRelay = new OAuth2ClientHttpRequestInterceptor(authorizedClients);
        tokenRelay.setClientRegistrationIdResolver(request -> REGISTRATION_ID);
        var requestFactory = ClientHttpRequestFactoryBuilder.detect()
                .build(HttpClientSettings.defaults()
                        .withConnectTimeout(properties.services().connectTimeout())
                        .withReadTimeout(properties.services().readTimeout()));
        ProblemDetailsReader problems = new ProblemDetailsReader(json);
        return service -> builder.clone()
                .baseUrl(baseUrl(properties.services(), service))
                .requestFactory(requestFactory)
                .requestInterceptor(tokenRelay)
                .defaultStatusHandler(HttpStatusCode::is5xxServerError, (request, response) -> {
                    throw new ServiceUnavailable(
                            service, response.getStatusCode().value());
                })
                .defaultStatusHandler(HttpStatusCode::is4xxClientError, (request, response) -> {
                    throw problems.read(service, response.getStatusCode().value(), response.getBody());
                })
                .build();
    }

    /** A {@link RestClient} for one service by its name: request, publication, purge, permission, notification. */
    @FunctionalInterface
    public interface ServiceRestClients {
        RestClient forService(String service);
    }

    private static URI baseUrl(PortalProperties.Services services, String service) {
        return switch (service) {
            case "request" -> services.request();
            case "publication" -> services.publication();
            case "purge" -> services.purge();
            case "permission" -> services.permission();
            case "notification" -> services.notification();
            default -> throw new IllegalArgumentException("no such service: " + service);
        };
    }
}
