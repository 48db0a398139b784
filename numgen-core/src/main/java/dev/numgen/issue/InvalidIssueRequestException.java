package dev.numgen.issue;

/** A request parameter or variable value is not acceptable; nothing was issued. */
public final class InvalidIssueRequestException extends RuntimeException {

    private final String parameter;

    public InvalidIssueRequestException(String parameter, String reason) {
        super(reason);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }
}
