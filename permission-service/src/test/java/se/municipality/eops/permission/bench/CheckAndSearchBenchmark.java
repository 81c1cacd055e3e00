package se.municipality.eops.permission.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.IntConsumer;
import org.bson.Document;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import se.municipality.eops.contract.permission.PermissionRole;
import se.municipality.eops.permission.PermissionServiceApplication;
import se.municipality.eops.permission.grant.application.PermissionCheck;
import se.municipality.eops.permission.grant.domain.SearchText;
import se.municipality.eops.permission.group.application.HandlerSearch;
import se.municipality.eops.permission.group.domain.HandlerGroup;
import se.municipality.eops.testkit.InfrastructureInitializer;
import se.municipality.eops.testkit.SharedInfrastructure;

/**
 * p50/p99 of the permission check and the handler search over 100,000 grants and 1,000 handler groups,
 * measured in the service (application layer) and over HTTP with a token, against the test kit's
 * MongoDB-protocol server. Not a test: run it with the command in the README
 * ({@code ./mvnw -pl permission-service -am -Pbench-permission -DskipTests verify}; without {@code -q},
 * which would hide the forked JVM's output).
 *
 * <p>Data: 200 e-services; 1,000 groups (5 per e-service, 10 members each) each holding the
 * case-handler role of its e-service; 99,000 person grants for 50,000 people (60 % case handler,
 * 25 % editor, 15 % administrator) spread over the e-services, 10 % of them ended.
 */
public final class CheckAndSearchBenchmark {

    static final int E_SERVICES = 200;
    static final int GROUPS = 1_000;
    static final int MEMBERS_PER_GROUP = 10;
    static final int PERSON_GRANTS = 99_000;
    static final int PEOPLE = 50_000;
    static final int WARMUP = Integer.getInteger("bench.warmup", 500);
    static final int MEASURED = Integer.getInteger("bench.measured", 2_000);

    static final String[] FIRST = {
        "Örjan", "Åsa", "Märta", "Nils", "Anna", "Erik", "Karin", "Lars", "Sofia", "Jöns", "Ida", "Björn", "Åke",
        "Elin", "Gösta", "Maja", "Pär", "Linnéa", "Tove", "Ulf"
    };
    static final String[] LAST = {
        "Öström",
        "Ångström",
        "Lind",
        "Berg",
        "Sjöberg",
        "Nord",
        "Holm",
        "Ek",
        "Åberg",
        "Lundqvist",
        "Söderlund",
        "Hägg",
        "Strand",
        "Wikström",
        "Nyström",
        "Dahl",
        "Björk",
        "Fors",
        "Sten",
        "Kvist"
    };
    static final String[] FRAGMENTS = {"strom", "ake", "lind", "BERG", "sjob", "asa", "orjan", "holm", "nord", "p0123"};

    public static void main(String[] args) throws Exception {
        System.setProperty("EOPS_DEMO_DATA", "false");
        ConfigurableApplicationContext context = new SpringApplicationBuilder(PermissionServiceApplication.class)
                .initializers(new InfrastructureInitializer())
                .properties("server.port=0", "eops.permission.job-interval=1h", "logging.level.root=WARN")
                .run(args);
        try {
            MongoTemplate mongo = context.getBean(MongoTemplate.class);
            long loading = System.nanoTime();
            load(mongo);
            System.out.printf(
                    Locale.ROOT,
                    "Loaded %,d grants and %,d groups in %.1f s%n",
                    mongo.getCollection("grants").countDocuments(),
                    mongo.getCollection("handler_groups").countDocuments(),
                    (System.nanoTime() - loading) / 1e9);

            PermissionCheck check = context.getBean(PermissionCheck.class);
            HandlerSearch search = context.getBean(HandlerSearch.class);
            Random random = new Random(42);
            PermissionRole[] roles = PermissionRole.values();
            List<String> lines = new ArrayList<>();
            // Baselines of the same run: what the MongoDB-protocol server takes for a lookup by _id and
            // for the check's own query on grants (a collection scan there: it ignores secondary indexes).
            var collection = mongo.getCollection("grants");
            lines.add(measure(
                    "baseline: one grant by _id (driver)",
                    i -> collection
                            .find(new Document("_id", "gr-bench-p" + random.nextInt(PERSON_GRANTS)))
                            .first()));
            lines.add(measure(
                    "baseline: the check's query, personId + role + eServiceId (driver)",
                    i -> collection
                            .find(new Document("personId", person(random.nextInt(PEOPLE)))
                                    .append("role", roles[random.nextInt(3)].name())
                                    .append("eServiceId", eService(random.nextInt(E_SERVICES))))
                            .into(new ArrayList<>())));
            lines.add(measure(
                    "check, in the service",
                    i -> check.check(
                            person(random.nextInt(PEOPLE)),
                            roles[random.nextInt(3)],
                            eService(random.nextInt(E_SERVICES)))));
            lines.add(measure(
                    "search, in the service",
                    i -> search.search(
                            eService(random.nextInt(E_SERVICES)), FRAGMENTS[random.nextInt(FRAGMENTS.length)], 0, 20)));

            int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
            String token = SharedInfrastructure.get().tokens().tokenFor("arvid");
            HttpClient http = HttpClient.newHttpClient();
            lines.add(measure(
                    "GET /api/permissions/check",
                    i -> get(
                            http,
                            port,
                            token,
                            "/api/permissions/check?personId=" + person(random.nextInt(PEOPLE)) + "&role="
                                    + roles[random.nextInt(3)] + "&eServiceId="
                                    + eService(random.nextInt(E_SERVICES)))));
            lines.add(measure(
                    "GET /api/e-services/{id}/handlers?q=",
                    i -> get(
                            http,
                            port,
                            token,
                            "/api/e-services/" + eService(random.nextInt(E_SERVICES)) + "/handlers?q="
                                    + URLEncoder.encode(
                                            FRAGMENTS[random.nextInt(FRAGMENTS.length)], StandardCharsets.UTF_8))));
            lines.add(0, "|---|---|---|---|---|");
            lines.add(0, "| what | p50 | p99 | mean | calls |");
            lines.forEach(System.out::println);
            String results = System.getProperty("bench.results");
            if (results != null) {
                java.nio.file.Path file = java.nio.file.Path.of(results);
                java.nio.file.Files.createDirectories(file.getParent());
                java.nio.file.Files.write(file, lines);
                System.out.println("Written to " + file);
            }
        } finally {
            context.close();
            System.exit(0);
        }
    }

