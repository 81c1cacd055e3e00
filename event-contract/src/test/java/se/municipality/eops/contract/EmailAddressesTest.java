package se.municipality.eops.contract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class EmailAddressesTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "anna.andersson@kommun.example",
                "bo.berg+eops@kommun.se",
                "handler@localhost",
                "x@[127.0.0.1]",
                "o'hara@kommun.se"
            })
    void acceptsMailboxes(String address) {
        assertThat(EmailAddresses.isValid(address)).isTrue();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(
            strings = {
                "åsa@kommun.se",
                "asa@kömmun.se",
                "a..b@x.se",
                ".a@x.se",
                "a.@x.se",
                "a@-x.se",
                "a@x..se",
                "anna",
                "anna@",
                "@kommun.se",
                "anna andersson@kommun.se",
                "anna@@kommun.se",
                "anna@kommun.se\n"
            })
    void refusesWhatIsNoMailboxOrNotPlainAscii(String address) {
        assertThat(EmailAddresses.isValid(address)).isFalse();
    }

    @Test
    void refusesAddressesLongerThanAnSmtpPathAllows() {
        String domain = "@kommun.se";
        String longest = "a".repeat(EmailAddresses.MAX_LENGTH - domain.length()) + domain;
        // RFC 5321 also caps the local part at 64 octets; the suite checks the whole address only.
        assertThat(EmailAddresses.isValid(longest)).isTrue();
        assertThat(EmailAddresses.isValid("a" + longest)).isFalse();
    }
}
