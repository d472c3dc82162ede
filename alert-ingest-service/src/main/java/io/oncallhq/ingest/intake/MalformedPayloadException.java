package io.oncallhq.ingest.intake;

/**
 * The body is not JSON of the expected shape.
 *
 * @param field where it broke as a JSON path ({@code links[0]}), or null when the break is in the syntax
 */
public class MalformedPayloadException extends RuntimeException {

    private final String field;
    private final int line;
    private final int column;

    public MalformedPayloadException(String problem, String field, int line, int column) {
        super(problem);
        this.field = field;
        this.line = line;
        this.column = column;
    }

    public String field() {
        return field;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }
}
