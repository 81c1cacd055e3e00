package se.municipality.eops.purge.purging;

import org.springframework.http.HttpMethod;
import se.municipality.eops.purge.PurgeFixtures;
import se.municipality.eops.testkit.HttpAnswer;
import se.municipality.eops.testkit.TestHttp;

final class TestHttpPut {

    private TestHttpPut() {}

    static HttpAnswer put(int port, String user, String path, String json) {
        return TestHttp.at(port).call(HttpMethod.PUT, path, PurgeFixtures.token(user), json);
    }
}