    private static void get(HttpClient http, int port, String token, String path) {
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                            .header("Authorization", "Bearer " + token)
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
            }
        } catch (java.io.IOException | InterruptedException failed) {
            throw new IllegalStateException(failed);
        }
    }

    private static String measure(String what, IntConsumer call) {
        System.out.println("Measuring " + what + " ...");
        for (int i = 0; i < WARMUP; i++) {
            call.accept(i);
        }
        long[] nanos = new long[MEASURED];
        for (int i = 0; i < MEASURED; i++) {
            long start = System.nanoTime();
            call.accept(i);
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        double mean = Arrays.stream(nanos).average().orElse(0) / 1e6;
        return String.format(
                Locale.ROOT,
                "| %s | %.2f ms | %.2f ms | %.2f ms | %,d |",
                what,
                nanos[(int) (MEASURED * 0.50)] / 1e6,
                nanos[(int) Math.ceil(MEASURED * 0.99) - 1] / 1e6,
                mean,
                MEASURED);
    }

    static String eService(int i) {
        return String.format(Locale.ROOT, "es-b%03d", i);
    }

    static String person(int i) {
        return String.format(Locale.ROOT, "p%05d", i);
    }

    static Document personOf(int i) {
        String name = FIRST[i % FIRST.length] + " " + LAST[(i / FIRST.length) % LAST.length];
        return new Document("personId", person(i)).append("name", name).append("email", person(i) + "@kommun.example");
    }

    /** Writes the documents as the service stores them (GrantDocument, GroupDocument), in bulk. */
    static void load(MongoTemplate mongo) {
        Random random = new Random(7);
        Instant now = Instant.now();
        List<Document> groups = new ArrayList<>();
        List<Document> grants = new ArrayList<>();
        for (int g = 0; g < GROUPS; g++) {
            String eServiceId = eService(g % E_SERVICES);
            String name = "Handläggargrupp " + g;
            String groupId = HandlerGroup.idFor(eServiceId, name);
            List<Document> members = new ArrayList<>();
            List<String> memberIds = new ArrayList<>();
            for (int m = 0; m < MEMBERS_PER_GROUP; m++) {
                Document member = personOf(random.nextInt(PEOPLE));
                members.add(member);
                memberIds.add(member.getString("personId"));
            }
            groups.add(new Document("_id", groupId)
                    .append("eServiceId", eServiceId)
                    .append("name", name)
                    .append("members", members)
                    .append("memberIds", memberIds)
                    .append("appliedRequests", List.of())
                    .append("version", 0L));
            grants.add(grant(
                    "gr-bench-g" + g,
                    PermissionRole.CASE_HANDLER,
                    eServiceId,
                    null,
                    new Document("groupId", groupId).append("name", name),
                    "ACTIVE",
                    now));
        }
        for (int i = 0; i < PERSON_GRANTS; i++) {
            int roll = random.nextInt(100);
            PermissionRole role = roll < 60
                    ? PermissionRole.CASE_HANDLER
                    : roll < 85 ? PermissionRole.EDITOR : PermissionRole.ADMINISTRATOR;
            String status = random.nextInt(10) == 0 ? "REVOKED" : "ACTIVE";
            grants.add(grant(
                    "gr-bench-p" + i,
                    role,
                    eService(random.nextInt(E_SERVICES)),
                    personOf(random.nextInt(PEOPLE)),
                    null,
                    status,
                    now));
        }
        mongo.getCollection("handler_groups").insertMany(groups);
        for (int from = 0; from < grants.size(); from += 10_000) {
            mongo.getCollection("grants").insertMany(grants.subList(from, Math.min(from + 10_000, grants.size())));
        }
    }

    static Document grant(
            String id,
            PermissionRole role,
            String eServiceId,
            Document person,
            Document group,
            String status,
            Instant now) {
        Document grant = new Document("_id", id)
                .append("role", role.name())
                .append("eServiceId", eServiceId)
                .append("status", status)
                .append("decidedBy", "system")
                .append(
                        "history",
                        List.of(new Document("at", java.util.Date.from(now))
                                .append("status", status)
                                .append("by", "system")
                                .append("note", "benchmark data")));
        if (person != null) {
            grant.append("person", person)
                    .append("personId", person.getString("personId"))
                    .append(
                            "searchText",
                            SearchText.ofPerson(
                                    person.getString("personId"), person.getString("name"), person.getString("email")));
        } else {
            grant.append("group", group).append("groupId", group.getString("groupId"));
        }
        return grant;
    }
}
