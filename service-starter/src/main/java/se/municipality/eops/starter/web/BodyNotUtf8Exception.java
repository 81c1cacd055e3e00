package se.municipality.eops.starter.web;

import java.io.IOException;

/** A JSON request body holds bytes that are not UTF-8; answered with 400. */
public class BodyNotUtf8Exception extends IOException {

    private final long position;

    public BodyNotUtf8Exception(long position) {
        super("The request body is not UTF-8 at byte " + position);
        this.position = position;
    }

    /** Where the first byte that breaks UTF-8 is, counting from 1. */
    public long position() {
        return position;
    }
}
