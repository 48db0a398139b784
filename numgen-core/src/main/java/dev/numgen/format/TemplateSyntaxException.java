package dev.numgen.format;

/** A format rejected at parse time; {@link #position()} is the 0-based index of the offending character. */
public final class TemplateSyntaxException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final int position;
    private final String reason;

    TemplateSyntaxException(String reason, int position) {
        super(reason + " at position " + position);
        this.reason = reason;
        this.position = position;
    }

    /** 0-based UTF-16 index into the format; the format length when something is missing at its end. */
    public int position() {
        return position;
    }

    public String reason() {
        return reason;
    }
}
