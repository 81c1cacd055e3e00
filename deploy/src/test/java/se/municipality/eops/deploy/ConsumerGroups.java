package se.municipality.eops.deploy;

import static se.municipality.eops.deploy.Repository.map;
import static se.municipality.eops.deploy.Repository.string;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The consumer groups the services really have, read from their bindings (application.yml) and the
 * starter's defaults (eops-defaults.yml), and the dead-letter topic each one writes to.
 */
final class ConsumerGroups {

    /** One consuming binding: a topic read by a group, which dead-letters to {@link #deadLetterTopic()}. */
    record Consumer(String service, String binding, String topic, String group) {
        String deadLetterTopic() {
            return "error." + topic + "." + group;
        }
    }

    private ConsumerGroups() {}

    /** Every binding of every service that has a named group and dead-letters. */
    static List<Consumer> deadLetteringConsumers() {
        Map<String, Object> defaults =
                firstDocument(Repository.ROOT.resolve("service-starter/src/main/resources/eops-defaults.yml"));
        String defaultGroup = string(defaults, "spring", "cloud", "stream", "default", "group");
        Object defaultDlq =
                Repository.at(defaults, "spring", "cloud", "stream", "kafka", "default", "consumer", "enable-dlq");
        List<Consumer> consumers = new ArrayList<>();
        for (Path module : Repository.serviceModules()) {
            Map<String, Object> config = firstDocument(module.resolve("src/main/resources/application.yml"));
            String service = string(config, "spring", "application", "name");
            Map<String, Object> bindings = map(config, "spring", "cloud", "stream", "bindings");
            for (Map.Entry<String, Object> binding : bindings.entrySet()) {
                if (!binding.getKey().matches(".+-in-\\d+")) {
                    continue;
                }
                Map<String, Object> properties = map(binding.getValue());
                String group = properties.containsKey("group")
                        ? String.valueOf(properties.get("group"))
                        : defaultGroup.replace("${spring.application.name}", service);
                Object dlq = Repository.at(
                        config,
                        "spring",
                        "cloud",
                        "stream",
                        "kafka",
                        "bindings",
                        binding.getKey(),
                        "consumer",
                        "enable-dlq");
                boolean deadLetters = Boolean.parseBoolean(String.valueOf(dlq != null ? dlq : defaultDlq));
                // An anonymous group (empty) lives as long as its pod and has no dead-letter topic.
                if (group.isBlank() || !deadLetters) {
                    continue;
                }
                for (String topic :
                        String.valueOf(properties.get("destination")).split(",")) {
                    consumers.add(new Consumer(service, binding.getKey(), topic.trim(), group));
                }
            }
        }
        return consumers;
    }

    /** The document of a Spring configuration file that applies without a profile. */
    private static Map<String, Object> firstDocument(Path file) {
        return Repository.yamlDocuments(Repository.read(file)).stream()
                .filter(document -> Repository.at(document, "spring", "config", "activate") == null)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no profile-free document in " + file));
    }
}
