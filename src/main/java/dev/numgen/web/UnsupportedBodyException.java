package dev.numgen.web;

/** A request body in a media type the route does not read; nothing was read or changed. */
final class UnsupportedBodyException extends RuntimeException {

    UnsupportedBodyException() {
        super("the body must be application/json");
    }
}
