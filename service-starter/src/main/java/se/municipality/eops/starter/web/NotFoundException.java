package se.municipality.eops.starter.web;

/** Answered with 404. Also used when a resource exists but the caller may not see it. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }
}
