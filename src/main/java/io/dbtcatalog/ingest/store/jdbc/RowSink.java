package io.dbtcatalog.ingest.store.jdbc;

import java.time.Instant;

/**
 * Receives the values of one row in column order. The same binding code feeds a JDBC statement ({@link Binder}),
 * the content hash and the length check ({@link LengthCheck}), so what is hashed and
 * validated is exactly what is stored.
 */
public interface RowSink {

    RowSink text(String value);

    RowSink integer(Integer value);

    RowSink bigint(Long value);

    RowSink decimal(Double value);

    RowSink bool(Boolean value);

    RowSink time(Instant value);
}
