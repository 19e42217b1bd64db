package io.dbtcatalog.ingest.model;

/**
 * A long text of a snapshot row (model code, a description, a config object as JSON) that may live outside the heap:
 * {@link #value()} gives it back each time it is asked for. {@link Held} keeps it in memory; a reader may hand out
 * handles to where it wrote the text instead (the artifact reader's spill file), so that a snapshot's live heap does
 * not grow with the texts of the project. Two values are equal when their texts are, whatever holds them.
 */
public interface TextValue {

    /** The text; never null. */
    String value();

    /** The text held in memory, or null for null. */
    static TextValue of(String value) {
        return value == null ? null : new Held(value);
    }

    /** The text of {@code text}, or null for null. */
    static String valueOf(TextValue text) {
        return text == null ? null : text.value();
    }

    /** A text kept on the heap. */
    record Held(String value) implements TextValue {

        public Held {
            if (value == null) {
                throw new IllegalArgumentException("a held text needs its value; use null for no text");
            }
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof TextValue text && value.equals(text.value());
        }

        @Override
        public int hashCode() {
            return value.hashCode();
        }

        @Override
        public String toString() {
            return value;
        }
    }
}
