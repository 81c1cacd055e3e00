package se.municipality.eops.starter.web;

/**
 * Follows a byte stream and tells when it stops being well-formed UTF-8 (RFC 3629; the Unicode
 * standard's table 3-7): no overlong forms, no surrogates, nothing above U+10FFFF, no sequence cut
 * short. JSON is UTF-8 (RFC 8259), and the JSON parser is lenient about some of these, which would
 * let, for example, an overlong {@code /} through as a plain one.
 */
final class Utf8Check {

    private int continuationBytesExpected;
    private int lowest = 0x80;
    private int highest = 0xBF;
    private long position;

    /** Whether {@code b} may come next; once false, the stream is not UTF-8. */
    boolean accept(int b) {
        position++;
        if (continuationBytesExpected > 0) {
            if (b < lowest || b > highest) {
                return false;
            }
            continuationBytesExpected--;
            lowest = 0x80;
            highest = 0xBF;
            return true;
        }
        if (b <= 0x7F) {
            return true;
        }
        if (b >= 0xC2 && b <= 0xDF) {
            continuationBytesExpected = 1;
        } else if (b >= 0xE0 && b <= 0xEF) {
            continuationBytesExpected = 2;
            if (b == 0xE0) {
                lowest = 0xA0; // no overlong forms
            } else if (b == 0xED) {
                highest = 0x9F; // no surrogates
            }
        } else if (b >= 0xF0 && b <= 0xF4) {
            continuationBytesExpected = 3;
            if (b == 0xF0) {
                lowest = 0x90; // no overlong forms
            } else if (b == 0xF4) {
                highest = 0x8F; // nothing above U+10FFFF
            }
        } else {
            return false;
        }
        return true;
    }

    /** Whether the stream may end here: not in the middle of a character. */
    boolean complete() {
        return continuationBytesExpected == 0;
    }

    /** How many bytes were accepted or refused so far; the position of the first bad byte once refused. */
    long position() {
        return position;
    }
}
