package se.municipality.eops.request.filing;

import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/** Request bodies as a front end would send them, valid unless a test changes them. */
final class RequestBodies {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private RequestBodies() {}

    static Map<String, Object> newEServicePublication() {
        return Map.of(
                "type",
                "PUBLICATION",
                "publication",
                Map.of(
                        "kind", "NEW_ESERVICE",
                        "eServiceId", "es-2001",
                        "eServiceName", "Ansökan om parkeringstillstånd",
                        "committee", "Stadsbyggnadsnämnden",
                        "orderer", "Parkeringsenheten",
                        "checklist",
                                List.of(
                                        Map.of("item", "Tillgänglighetsgranskad", "done", true),
                                        Map.of("item", "Handläggare utbildade", "done", true))));
    }

    static Map<String, Object> testCasePurge() {
        return Map.of(
                "type",
                "PURGE",
                "purge",
                Map.of("kind", "TEST_CASES", "eServiceId", uniqueEService(), "eServiceName", "Parkeringstillstånd"));
    }

    static Map<String, Object> handlerGroupGrant(String secondMemberEmail) {
        return Map.of(
                "type",
                "PERMISSION",
                "permission",
                Map.of(
                        "change", "GRANT",
                        "role", "CASE_HANDLER",
                        "eServiceId", "es-1042",
                        "eServiceName", "Parkeringstillstånd",
                        "group",
                                Map.of(
                                        "name",
                                        "Parkering handläggare",
                                        "members",
                                        List.of(
                                                Map.of(
                                                        "userId",
                                                        "lisa",
                                                        "name",
                                                        "Lisa Lund",
                                                        "email",
                                                        "lisa.lund@kommun.example"),
                                                Map.of(
                                                        "userId",
                                                        "olle",
                                                        "name",
                                                        "Olle Ek",
                                                        "email",
                                                        secondMemberEmail)))));
    }

    static Map<String, Object> newVersionPublication() {
        return Map.of(
                "type",
                "PUBLICATION",
                "publication",
                Map.of(
                        "kind", "NEW_VERSION",
                        "eServiceId", "es-1042",
                        "eServiceName", "Parkeringstillstånd",
                        "versionLabel", "2.1",
                        "message", "Ny version med e-legitimation."));
    }

    static Map<String, Object> retentionPurge() {
        return Map.of(
                "type",
                "PURGE",
                "purge",
                Map.of(
                        "kind", "RETENTION",
                        "eServiceId", uniqueEService(),
                        "eServiceName", "Parkeringstillstånd",
                        "committee", "Stadsbyggnadsnämnden",
                        "purgeDecisionReference", "SBN 2026/117",
                        "message", "Enligt dokumenthanteringsplanen."));
    }

    static Map<String, Object> editorGrant() {
        return Map.of(
                "type",
                "PERMISSION",
                "permission",
                Map.of(
                        "change", "GRANT",
                        "role", "EDITOR",
                        "eServiceId", "es-1042",
                        "eServiceName", "Parkeringstillstånd",
                        "person", Map.of("userId", "lisa", "name", "Lisa Lund", "email", "lisa.lund@kommun.example"),
                        "message", "Lisa tar över förvaltningen."));
    }

    /** One of each kind of request, together holding every field a request body can have. */
    static List<Map<String, Object>> everyKind() {
        return List.of(
                newEServicePublication(),
                newVersionPublication(),
                testCasePurge(),
                retentionPurge(),
                handlerGroupGrant("olle.ek@kommun.example"),
                editorGrant());
    }

    /**
     * The e-service the new version and the grants are about; tests that file them put it into the
     * catalogue first ({@code CatalogueFixture}), or the request is answered "not in the catalogue".
     */
    static final String CATALOGUED_E_SERVICE = "es-1042";

    /**
     * Purges each of an e-service of their own: a second open request for the same thing is answered
     * with 409, and these tests file purges again and again.
     */
    private static String uniqueEService() {
        return "es-" + java.util.UUID.randomUUID().toString().substring(0, 8);
    }

    static String json(Object body) {
        return JSON.writeValueAsString(body);
    }
}
