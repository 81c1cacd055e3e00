package se.municipality.eops.permission.grant.web;

import java.util.Map;
import se.municipality.eops.contract.EmailAddresses;
import se.municipality.eops.contract.permission.Person;
import se.municipality.eops.contract.permission.PersonIds;
import se.municipality.eops.starter.rules.FieldErrorCodes;
import se.municipality.eops.starter.web.InvalidInputException;

/**
 * A person as a client names them: the directory user name (normalised to the person id), and the
 * name and e-mail address as last known. Checked with the contract's own rules, so no event
 * consumers would refuse is ever stored.
 */
public record PersonInput(String userId, String name, String email) {

    static final int MAX_USER_ID = 64;
    static final int MAX_NAME = 200;

    public Person toPerson(String field) {
        if (userId == null || userId.isBlank()) {
            throw new InvalidInputException(field + ".userId", "is required", FieldErrorCodes.REQUIRED);
        }
        if (userId.length() > MAX_USER_ID) {
            throw new InvalidInputException(
                    field + ".userId",
                    "is longer than " + MAX_USER_ID + " characters",
                    FieldErrorCodes.TOO_LONG,
                    Map.of("max", MAX_USER_ID));
        }
        if (name != null && name.length() > MAX_NAME) {
            throw new InvalidInputException(
                    field + ".name",
                    "is longer than " + MAX_NAME + " characters",
                    FieldErrorCodes.TOO_LONG,
                    Map.of("max", MAX_NAME));
        }
        if (email != null && !EmailAddresses.isValid(email)) {
            throw new InvalidInputException(field + ".email", "is not an e-mail address", FieldErrorCodes.NOT_AN_EMAIL);
        }
        return new Person(PersonIds.normalize(userId), blankToNull(name), blankToNull(email));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
