package se.municipality.eops.starter.web;

import java.util.Map;
import se.municipality.eops.starter.rules.FieldErrorCodes;

/**
 * The page a caller asks a list endpoint for: {@code page} 0 or more, {@code size} from 1 to the endpoint's maximum;
 * anything else is a 400 naming the parameter ({@link InvalidInputException}), of the kind
 * {@link FieldErrorCodes#OUT_OF_RANGE} with its bounds ({@code min}, and {@code max} for the size). Every paged list
 * of every service checks here, so the limits are said the same way everywhere.
 */
public final class PageBounds {

    private PageBounds() {}

    public static void check(int page, int size, int maxSize) {
        if (page < 0) {
            throw new InvalidInputException(
                    "page", "must be 0 or more", FieldErrorCodes.OUT_OF_RANGE, Map.of("min", 0));
        }
        if (size < 1 || size > maxSize) {
            throw new InvalidInputException(
                    "size",
                    "must be between 1 and " + maxSize,
                    FieldErrorCodes.OUT_OF_RANGE,
                    Map.of("min", 1, "max", maxSize));
        }
    }
}
