package se.municipality.eops.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static se.municipality.eops.deploy.Repository.at;
import static se.municipality.eops.deploy.Repository.list;
import static se.municipality.eops.deploy.Repository.map;
import static se.municipality.eops.deploy.Repository.string;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import se.municipality.eops.contract.ContractResources;

/** Both overlays of deploy/k8s, rendered as kubectl would apply them, hold what ops rely on. */
class KubernetesManifestsTest {

    /** Names of settings that are credentials or carry them (a MongoDB URI holds the password). */
    private static final Pattern SECRET_NAME =
            Pattern.compile("(?i)(.*(PASSWORD|SECRET|CREDENTIAL|PRIVATE_KEY|API_KEY|MONGODB_URI).*|.*TOKEN)");

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyServiceHasADeploymentAndEveryDeploymentIsHardened(String overlay) {
        List<Map<String, Object>> resources = Kustomize.render(overlay);
        Set<String> services = Repository.serviceModules().stream()
                .map(module -> module.getFileName().toString())
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(names(resources, "Deployment"))
                .as("Deployments of " + overlay)
                .containsAll(services);

        List<String> problems = new ArrayList<>();
        for (Map<String, Object> deployment : ofKind(resources, "Deployment")) {
            String name = string(deployment, "metadata", "name");
            Map<String, Object> pod = map(deployment, "spec", "template", "spec");
            if (!"0".equals(string(deployment, "spec", "strategy", "rollingUpdate", "maxUnavailable"))) {
                problems.add(
                        name + ": rolling update must keep every pod until its successor is ready (maxUnavailable 0)");
            }
            if (list(pod, "topologySpreadConstraints").isEmpty() && at(pod, "affinity", "podAntiAffinity") == null) {
                problems.add(name + ": no topology spread or anti-affinity");
            }
            if (!Boolean.FALSE.equals(at(pod, "automountServiceAccountToken"))) {
                problems.add(name + ": the pod mounts a service-account token");
            }
            String account = string(pod, "serviceAccountName");
            boolean accountWithoutToken = ofKind(resources, "ServiceAccount").stream()
                    .anyMatch(sa -> string(sa, "metadata", "name").equals(account)
                            && Boolean.FALSE.equals(at(sa, "automountServiceAccountToken")));
            if (!accountWithoutToken) {
                problems.add(name + ": no ServiceAccount of its own with automountServiceAccountToken false (" + account
                        + ")");
            }
            boolean podNonRoot = Boolean.TRUE.equals(at(pod, "securityContext", "runAsNonRoot"));
            for (Object element : list(pod, "containers")) {
                Map<String, Object> container = map(element);
                String where = name + "/" + string(container, "name");
                problems.addAll(containerProblems(where, container, podNonRoot));
            }
        }
        assertThat(problems).as("Deployments of overlay " + overlay).isEmpty();
    }

