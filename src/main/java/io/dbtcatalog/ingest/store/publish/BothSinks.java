package io.dbtcatalog.ingest.store.publish;

import io.dbtcatalog.ingest.store.jdbc.RowSink;
import java.time.Instant;

/**
 * Hands every value of a row to two sinks at once, such as the insert and the content hash, so that a row's values
 * (long texts read back from the spill file among them) are produced once for both.
 */
final class BothSinks implements RowSink {

    private final RowSink first;
    private final RowSink second;

    BothSinks(RowSink first, RowSink second) {
        this.first = first;
        this.second = second;
    }

    @Override
    public RowSink text(String value) {
        first.text(value);
        second.text(value);
        return this;
    }

    @Override
    public RowSink integer(Integer value) {
        first.integer(value);
        second.integer(value);
        return this;
    }

    @Override
    public RowSink bigint(Long value) {
        first.bigint(value);
        second.bigint(value);
        return this;
    }

    @Override
    public RowSink decimal(Double value) {
        first.decimal(value);
        second.decimal(value);
        return this;
    }

    @Override
    public RowSink bool(Boolean value) {
        first.bool(value);
        second.bool(value);
        return this;
    }

    @Override
    public RowSink time(Instant value) {
        first.time(value);
        second.time(value);
        return this;
    }
}
