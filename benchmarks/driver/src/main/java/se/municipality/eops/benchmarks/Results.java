package se.municipality.eops.benchmarks;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The figures of one benchmark run, as {@code name=value} lines in one file: every step (bash or Java) adds its own,
 * and the report reads them all. A step that failed leaves its figures out, and the table says "not measured".
 */
public final class Results {

    private final Map<String, String> values;

    private Results(Map<String, String> values) {
        this.values = values;
    }

    public static Results of(Map<String, String> values) {
        return new Results(new TreeMap<>(values));
    }

    public static Results read(Path file) {
        Properties properties = new Properties();
        if (Files.exists(file)) {
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                properties.load(reader);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        Map<String, String> values = new TreeMap<>();
        properties.forEach(
                (key, value) -> values.put(key.toString(), value.toString().trim()));
        return new Results(values);
    }

    public static void append(Path file, String name, Object value) {
        String text = value instanceof Double number ? String.format(Locale.ROOT, "%.3f", number) : value.toString();
        try (Writer writer = Files.newBufferedWriter(
                file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
            writer.write(name + "=" + text + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.out.println("  " + name + " = " + text);
    }

    public Optional<Double> number(String name) {
        String value = values.get(name);
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Double.parseDouble(value));
        } catch (NumberFormatException notANumber) {
            return Optional.empty();
        }
    }

    public Optional<String> text(String name) {
        return Optional.ofNullable(values.get(name));
    }
}
