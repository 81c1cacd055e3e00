package se.municipality.eops.portal.web;

/**
 * A paged list's {@code ?page=} as people and old links send it: a number from 0, anything else ({@code abc}, a
 * negative number, nothing) the first page. Read as text so that a wrong one is no 400 (raw JSON to a script).
 */
public final class PageNumbers {

    private PageNumbers() {}

    public static int orFirst(String page) {
        if (page == null) {
            return 0;
        }
        try {
            return Math.max(Integer.parseInt(page.strip()), 0);
        } catch (NumberFormatException notANumber) {
            return 0;
        }
    }
}
