package io.dbtcatalog.ingest.store;

import java.time.Instant;

/**
 * Receives the values of one row in column order. The same binding code feeds a JDBC statement ({@link Binder}),
 * the content hash ({@link ContentHash}) and the length check ({@link LengthCheck}), so what is hashed and
 * validated is exactly what is stored.
 */
interface RowSink {

    RowSink text(String value);

    RowSink integer(Integer value);

    RowSink bigint(Long value);

    RowSink decimal(Double value);

    RowSink bool(Boolean value);

    RowSink time(Instant value);
}
