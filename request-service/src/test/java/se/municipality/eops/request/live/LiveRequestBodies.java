package se.municipality.eops.request.live;

/** A request body as the front end files it. */
final class LiveRequestBodies {

    static final String PUBLICATION = """
            {"type":"PUBLICATION","publication":{"kind":"NEW_VERSION","eServiceId":"es-1001",
             "eServiceName":"Felanmälan gata och park","versionLabel":"3.3"}}
            """;

    private LiveRequestBodies() {}
}
