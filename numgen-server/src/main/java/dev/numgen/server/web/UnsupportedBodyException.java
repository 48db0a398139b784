package dev.numgen.server.web;

/** A request body in a media type the route does not read; nothing was read or changed. */
public final class UnsupportedBodyException extends RuntimeException {

    public UnsupportedBodyException() {
        super("the body must be application/json");
    }
}
