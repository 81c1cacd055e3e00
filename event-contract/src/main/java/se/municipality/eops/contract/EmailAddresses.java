package se.municipality.eops.contract;

import java.util.regex.Pattern;

/**
 * The one rule for what the suite accepts as an e-mail address, shared by the JSON Schemas' {@code
 * email} format and by every service that takes addresses in: the syntax of an RFC 5321 mailbox
 * ({@code local-part@domain}, the local part a dot-atom, the domain host-name labels or an address
 * literal), at most 254 characters, ASCII only. A service that checks addresses with this rule never
 * stores an event that a consumer's schema check would reject.
 *
 * <p>The top-level domain is not looked up in a list, so the reserved domains that test data uses
 * ({@code example}, {@code test}, {@code localhost}) pass. Internationalized addresses ({@code
 * åsa@kommun.se}) are refused: not every mail server on the way accepts them (SMTPUTF8).
 */
public final class EmailAddresses {

    /** The longest address that fits an SMTP path (RFC 5321, 4.5.3.1.3: 256 minus the angle brackets). */
    public static final int MAX_LENGTH = 254;

    private static final String ATOM = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+";
    private static final String LABEL = "[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?";
    private static final Pattern MAILBOX = Pattern.compile(
            ATOM + "(?:\\." + ATOM + ")*" + "@(?:" + LABEL + "(?:\\." + LABEL + ")*" + "|\\[[^\\[\\]\\s]+\\])");

    private EmailAddresses() {}

    /** Whether {@code address} is a mailbox the suite accepts; false for {@code null}. */
    public static boolean isValid(String address) {
        return address != null
                && address.length() <= MAX_LENGTH
                && MAILBOX.matcher(address).matches();
    }
}