    private static List<String> containerProblems(String where, Map<String, Object> container, boolean podNonRoot) {
        List<String> problems = new ArrayList<>();
        String image = string(container, "image");
        String lastPart = image.substring(image.lastIndexOf('/') + 1);
        if (!lastPart.contains(":") && !image.contains("@sha256:")) {
            problems.add(where + ": image " + image + " has no tag (that is :latest)");
        }
        if (image.endsWith(":latest")) {
            problems.add(where + ": image " + image + " uses latest");
        }
        for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
            String path = string(container, probe, "httpGet", "path");
            if (path == null || !path.startsWith("/actuator/health")) {
                problems.add(where + ": " + probe + " is not an HTTP check on Actuator's health (" + path + ")");
            }
        }
        for (String bound : List.of("requests", "limits")) {
            for (String resource : List.of("cpu", "memory")) {
                if (at(container, "resources", bound, resource) == null) {
                    problems.add(where + ": no " + resource + " in resources." + bound);
                }
            }
        }
        Map<String, Object> security = map(container, "securityContext");
        if (!podNonRoot && !Boolean.TRUE.equals(security.get("runAsNonRoot"))) {
            problems.add(where + ": may run as root (runAsNonRoot)");
        }
        if (!Boolean.TRUE.equals(security.get("readOnlyRootFilesystem"))) {
            problems.add(where + ": root file system is writable");
        }
        if (!Boolean.FALSE.equals(security.get("allowPrivilegeEscalation"))) {
            problems.add(where + ": privilege escalation is allowed");
        }
        if (!list(security, "capabilities", "drop").contains("ALL")) {
            problems.add(where + ": capabilities are not all dropped");
        }
        for (Object variable : list(container, "env")) {
            String variableName = string(variable, "name");
            if (SECRET_NAME.matcher(variableName).matches() && at(variable, "value") != null) {
                problems.add(where + ": " + variableName + " has an inline value; refer to a Secret");
            }
        }
        return problems;
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyDeploymentHasAnAutoscalerADisruptionBudgetAndANetworkPolicy(String overlay) {
        List<Map<String, Object>> resources = Kustomize.render(overlay);
        List<String> problems = new ArrayList<>();
        for (Map<String, Object> deployment : ofKind(resources, "Deployment")) {
            String name = string(deployment, "metadata", "name");
            Map<String, Object> podLabels = map(deployment, "spec", "template", "metadata", "labels");
            boolean scaled = ofKind(resources, "HorizontalPodAutoscaler").stream()
                    .anyMatch(hpa -> "Deployment".equals(string(hpa, "spec", "scaleTargetRef", "kind"))
                            && name.equals(string(hpa, "spec", "scaleTargetRef", "name")));
            if (!scaled) {
                problems.add(name + ": no HorizontalPodAutoscaler");
            }
            boolean budgeted = ofKind(resources, "PodDisruptionBudget").stream()
                    .anyMatch(pdb -> selects(map(pdb, "spec", "selector", "matchLabels"), podLabels));
            if (!budgeted) {
                problems.add(name + ": no PodDisruptionBudget selects its pods");
            }
            // A policy of its own (not only the namespace-wide deny) that limits where it may connect.
            boolean fenced = ofKind(resources, "NetworkPolicy").stream()
                    .filter(policy -> list(policy, "spec", "policyTypes").contains("Egress"))
                    .filter(policy -> !list(policy, "spec", "egress").isEmpty())
                    .anyMatch(policy -> {
                        Map<String, Object> selector = map(policy, "spec", "podSelector", "matchLabels");
                        return selector.containsKey("app.kubernetes.io/name") && selects(selector, podLabels);
                    });
            if (!fenced) {
                problems.add(name + ": no NetworkPolicy of its own selects its pods");
            }
        }
        boolean denyByDefault = ofKind(resources, "NetworkPolicy").stream()
                .anyMatch(policy -> map(policy, "spec", "podSelector").isEmpty()
                        && list(policy, "spec", "policyTypes").containsAll(List.of("Ingress", "Egress"))
                        && list(policy, "spec", "ingress").isEmpty()
                        && list(policy, "spec", "egress").isEmpty());
        if (!denyByDefault) {
            problems.add("no default-deny NetworkPolicy in namespace eops");
        }
        assertThat(problems).as("overlay " + overlay).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void noSecretValueIsInTheManifests(String overlay) {
        List<Map<String, Object>> resources = Kustomize.render(overlay);
        assertThat(ofKind(resources, "Secret"))
                .as("Secrets come from the cluster's secret manager, never from git")
                .isEmpty();
        List<String> secretKeysInConfigMaps = ofKind(resources, "ConfigMap").stream()
                .flatMap(configMap -> map(configMap, "data").keySet().stream()
                        .filter(key -> SECRET_NAME.matcher(key).matches())
                        .map(key -> string(configMap, "metadata", "name") + "/" + key))
                .toList();
        assertThat(secretKeysInConfigMaps).as("credentials in ConfigMaps").isEmpty();
        for (Map<String, Object> deployment : ofKind(resources, "Deployment")) {
            String name = string(deployment, "metadata", "name");
            List<String> secretRefs = list(deployment, "spec", "template", "spec", "containers").stream()
                    .flatMap(container -> list(container, "envFrom").stream())
                    .map(source -> string(source, "secretRef", "name"))
                    .filter(ref -> ref != null)
                    .toList();
            assertThat(secretRefs)
                    .as(name + " reads its credentials from its Secret")
                    .contains(name + "-secrets");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyContractTopicAndEveryDeadLetterTopicIsAReplicatedKafkaTopic(String overlay) {
        List<Map<String, Object>> resources = Kustomize.render(overlay);
        Map<String, Map<String, Object>> topics = ofKind(resources, "KafkaTopic").stream()
                .collect(Collectors.toMap(topic -> topicName(topic), topic -> topic));
        List<String> contractTopics = ContractResources.topics();
        assertThat(contractTopics).as("Topics constants").hasSizeGreaterThanOrEqualTo(6);
        List<ConsumerGroups.Consumer> consumers = ConsumerGroups.deadLetteringConsumers();
        assertThat(consumers)
                .as("consumer bindings found in the services' application.yml")
                .isNotEmpty();

        List<String> problems = new ArrayList<>();
        for (String topic : contractTopics) {
            problems.addAll(topicProblems(topic, topics.get(topic), "the contract's topic"));
        }
        Set<String> deadLetterTopics = new TreeSet<>();
        for (ConsumerGroups.Consumer consumer : consumers) {
            String deadLetters = consumer.deadLetterTopic();
            deadLetterTopics.add(deadLetters);
            String why = "dead letters of " + consumer.service() + "'s binding " + consumer.binding() + " (group "
                    + consumer.group() + ")";
            problems.addAll(topicProblems(deadLetters, topics.get(deadLetters), why));
            Map<String, Object> source = topics.get(consumer.topic());
            Map<String, Object> shadow = topics.get(deadLetters);
            if (source != null
                    && shadow != null
                    && !String.valueOf(at(source, "spec", "partitions"))
                            .equals(String.valueOf(at(shadow, "spec", "partitions")))) {
                problems.add(deadLetters + ": needs as many partitions as " + consumer.topic()
                        + " (a dead letter keeps its partition number)");
            }
        }
        // A dead-letter topic nobody writes to any more is drift too: the bindings are the source.
        topics.keySet().stream()
                .filter(name -> name.startsWith("error."))
                .filter(name -> !deadLetterTopics.contains(name))
                .forEach(name -> problems.add(name + ": no consumer binding dead-letters there any more"));
        assertThat(problems).as("KafkaTopics of overlay " + overlay).isEmpty();
    }

    private static List<String> topicProblems(String name, Map<String, Object> topic, String why) {
        if (topic == null) {
            return List.of(name + ": no KafkaTopic (" + why + ")");
        }
        List<String> problems = new ArrayList<>();
        if (!"3".equals(string(topic, "spec", "replicas"))) {
            problems.add(name + ": replication factor " + string(topic, "spec", "replicas") + ", expected 3");
        }
        if (!"2".equals(string(topic, "spec", "config", "min.insync.replicas"))) {
            problems.add(name + ": min.insync.replicas " + string(topic, "spec", "config", "min.insync.replicas")
                    + ", expected 2");
        }
        return problems;
    }

    private static String topicName(Map<String, Object> topic) {
        String name = string(topic, "spec", "topicName");
        return name != null ? name : string(topic, "metadata", "name");
    }

    private static boolean selects(Map<String, Object> selector, Map<String, Object> labels) {
        return !selector.isEmpty()
                && selector.entrySet().stream()
                        .allMatch(entry ->
                                String.valueOf(entry.getValue()).equals(String.valueOf(labels.get(entry.getKey()))));
    }

    static List<Map<String, Object>> ofKind(List<Map<String, Object>> resources, String kind) {
        return resources.stream().filter(r -> kind.equals(r.get("kind"))).toList();
    }

    private static Set<String> names(List<Map<String, Object>> resources, String kind) {
        return ofKind(resources, kind).stream()
                .map(r -> string(r, "metadata", "name"))
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
