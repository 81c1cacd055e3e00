package se.municipality.eops.contract;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import se.municipality.eops.contract.samples.ContractJson;
import tools.jackson.databind.JsonNode;

/** Reads the contract's resources the way an outside system would: from the classpath. */
public final class ContractResources {

    public static final String ASYNCAPI = "contract/asyncapi.yaml";

    private ContractResources() {}

    public static JsonNode schemaOf(EventType type) {
        try (InputStream in = open(type.schemaResource())) {
            return ContractJson.MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Map<String, Object> asyncApi() {
        try (InputStream in = open(ASYNCAPI)) {
            return new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The topic names declared in {@link Topics}. */
    public static List<String> topics() {
        return Arrays.stream(Topics.class.getDeclaredFields())
                .filter(field -> Modifier.isStatic(field.getModifiers()) && field.getType() == String.class)
                .map(ContractResources::valueOf)
                .toList();
    }

    public static InputStream open(String resource) {
        InputStream in = ContractResources.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new AssertionError("No resource " + resource + " on the classpath");
        }
        return in;
    }

    private static String valueOf(Field field) {
        try {
            return (String) field.get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
