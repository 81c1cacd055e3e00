package se.municipality.eops.contract.permission;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The one rule that turns a directory user name (a token's {@code sub}, a request's {@code userId})
 * into the {@code personId} the permission events carry. Every service compares a token's subject
 * with a {@code personId} only after passing it through {@link #normalize(String)}, so " Anna",
 * "ANNA" and "anna" (or a decomposed and a composed "Åsa") are one person, never two.
 */
public final class PersonIds {

    private PersonIds() {}

    /**
     * Trims the user name, composes it to Unicode NFC and lower-cases it with {@link Locale#ROOT}
     * (never the machine's locale: in Turkish "I" would become a dotless "ı").
     *
     * @throws IllegalArgumentException when the user name is null or blank
     */
    public static String normalize(String userName) {
        if (userName == null || userName.isBlank()) {
            throw new IllegalArgumentException("A person id needs a user name that is not blank");
        }
        return Normalizer.normalize(userName.strip(), Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
    }
}
