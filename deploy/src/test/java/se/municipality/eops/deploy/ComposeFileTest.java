package se.municipality.eops.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static se.municipality.eops.deploy.Repository.list;
import static se.municipality.eops.deploy.Repository.map;
import static se.municipality.eops.deploy.Repository.string;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import se.municipality.eops.localstack.identity.DemoUser;

/** deploy/compose: pinned images, environment as the README documents it, Keycloak's realm as local-stack's issuer. */
class ComposeFileTest {

    private static final Pattern VARIABLE = Pattern.compile("`([A-Z][A-Z0-9_]+)`");

    private final Map<String, Object> compose = Repository.yamlDocuments(
                    Repository.read(Repository.DEPLOY.resolve("compose/compose.yaml")))
            .get(0);

    @Test
    void everyImageIsPinnedToAVersion() {
        Map<String, Object> services = map(compose, "services");
        assertThat(services)
                .as("compose services")
                .containsKeys("kafka-1", "kafka-2", "kafka-3", "mongodb", "keycloak");
        List<String> unpinned = new ArrayList<>();
        services.forEach((name, service) -> {
            String image = string(service, "image");
            String reference = image == null ? "" : image.substring(image.lastIndexOf('/') + 1);
            boolean digest = reference.contains("@sha256:");
            String tag = reference.contains(":") ? reference.substring(reference.indexOf(':') + 1) : "";
            // A version tag has a digit (8.0.12, v1.27.0, 0.1.0-SNAPSHOT); latest, stable or none do not.
            if (!digest && !tag.matches(".*\\d.*")) {
                unpinned.add(name + ": " + image);
            }
        });
        assertThat(unpinned).as("images without a version").isEmpty();
    }

    @Test
    void theServicesEnvironmentIsTheReadmesConfigurationTable() {
        Map<String, String> documented = readmeConfiguration();
        assertThat(documented)
                .as("variables in the README's Configuration table")
                .containsKey("EOPS_KAFKA_BOOTSTRAP");
        List<String> problems = new ArrayList<>();
        Set<String> services = Repository.serviceModules().stream()
                .map(module -> module.getFileName().toString())
                .collect(Collectors.toCollection(TreeSet::new));
        for (String service : services) {
            Map<String, Object> environment = map(compose, "services", service, "environment");
            if (environment.isEmpty()) {
                problems.add(service + ": not in compose.yaml, or without environment");
                continue;
            }
            for (String variable : environment.keySet()) {
                String usedBy = documented.get(variable);
                if (usedBy == null) {
                    problems.add(service + ": " + variable + " is not in the README's Configuration table");
                } else if (!usedBy.startsWith("all services")
                        && !usedBy.startsWith("each service")
                        && !usedBy.contains(service)) {
                    problems.add(service + ": " + variable + " is documented for " + usedBy);
                }
            }
            // What every service needs to find its infrastructure (README: "all services", default on localhost).
            documented.forEach((variable, usedBy) -> {
                if (usedBy.startsWith("all services:") || usedBy.equals("all services")) {
                    if (REQUIRED_IN_CONTAINERS.contains(variable) && !environment.containsKey(variable)) {
                        problems.add(service + ": " + variable + " is not set, its default points at localhost");
                    }
                }
            });
        }
        assertThat(problems).isEmpty();
    }

    /** The README's defaults that name localhost: in a container they must be set. */
    private static final Set<String> REQUIRED_IN_CONTAINERS =
            Set.of("EOPS_KAFKA_BOOTSTRAP", "EOPS_MONGODB_URI", "EOPS_ISSUER_URI");

    @Test
    void keycloaksRealmHasTheDemoUsersRolesAndAudienceOfTheLocalIssuer() {
        Map<String, Object> realm = Repository.yamlDocuments(
                        Repository.read(Repository.DEPLOY.resolve("compose/keycloak/eops-realm.json")))
                .get(0);
        Map<String, String> users = new LinkedHashMap<>();
        for (Object user : list(realm, "users")) {
            users.put(
                    string(user, "username"),
                    string(user, "email") + " "
                            + list(user, "realmRoles").stream()
                                    .map(String::valueOf)
                                    .sorted()
                                    .toList());
        }
        Map<String, String> expected = new LinkedHashMap<>();
        for (DemoUser user : DemoUser.ALL) {
            expected.put(
                    user.username(),
                    user.email() + " " + user.roles().stream().sorted().toList());
        }
        assertThat(users).as("realm users: e-mail and roles").isEqualTo(expected);

        List<Map<String, Object>> mappers = list(realm, "clientScopes").stream()
                .flatMap(scope -> list(scope, "protocolMappers").stream())
                .map(Repository::map)
                .toList();
        assertThat(mappers)
                .as("an audience mapper putting eops-services into aud")
                .anySatisfy(mapper -> {
                    assertThat(mapper.get("protocolMapper")).isEqualTo("oidc-audience-mapper");
                    assertThat(string(mapper, "config", "included.custom.audience"))
                            .isEqualTo("eops-services");
                });
        assertThat(mappers)
                .as("realm roles in the claim roles, as the services read them")
                .anySatisfy(mapper -> {
                    assertThat(mapper.get("protocolMapper")).isEqualTo("oidc-usermodel-realm-role-mapper");
                    assertThat(string(mapper, "config", "claim.name")).isEqualTo("roles");
                });
    }

    /**
     * The portal signs in at Keycloak as at local-identity: the confidential client eops-portal, the code flow with
     * PKCE (S256) required, the portal's redirect URI and its page after logout.
     */
    @Test
    void keycloaksPortalClientRequiresPkceLikeTheLocalSignIn() {
        Map<String, Object> realm = Repository.yamlDocuments(
                        Repository.read(Repository.DEPLOY.resolve("compose/keycloak/eops-realm.json")))
                .get(0);
        Map<String, Object> portal = list(realm, "clients").stream()
                .map(Repository::map)
                .filter(client -> "eops-portal".equals(client.get("clientId")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no client eops-portal in the realm"));

        assertThat(portal.get("publicClient")).isEqualTo(false);
        assertThat(portal.get("standardFlowEnabled")).isEqualTo(true);
        assertThat(string(portal, "attributes", "pkce.code.challenge.method")).isEqualTo("S256");
        assertThat(list(portal, "redirectUris")).containsExactly("http://localhost:8080/login/oauth2/code/eops");
        assertThat(string(portal, "attributes", "post.logout.redirect.uris")).isEqualTo("http://localhost:8080/");
    }

    /** Variable name to its "used by" column, from the root README's Configuration table. */
    static Map<String, String> readmeConfiguration() {
        String readme = Repository.read(Repository.ROOT.resolve("README.md"));
        int start = readme.indexOf("\n## Configuration");
        assertThat(start).as("README has a Configuration section").isPositive();
        int end = readme.indexOf("\n## ", start + 1);
        Map<String, String> variables = new LinkedHashMap<>();
        for (String line :
                readme.substring(start, end < 0 ? readme.length() : end).split("\n")) {
            String[] cells = line.split("\\|");
            if (cells.length < 4 || !cells[1].contains("`")) {
                continue;
            }
            Matcher names = VARIABLE.matcher(cells[1]);
            while (names.find()) {
                variables.merge(names.group(1), cells[3].trim(), (first, second) -> first + " ; " + second);
            }
        }
        return variables;
    }
}
