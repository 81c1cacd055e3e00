package se.municipality.eops.permission.grant.web;

import java.util.Map;
import java.util.Optional;
import se.municipality.eops.contract.EmailAddresses;
import se.municipality.eops.contract.permission.Person;
import se.municipality.eops.contract.permission.PersonIds;
import se.municipality.eops.permission.web.FieldFindings;
import se.municipality.eops.starter.rules.FieldErrorCodes;

/**
 * A person as a client names them: the directory user name (normalised to the person id), and the
 * name and e-mail address as last known. Checked with the contract's own rules, so no event
 * consumers would refuse is ever stored.
 */
public record PersonInput(String userId, String name, String email) {

    static final int MAX_USER_ID = 64;
    static final int MAX_NAME = 200;

    /**
     * The person, if every one of their fields is right; otherwise what is wrong with each, added to {@code
     * findings} under {@code <field>.userId}, {@code <field>.name}, {@code <field>.email}.
     */
    public Optional<Person> toPerson(String field, FieldFindings findings) {
        boolean valid = true;
        if (userId == null || userId.isBlank()) {
            findings.add(field + ".userId", "is required", FieldErrorCodes.REQUIRED);
            valid = false;
        } else if (userId.length() > MAX_USER_ID) {
            findings.add(
                    field + ".userId",
                    "is longer than " + MAX_USER_ID + " characters",
                    FieldErrorCodes.TOO_LONG,
                    Map.of("max", MAX_USER_ID));
            valid = false;
        }
        if (name != null && name.length() > MAX_NAME) {
            findings.add(
                    field + ".name",
                    "is longer than " + MAX_NAME + " characters",
                    FieldErrorCodes.TOO_LONG,
                    Map.of("max", MAX_NAME));
            valid = false;
        }
        if (email != null && !EmailAddresses.isValid(email)) {
            findings.add(field + ".email", "is not an e-mail address", FieldErrorCodes.NOT_AN_EMAIL);
            valid = false;
        }
        return valid
                ? Optional.of(new Person(PersonIds.normalize(userId), blankToNull(name), blankToNull(email)))
                : Optional.empty();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
