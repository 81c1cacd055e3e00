package se.municipality.eops.contract.schema;

import com.networknt.schema.ExecutionContext;
import com.networknt.schema.format.Format;
import java.util.regex.Pattern;

/**
 * The {@code email} format as the syntax of an RFC 5321 mailbox ({@code local-part@domain}, the
 * local part a dot-atom, the domain host-name labels or an address literal). Unlike the library's
 * default it does not look the top-level domain up in a list, so addresses under the reserved
 * domains that test data uses ({@code example}, {@code test}, {@code local}, {@code localhost}) pass.
 */
final class MailboxFormat implements Format {

    private static final String ATOM = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+";
    private static final String LABEL = "[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?";
    private static final Pattern MAILBOX = Pattern.compile(
            ATOM + "(?:\\." + ATOM + ")*" + "@(?:" + LABEL + "(?:\\." + LABEL + ")*" + "|\\[[^\\[\\]\\s]+\\])");
    private static final int MAX_LENGTH = 254;

    @Override
    public String getName() {
        return "email";
    }

    @Override
    public boolean matches(ExecutionContext executionContext, String value) {
        return value.length() <= MAX_LENGTH && MAILBOX.matcher(value).matches();
    }
}
