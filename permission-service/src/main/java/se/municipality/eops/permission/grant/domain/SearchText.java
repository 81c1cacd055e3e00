package se.municipality.eops.permission.grant.domain;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Folds names and e-mail addresses for searching: lower case, accents and other marks removed,
 * so that "ostrom" finds "Öström" and "AKE" finds "Åke". Letters that Unicode does not decompose
 * into a base letter and a mark (ø, æ, ß, ł, đ) are spelled out the way people type them.
 */
public final class SearchText {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private SearchText() {}

    public static String fold(String text) {
        if (text == null) {
            return "";
        }
        String decomposed = Normalizer.normalize(text.strip(), Normalizer.Form.NFKD);
        return MARKS.matcher(decomposed)
                .replaceAll("")
                .toLowerCase(Locale.ROOT)
                .replace("ø", "o")
                .replace("æ", "ae")
                .replace("ß", "ss")
                .replace("ł", "l")
                .replace("đ", "d");
    }

    /** What a person is found by: user name, name and e-mail, folded, in one string. */
    public static String ofPerson(String personId, String name, String email) {
        return String.join(" ", fold(personId), fold(name), fold(email)).strip();
    }
}
