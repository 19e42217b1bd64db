package io.dbtcatalog.ingest.lineage;

/** A model's SQL did not parse; line and column (1-based, 0 when unknown) point into the SQL as given. */
public class LineageParseException extends RuntimeException {

    private final int line;
    private final int column;

    public LineageParseException(int line, int column, String message, Throwable cause) {
        super(message, cause);
        this.line = line;
        this.column = column;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }
}
