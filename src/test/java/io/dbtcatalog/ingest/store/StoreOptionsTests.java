package io.dbtcatalog.ingest.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class StoreOptionsTests {

    @Test
    void everySeamIsOnUnlessSwitchedOff() {
        // given / when
        StoreOptions unset = StoreOptions.from(name -> null);
        StoreOptions copyOff = StoreOptions.from(Map.of(StoreOptions.BULK_COPY, "false")::get);
        // then
        assertThat(unset).isEqualTo(StoreOptions.defaults());
        assertThat(copyOff).isEqualTo(new StoreOptions(false, true, true, true, true));
    }

    @Test
    void eachSwitchHasItsOwnProperty() {
        // given
        Map<String, String> off = Map.of(
                StoreOptions.KEY_ORDER,
                "FALSE",
                StoreOptions.DIGEST_SHORTCUT,
                " false ",
                StoreOptions.BULK_COPY,
                "true",
                StoreOptions.MULTI_ROW,
                "false");
        // when
        StoreOptions options = StoreOptions.from(off::get);
        // then
        assertThat(options).isEqualTo(new StoreOptions(true, false, false, false, true));
    }

    @Test
    void aValueOtherThanTrueOrFalseFailsNamingTheProperty() {
        // given / when / then
        assertThatThrownBy(() -> StoreOptions.from(Map.of(StoreOptions.BULK_COPY, "no")::get))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("dbt-catalog.store.copy must be true or false, was 'no'");
    }
}
