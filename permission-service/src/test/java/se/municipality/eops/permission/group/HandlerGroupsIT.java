package se.municipality.eops.permission.group;

import static org.assertj.core.api.Assertions.assertThat;
import static se.municipality.eops.permission.PermissionRequests.grant;
import static se.municipality.eops.permission.PermissionRequests.grantToGroup;
import static se.municipality.eops.permission.PermissionRequests.person;
import static se.municipality.eops.permission.PermissionRequests.publish;
import static se.municipality.eops.permission.PermissionRequests.revokeFromGroup;
import static se.municipality.eops.permission.PermissionRequests.uniqueEService;
import static se.municipality.eops.permission.PermissionRequests.uniqueUser;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import se.municipality.eops.contract.Topics;
import se.municipality.eops.contract.request.PermissionRequest.PermissionRole;
import se.municipality.eops.contract.request.RequestSubmitted;
import se.municipality.eops.localstack.identity.DemoTokenIssuer;
import se.municipality.eops.permission.grant.application.ExecutePermissionRequest;
import se.municipality.eops.permission.group.domain.HandlerGroup;
import se.municipality.eops.testkit.HttpAnswer;
import se.municipality.eops.testkit.PublishedEvents;
import se.municipality.eops.testkit.PublishedEvents.CapturedEvent;
import se.municipality.eops.testkit.ServiceIntegrationTest;
import se.municipality.eops.testkit.SharedInfrastructure;
import se.municipality.eops.testkit.TestHttp;

@ServiceIntegrationTest
class HandlerGroupsIT {

    @LocalServerPort
    int port;

    final DemoTokenIssuer tokens = SharedInfrastructure.get().tokens();
    final PublishedEvents events = PublishedEvents.get();

    @Test
    void membersOfAGroupHoldingTheHandlerRoleAreHandlersUntilTheyLeave() {
        String eServiceId = uniqueEService();
        String olle = uniqueUser("olle");
        String pia = uniqueUser("pia");
        RequestSubmitted request =
                grantToGroup(eServiceId, "Bygglovshandläggare", person(olle, "Olle Ek"), person(pia, "Pia Ås"));
        String groupId = HandlerGroup.idFor(eServiceId, "Bygglovshandläggare");
        String grantId = ExecutePermissionRequest.grantIdFor(request.requestId());

        publish(request);

        CapturedEvent created =
                events.awaitOne(Topics.PERMISSION_EVENTS, "HandlerGroupChanged", e -> groupId.equals(e.key()));
        assertThat(created.payloadContains("\"change\":\"CREATED\"")).isTrue();
        assertThat(created.payloadContains("\"requestId\":\"" + request.requestId() + "\""))
                .isTrue();
        CapturedEvent granted =
                events.awaitOne(Topics.PERMISSION_EVENTS, "PermissionGranted", e -> grantId.equals(e.key()));
        assertThat(granted.payloadContains("\"groupId\":\"" + groupId + "\"")).isTrue();
        HttpAnswer olleMay = check(olle, eServiceId);
        assertThat(olleMay.json().get("allowed").asBoolean()).isTrue();
        assertThat(olleMay.json().at("/grants/0/via").asString()).isEqualTo("GROUP");
        assertThat(olleMay.json().at("/grants/0/groupId").asString()).isEqualTo(groupId);
        assertThat(check(pia, eServiceId).json().get("allowed").asBoolean()).isTrue();

        HttpAnswer removed =
                http().call(HttpMethod.DELETE, "/api/groups/" + groupId + "/members/" + olle, token("cecilia"), null);

        assertThat(removed.status()).isEqualTo(200);
        CapturedEvent left = events.awaitOne(
                Topics.PERMISSION_EVENTS,
                "HandlerGroupChanged",
                e -> groupId.equals(e.key()) && e.payloadContains("MEMBERS_REMOVED"));
        assertThat(left.payloadContains("\"removed\":[{\"personId\":\"" + olle + "\""))
                .isTrue();
        assertThat(check(olle, eServiceId).json().get("allowed").asBoolean()).isFalse();
        assertThat(check(pia, eServiceId).json().get("allowed").asBoolean()).isTrue();

        HttpAnswer added = http().post(
                        "/api/groups/" + groupId + "/members",
                        token("cecilia"),
                        "{\"members\":[{\"userId\":\"" + olle + "\",\"name\":\"Olle Ek\"}]}");

        assertThat(added.status()).isEqualTo(200);
        events.awaitOne(
                Topics.PERMISSION_EVENTS,
                "HandlerGroupChanged",
                e -> groupId.equals(e.key()) && e.payloadContains("MEMBERS_ADDED"));
        assertThat(check(olle, eServiceId).json().get("allowed").asBoolean()).isTrue();
    }

