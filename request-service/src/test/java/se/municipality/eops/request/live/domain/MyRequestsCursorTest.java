package se.municipality.eops.request.live.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MyRequestsCursorTest {

    static final Instant AT = Instant.parse("2026-11-28T10:00:00.123Z");
    static final Duration OVERLAP = Duration.ofSeconds(30);

    @Test
    void readsWhatItWrites() {
        MyRequestsCursor cursor = new MyRequestsCursor(AT, "REQ-1A2B3C4D5E6F", 3);

        assertThat(cursor.format()).isEqualTo(AT.toEpochMilli() + ".REQ-1A2B3C4D5E6F.3");
        assertThat(MyRequestsCursor.parse(cursor.format())).contains(cursor);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "3", "abc", "1764321330123.REQ 1.3", "1764321330123.REQ-1.-1"})
    void anIdOfAnotherStreamIsNoCursor(String lastEventId) {
        assertThat(MyRequestsCursor.parse(lastEventId)).isEmpty();
    }

    @Test
    void aResumeSendsWhatCameAfterTheCursorLessTheOverlapButNothingOfItsOwnRequestUpToItsSequence() {
        MyRequestsCursor cursor = new MyRequestsCursor(AT, "REQ-1", 3);

        assertThat(cursor.lacks(update("REQ-1", 3, AT), OVERLAP)).isFalse();
        assertThat(cursor.lacks(update("REQ-1", 4, AT.plusMillis(1)), OVERLAP)).isTrue();
        assertThat(cursor.lacks(update("REQ-2", 2, AT.minusSeconds(5)), OVERLAP))
                .as("another request's change that may still have been on its way")
                .isTrue();
        assertThat(cursor.lacks(update("REQ-2", 1, AT.minusSeconds(31)), OVERLAP))
                .isFalse();
    }

    static StatusUpdate update(String requestId, long sequence, Instant at) {
        return new StatusUpdate(requestId, "anna", sequence, null, "IN_PROGRESS", at, "anna", null);
    }
}
