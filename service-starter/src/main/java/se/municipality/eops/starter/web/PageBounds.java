package se.municipality.eops.starter.web;

/**
 * The page a caller asks a list endpoint for: {@code page} 0 or more, {@code size} from 1 to the endpoint's maximum;
 * anything else is a 400 naming the parameter ({@link InvalidInputException}).
 */
public final class PageBounds {

    private PageBounds() {}

    public static void check(int page, int size, int maxSize) {
        if (page < 0) {
            throw new InvalidInputException("page", "must be 0 or more");
        }
        if (size < 1 || size > maxSize) {
            throw new InvalidInputException("size", "must be between 1 and " + maxSize);
        }
    }
}
