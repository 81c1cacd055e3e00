package se.municipality.eops.identity;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The local stack's sign-in: Spring Authorization Server with the {@linkplain
 * se.municipality.eops.localstack.identity.DemoUser demo users}, the portal's client (authorization code + PKCE),
 * OIDC discovery, JWKS and RP-initiated logout, and {@code GET /token?user=} for curl. run.sh and the system tests
 * start it as a process of its own; it never runs outside a developer machine or a test.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class LocalIdentityApplication {

    public static void main(String[] args) {
        SpringApplication.run(LocalIdentityApplication.class, args);
    }
}