    @Test
    void aGroupIsRenamedUnderItsOwnIdAndItsGrantKeepsWorking() {
        String eServiceId = uniqueEService();
        String rut = uniqueUser("rut");
        RequestSubmitted request = grantToGroup(eServiceId, "Skolskjuts", person(rut, null));
        String groupId = HandlerGroup.idFor(eServiceId, "Skolskjuts");
        publish(request);
        events.awaitOne(
                Topics.PERMISSION_EVENTS,
                "PermissionGranted",
                e -> ExecutePermissionRequest.grantIdFor(request.requestId()).equals(e.key()));

        HttpAnswer renamed = http().call(
                        HttpMethod.PUT,
                        "/api/groups/" + groupId + "/name",
                        token("cecilia"),
                        "{\"name\":\"Skolskjutshandläggare\"}");

        assertThat(renamed.status()).isEqualTo(200);
        assertThat(renamed.json().get("id").asString()).isEqualTo(groupId);
        CapturedEvent event = events.awaitOne(
                Topics.PERMISSION_EVENTS,
                "HandlerGroupChanged",
                e -> groupId.equals(e.key()) && e.payloadContains("RENAMED"));
        assertThat(event.payloadContains("\"previousName\":\"Skolskjuts\"")).isTrue();
        assertThat(check(rut, eServiceId).json().at("/grants/0/groupName").asString())
                .isEqualTo("Skolskjutshandläggare");
    }

    @Test
    void anotherRequestForAGroupThatHoldsTheRoleAddsItsNewMembersAndRefusesWhenThereAreNone() {
        String eServiceId = uniqueEService();
        String sam = uniqueUser("sam");
        String tea = uniqueUser("tea");
        RequestSubmitted first = grantToGroup(eServiceId, "Parkering", person(sam, null));
        publish(first);
        events.awaitOne(
                Topics.PERMISSION_EVENTS,
                "PermissionGranted",
                e -> ExecutePermissionRequest.grantIdFor(first.requestId()).equals(e.key()));

        RequestSubmitted more = grantToGroup(eServiceId, "PARKERING", person(sam, null), person(tea, null));
        publish(more);
        CapturedEvent grown = events.awaitOne(
                Topics.PERMISSION_EVENTS,
                "HandlerGroupChanged",
                e -> e.payloadContains("\"requestId\":\"" + more.requestId() + "\""));
        assertThat(grown.payloadContains("MEMBERS_ADDED")).isTrue();
        assertThat(check(tea, eServiceId).json().get("allowed").asBoolean()).isTrue();

        RequestSubmitted nothingNew = grantToGroup(eServiceId, "Parkering", person(tea, null));
        publish(nothingNew);
        CapturedEvent refused = events.awaitOne(
                Topics.PERMISSION_EVENTS,
                "PermissionRequestRefused",
                e -> nothingNew.requestId().equals(e.key()));
        assertThat(refused.payloadContains("\"reasonCode\":\"ALREADY_GRANTED\""))
                .isTrue();
    }

    @Test
    void revokingTheGroupsRoleEndsItForEveryMemberAndRevokingAgainIsRefused() {
        String eServiceId = uniqueEService();
        String uno = uniqueUser("uno");
        RequestSubmitted granting = grantToGroup(eServiceId, "Färdtjänst", person(uno, null));
        publish(granting);
        String grantId = ExecutePermissionRequest.grantIdFor(granting.requestId());
        events.awaitOne(Topics.PERMISSION_EVENTS, "PermissionGranted", e -> grantId.equals(e.key()));

        publish(revokeFromGroup(eServiceId, "Färdtjänst", person(uno, null)));
        events.awaitOne(Topics.PERMISSION_EVENTS, "PermissionRevoked", e -> grantId.equals(e.key()));
        assertThat(check(uno, eServiceId).json().get("allowed").asBoolean()).isFalse();

        RequestSubmitted again = revokeFromGroup(eServiceId, "Färdtjänst", person(uno, null));
        publish(again);
        CapturedEvent refused = events.awaitOne(
                Topics.PERMISSION_EVENTS,
                "PermissionRequestRefused",
                e -> again.requestId().equals(e.key()));
        assertThat(refused.payloadContains("\"reasonCode\":\"NOT_GRANTED\"")).isTrue();
    }

