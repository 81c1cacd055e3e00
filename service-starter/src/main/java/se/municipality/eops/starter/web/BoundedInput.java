package se.municipality.eops.starter.web;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Scope;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.type.LogicalType;

/**
 * What a service reads from a caller is bounded before any of its own code sees it: the body's size
 * and encoding ({@link RequestBodyGuard}, {@code eops.web.max-body-size}), and the JSON in it. The application's
 * JSON mapper (the one Spring MVC reads request bodies with) parses at most {@link #MAX_NESTING_DEPTH}
 * levels of nesting, strings of {@link #MAX_STRING_LENGTH} characters, numbers of
 * {@link #MAX_NUMBER_LENGTH} digits and property names of {@link #MAX_NAME_LENGTH} characters, so no
 * body can make a service spend stack or CPU on deep nesting or giant numbers; and it takes JSON
 * types as they are written ({@code 42} is not the string {@code "42"}, {@code 1} not an enum
 * constant or {@code true}), so a wrong type is answered with 400 naming the field instead of being
 * guessed into a value.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration")
@EnableConfigurationProperties(WebInputProperties.class)
public class BoundedInput {

    /** Request bodies nest a handful of levels; far more is an attack or a bug. */
    public static final int MAX_NESTING_DEPTH = 64;
    /** Above every text field any service takes (the longest, a message, is a few thousand). */
    public static final int MAX_STRING_LENGTH = 65_536;

    public static final int MAX_NUMBER_LENGTH = 64;
    public static final int MAX_NAME_LENGTH = 256;

    static final StreamReadConstraints LIMITS = StreamReadConstraints.builder()
            .maxNestingDepth(MAX_NESTING_DEPTH)
            .maxStringLength(MAX_STRING_LENGTH)
            .maxNumberLength(MAX_NUMBER_LENGTH)
            .maxNameLength(MAX_NAME_LENGTH)
            .build();

    /**
     * Boot builds its mapper from a builder with the default parser factory, and Jackson 3 fixes the
     * factory (which holds the read limits) when the builder is made; so the starter makes the builder
     * itself, with the bounded factory, and applies every customizer as Boot would.
     */
    @Bean
    @Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
    @ConditionalOnMissingBean
    JsonMapper.Builder boundedJsonMapperBuilder(ObjectProvider<JsonMapperBuilderCustomizer> customizers) {
        JsonMapper.Builder builder = JsonMapper.builder(
                JsonFactory.builder().streamReadConstraints(LIMITS).build());
        customizers.orderedStream().forEach(customizer -> customizer.customize(builder));
        return builder;
    }

    @Bean
    JsonMapperBuilderCustomizer jsonTypesAsWritten() {
        return builder -> builder.enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .withCoercionConfig(
                        LogicalType.Textual,
                        textual -> textual.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
    }

    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    RequestBodyGuard requestBodyGuard(WebInputProperties properties) {
        return new RequestBodyGuard(properties.maxBodySize().toBytes());
    }
}
