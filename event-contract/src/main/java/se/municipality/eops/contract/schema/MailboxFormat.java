package se.municipality.eops.contract.schema;

import com.networknt.schema.ExecutionContext;
import com.networknt.schema.format.Format;
import se.municipality.eops.contract.EmailAddresses;

/**
 * The {@code email} format as {@link EmailAddresses#isValid(String)} defines it, so the schemas and
 * the services that take addresses in apply one rule. Unlike the library's default it does not look
 * the top-level domain up in a list, so addresses under the reserved domains that test data uses
 * ({@code example}, {@code test}, {@code local}, {@code localhost}) pass.
 */
final class MailboxFormat implements Format {

    @Override
    public String getName() {
        return "email";
    }

    @Override
    public boolean matches(ExecutionContext executionContext, String value) {
        return EmailAddresses.isValid(value);
    }
}
