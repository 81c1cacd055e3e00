package se.municipality.eops.systemtests.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import se.municipality.eops.localstack.identity.DemoUser;
import se.municipality.eops.systemtests.Suite;
import se.municipality.eops.systemtests.SystemTest;
import se.municipality.eops.testkit.HttpAnswer;
import se.municipality.eops.testkit.SseClient;

/**
 * Every API endpoint of every service, as every demo user and without a token, against the five services running
 * as processes: {@code security/access-table.md} says what each caller must get. The calls of a row go out at once.
 */
@SystemTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessTableIT {

    private static final AccessTable TABLE = AccessTable.load();

    private final Suite suite = Suite.get();
    private final AccessFixture fixture = new AccessFixture(suite);

    @BeforeAll
    void startTheSlowSetUpsAhead() {
        fixture.prepareAhead();
    }

    @AfterAll
    void stopTheFixture() {
        fixture.close();
    }

    static Stream<AccessTable.Row> rows() {
        return TABLE.rows().stream();
    }

    @Test
    void theTableHasAColumnForEveryDemoUser() {
        List<String> demoUsers = DemoUser.ALL.stream().map(DemoUser::username).toList();

        assertThat(TABLE.callers()).containsAll(demoUsers);
        assertThat(TABLE.callers()).containsOnlyOnceElementsOf(TABLE.callers());
        assertThat(TABLE.callers().stream().filter(caller -> !demoUsers.contains(caller)))
                .containsExactly(AccessFixture.ADMINISTRATOR);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void everyCallerGetsWhatTheTableSays(AccessTable.Row row) {
        List<String> callers = TABLE.callers();
        List<Answer> answers = fixture.inParallel(callers, caller -> answer(row, caller));

        List<String> wrong = new ArrayList<>();
        for (int i = 0; i < callers.size(); i++) {
            Set<Integer> expected = row.expected().get(callers.get(i));
            Answer answer = answers.get(i);
            if (!expected.contains(answer.status())) {
                wrong.add(callers.get(i) + " got " + answer.status() + ", the table says " + expected + ": "
                        + answer.body());
            } else if (answer.status() >= 400 && !answer.problem()) {
                wrong.add(callers.get(i) + " got " + answer.status() + " without problem details: " + answer.body());
            }
        }
        assertThat(wrong)
                .as("access-table.md line %d, %s: %s", row.line(), row, row.allowedMeans())
                .isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void withoutATokenEveryEndpointAnswers401AsProblemDetails(AccessTable.Row row) {
        String path = AccessFixture.withStandIns(row.path());
        if (row.isStream()) {
            try (SseClient stream = SseClient.open(suite.baseUrl(row.service()), path, null, null)) {
                assertThat(stream.status()).as(row + ": " + stream.errorBody()).isEqualTo(401);
                assertThat(stream.contentType()).startsWith("application/problem+json");
                assertThat(stream.errorBody()).contains("\"status\":401");
            }
            return;
        }
        HttpAnswer answer =
                suite.http(row.service()).call(row.method(), path, null, AccessFixture.withStandIns(row.body()));

        assertThat(answer.status()).as(row + ": " + answer.body()).isEqualTo(401);
        assertThat(answer.isProblem()).as(row + " answers problem details").isTrue();
        assertThat(answer.json().path("status").asInt()).isEqualTo(401);
        assertThat(answer.header("WWW-Authenticate")).startsWith("Bearer");
    }

    /** What a call answered: its status, whether as problem details, and the start of its body for a report. */
    private record Answer(int status, boolean problem, String body) {

        static Answer of(int status, boolean problem, String body) {
            return new Answer(status, problem, body.length() > 300 ? body.substring(0, 300) + "..." : body);
        }
    }

    /** The caller's call; a stream is opened and closed again once its status is in. */
    private Answer answer(AccessTable.Row row, String caller) {
        String path = fixture.resolve(row.path(), caller);
        if (row.isStream()) {
            try (SseClient stream = SseClient.open(suite.baseUrl(row.service()), path, fixture.token(caller), null)) {
                if (stream.status() == 200 && !stream.isOpen()) {
                    return Answer.of(-1, false, "200 but no text/event-stream");
                }
                String refusal = stream.errorBody() == null ? "" : stream.errorBody();
                return Answer.of(stream.status(), stream.contentType().startsWith("application/problem+json"), refusal);
            }
        }
        HttpAnswer answer =
                fixture.call(row.service(), row.method(), path, caller, fixture.resolve(row.body(), caller));
        return Answer.of(answer.status(), answer.isProblem(), answer.body());
    }
}
