package se.municipality.eops.starter.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Utf8CheckTest {

    @ParameterizedTest
    @ValueSource(strings = {"{\"a\":\"b\"}", "Åsa Ö", "€ 漢字", "😀 emoji", "\u007f\u0080\u07ff\u0800\uffff"})
    void acceptsWellFormedUtf8(String text) {
        assertThat(check(text.getBytes(StandardCharsets.UTF_8))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "ff", // never in UTF-8
                "80", // a continuation byte with nothing to continue
                "c0af", // overlong "/"
                "e080af", // overlong "/" in three bytes
                "f08080af", // overlong "/" in four bytes
                "eda080", // a surrogate
                "f4908080", // above U+10FFFF
                "f888808080", // five-byte form
                "c3", // cut short at the end
                "c328" // cut short by an ASCII byte
            })
    void refusesWhatIsNotUtf8(String hex) {
        assertThat(check(HexFormat.of().parseHex(hex))).isFalse();
    }

    private static boolean check(byte[] bytes) {
        Utf8Check check = new Utf8Check();
        for (byte b : bytes) {
            if (!check.accept(b & 0xFF)) {
                return false;
            }
        }
        return check.complete();
    }
}
