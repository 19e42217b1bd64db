package io.dbtcatalog.ingest.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * A plain text table for a terminal: columns as wide as their widest cell, separated by two spaces, indented, and
 * each line cut to {@value #WIDTH} characters with an ellipsis (so put free text, such as descriptions, in the last
 * column: identifiers stay whole). No borders, so output stays greppable.
 */
final class TextTable {

    /** The widest line printed, in characters; fits a 120-column terminal. */
    static final int WIDTH = 120;

    private final List<String[]> rows = new ArrayList<>();
    private final String[] header;

    TextTable(String... header) {
        this.header = header;
    }

    TextTable row(String... cells) {
        rows.add(cells);
        return this;
    }

    boolean isEmpty() {
        return rows.isEmpty();
    }

    void print(PrintStream out, String indent) {
        int columns = header.length;
        int[] widths = new int[columns];
        for (int c = 0; c < columns; c++) {
            widths[c] = header[c].length();
            for (String[] row : rows) {
                widths[c] = Math.max(widths[c], cell(row, c).length());
            }
        }
        line(out, indent, header, widths);
        rows.forEach(row -> line(out, indent, row, widths));
    }

    private static void line(PrintStream out, String indent, String[] row, int[] widths) {
        StringBuilder line = new StringBuilder(indent);
        for (int c = 0; c < widths.length; c++) {
            String cell = cell(row, c);
            line.append(cell);
            if (c < widths.length - 1) {
                line.append(" ".repeat(widths[c] - cell.length() + 2));
            }
        }
        out.println(cut(line.toString().stripTrailing(), WIDTH));
    }

    private static String cell(String[] row, int column) {
        return column < row.length && row[column] != null ? row[column] : "";
    }

    /** {@code text} cut to {@code width} characters, the last one an ellipsis when cut. */
    static String cut(String text, int width) {
        return text.length() <= width ? text : text.substring(0, width - 1) + "…";
    }
}