    @Test
    void aPersonWhoIsAHandlerThroughAGroupIsNotGrantedItAgainAndNotRevokedDirectly() {
        String eServiceId = uniqueEService();
        String vera = uniqueUser("vera");
        RequestSubmitted granting = grantToGroup(eServiceId, "Bostad", person(vera, null));
        publish(granting);
        events.awaitOne(
                Topics.PERMISSION_EVENTS,
                "PermissionGranted",
                e -> ExecutePermissionRequest.grantIdFor(granting.requestId()).equals(e.key()));

        RequestSubmitted direct = grant(PermissionRole.CASE_HANDLER, eServiceId, person(vera, null));
        publish(direct);

        CapturedEvent refused = events.awaitOne(
                Topics.PERMISSION_EVENTS,
                "PermissionRequestRefused",
                e -> direct.requestId().equals(e.key()));
        assertThat(refused.payloadContains("\"reasonCode\":\"ALREADY_GRANTED\""))
                .isTrue();
        assertThat(refused.payloadContains("through the group Bostad")).isTrue();
    }

    @Test
    void onlyTheEServicesAdministratorsOrTheCentralTeamChangeItsGroups() {
        String eServiceId = uniqueEService();
        HttpAnswer byNils = http().post(
                        "/api/e-services/" + eServiceId + "/groups",
                        token("nils"),
                        "{\"name\":\"Vuxenutbildning\",\"members\":[{\"userId\":\"nils\"}]}");
        HttpAnswer byCecilia = http().post(
                        "/api/e-services/" + eServiceId + "/groups",
                        token("cecilia"),
                        "{\"name\":\"Vuxenutbildning\",\"members\":[{\"userId\":\"nils\"}]}");
        HttpAnswer twice = http().post(
                        "/api/e-services/" + eServiceId + "/groups",
                        token("cecilia"),
                        "{\"name\":\"vuxenutbildning\",\"members\":[]}");

        assertThat(byNils.status()).isEqualTo(403);
        assertThat(byCecilia.status()).isEqualTo(201);
        assertThat(byCecilia.json().at("/members/0/personId").asString()).isEqualTo("nils");
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.json().at("/errors/0/field").asString()).isEqualTo("name");
        assertThat(twice.json().at("/errors/0/code").asString()).isEqualTo("taken");
    }

    @Test
    void aGroupIsRefusedWithEveryFieldItMustCorrectAtOnce() {
        String eServiceId = uniqueEService();
        HttpAnswer refused = http().post(
                        "/api/e-services/" + eServiceId + "/groups",
                        token("cecilia"),
                        "{\"name\":\" \",\"members\":[{\"userId\":\"nils\",\"email\":\"ingen adress\"},"
                                + "{\"name\":\"Olle\"}]}");

        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.json()
                        .get("errors")
                        .valueStream()
                        .map(error -> error.get("field").asString() + " "
                                + error.get("code").asString()))
                .containsExactly("name required", "members[0].email not-an-email", "members[1].userId required");
        assertThat(http().get("/api/e-services/" + eServiceId + "/groups", token("cecilia"))
                        .json()
                        .size())
                .isZero();
    }

    private HttpAnswer check(String user, String eServiceId) {
        HttpAnswer answer = http().get(
                        "/api/permissions/check?personId=" + user + "&role=CASE_HANDLER&eServiceId=" + eServiceId,
                        token("nils"));
        assertThat(answer.status()).isEqualTo(200);
        return answer;
    }

    private String token(String user) {
        return tokens.tokenFor(user);
    }

    private TestHttp http() {
        return TestHttp.at(port);
    }
}
