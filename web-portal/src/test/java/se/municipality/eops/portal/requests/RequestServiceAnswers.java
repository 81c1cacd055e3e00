package se.municipality.eops.portal.requests;

/** request-service's answers as the requester's page tests need them (shapes from its README and step API). */
final class RequestServiceAnswers {

    static final String TYPES = """
            [{"type":"PUBLICATION","label":{"sv":"Publicering","en":"Publication"},"steps":[
              {"id":"eservice","label":{"sv":"E-tjänst","en":"E-service"},"rules":[],"fields":[
                {"name":"publication.kind","label":{"sv":"Ny e-tjänst eller ny version","en":"New e-service or new version"},
                 "type":"CHOICE","required":true,"allowedValues":["NEW_ESERVICE","NEW_VERSION"]},
                {"name":"publication.eServiceId","label":{"sv":"E-tjänstens id","en":"E-service id"},"type":"ID","required":true,"maxLength":64},
                {"name":"publication.eServiceName","label":{"sv":"E-tjänstens namn","en":"E-service name"},"type":"TEXT","required":true,"maxLength":200}]},
              {"id":"checklist","label":{"sv":"Checklista","en":"Checklist"},"rules":[],"fields":[
                {"name":"publication.checklist","label":{"sv":"Checklista före publicering","en":"Checklist before publication"},
                 "type":"LIST","required":false,"requiredWhen":{"field":"publication.kind","values":["NEW_ESERVICE"]},"maxItems":100,
                 "fields":[{"name":"itemId","label":{"sv":"Punktens id","en":"Item id"},"type":"ID","required":false},
                           {"name":"item","label":{"sv":"Punkt","en":"Item"},"type":"TEXT","required":true},
                           {"name":"done","label":{"sv":"Klar","en":"Done"},"type":"BOOLEAN","required":true}]}]},
              {"id":"message","label":{"sv":"Meddelande","en":"Message"},"rules":[],"fields":[
                {"name":"publication.message","label":{"sv":"Meddelande till e-tjänsteteamet","en":"Message to the e-service team"},"type":"MESSAGE","required":false,"maxLength":4000}]}]}]
            """;

    static final String CHECKLIST = """
            {"version":1,"items":[{"id":"accessibility","text":"Tillgänglighetsgranskad","mandatory":true},
                                  {"id":"handlers","text":"Handläggare har behörighet","mandatory":false}]}
            """;

    static String draft(String id, String publication, String submittedRequestId) {
        return """
                {"id":"%s","type":"PUBLICATION","publication":%s,"steps":[],"checksPending":[],
                 "updatedAt":"2026-12-07T09:00:00Z","expiresAt":"2026-12-21T09:00:00Z","submittedRequestId":%s}
                """.formatted(id, publication, submittedRequestId == null ? "null" : "\"" + submittedRequestId + "\"");
    }

    static String request(String id, String status) {
        return """
                {"id":"%s","type":"PUBLICATION","status":"%s","publication":{"eServiceName":"Ansökan om torgplats"},
                 "submittedAt":"2026-12-07T09:00:00Z","statusSince":"2026-12-07T09:00:00Z","overdue":false,
                 "timeline":[{"sequence":1,"at":"2026-12-07T09:00:00Z","kind":"STATUS_CHANGED","status":"SUBMITTED","actor":"anna"}]}
                """.formatted(id, status);
    }

    private RequestServiceAnswers() {}
}
