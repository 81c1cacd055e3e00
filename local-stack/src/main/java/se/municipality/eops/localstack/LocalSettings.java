package se.municipality.eops.localstack;

import java.nio.file.Path;

/**
 * The few settings the local processes take. run.sh passes them through the environment so that one
 * variable (for example {@code EOPS_MONGO_PORT}) configures both the server and the services that use it.
 */
final class LocalSettings {

    static final String DATA_DIRECTORY_VARIABLE = "EOPS_DATA_DIR";
    private static final String DEFAULT_DATA_DIRECTORY = ".local/data";

    private LocalSettings() {}

    static int port(String variable, int defaultPort) {
        String value = System.getenv(variable);
        if (value == null || value.isBlank()) {
            return defaultPort;
        }
        try {
            int port = Integer.parseInt(value.trim());
            if (port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(variable + " must be a TCP port (1-65535), was '" + value + "'");
        }
    }

    /** A positive whole number from {@code variable}, or {@code defaultValue} when it is unset or blank. */
    static int number(String variable, int defaultValue) {
        String value = text(variable, null);
        if (value == null) {
            return defaultValue;
        }
        try {
            int number = Integer.parseInt(value);
            if (number < 1) {
                throw new NumberFormatException();
            }
            return number;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(variable + " must be a whole number of at least 1, was '" + value + "'");
        }
    }

    /** The value of {@code variable}, or {@code defaultValue} when it is unset or blank. */
    static String text(String variable, String defaultValue) {
        String value = System.getenv(variable);
        return value == null || value.isBlank() ? defaultValue : value.trim();
    }

    /** The first program argument wins over the environment, so a process can be started by hand. */
    static Path dataDirectory(String[] args) {
        if (args.length > 0 && !args[0].isBlank()) {
            return Path.of(args[0]).toAbsolutePath();
        }
        String fromEnvironment = System.getenv(DATA_DIRECTORY_VARIABLE);
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return Path.of(fromEnvironment).toAbsolutePath();
        }
        return Path.of(DEFAULT_DATA_DIRECTORY).toAbsolutePath();
    }
}
