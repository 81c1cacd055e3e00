package se.municipality.eops.starter.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * What {@code /v3/api-docs} says about a service: its title and role ({@code eops.api.title},
 * {@code eops.api.description}), its version, and that every call needs a bearer JWT.
 */
@AutoConfiguration
public class ApiDocumentation {

    public static final String BEARER_JWT = "bearer-jwt";

    @Bean
    @ConditionalOnMissingBean(OpenAPI.class)
    OpenAPI serviceApi(Environment environment) {
        String name = environment.getProperty("spring.application.name", "service");
        return new OpenAPI()
                .info(new Info()
                        .title(environment.getProperty("eops.api.title", name))
                        .version(environment.getProperty("spring.application.version", "dev"))
                        .description(environment.getProperty("eops.api.description", "")))
                .components(new Components()
                        .addSecuritySchemes(
                                BEARER_JWT,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .bearerFormat("JWT")))
                .addSecurityItem(new SecurityRequirement().addList(BEARER_JWT));
    }
}
