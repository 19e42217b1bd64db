package io.dbtcatalog.ingest.source.normalize;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * Tolerant parsing of the timestamp spellings dbt artifacts and dbt Cloud's APIs use ({@code T} or a space between
 * date and time, {@code Z}, {@code +00:00}, or no zone = UTC). The spelling dbt writes
 * ({@code 2024-01-01T10:00:00.123456Z}, tens of thousands per run_results.json) is read by hand, a measured speed
 * path of the artifact reader; anything else goes through {@code java.time}'s parsers, which decide what it means.
 */
public final class Timestamps {

    /** Placeholder dbt's Discovery API has used for "never loaded" instead of null. */
    private static final Instant NEVER = Instant.parse("0001-01-01T00:00:00Z");

    private static final int[] SCALE = {
        1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000, 1_000_000_000
    };

    private Timestamps() {}

    /** The instant a dbt timestamp names, or {@code null} when it is absent or unparseable. */
    public static Instant parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String trimmed = text.trim();
        Instant fast = common(trimmed);
        if (fast != null) {
            return fast;
        }
        String iso = trimmed.replace(' ', 'T');
        try {
            return OffsetDateTime.parse(iso).toInstant();
        } catch (DateTimeParseException withoutZone) {
            return parseLocal(iso);
        }
    }

    /** Like {@link #parse}, and dbt's {@code 0001-01-01T00:00:00Z} "never" placeholder reads as {@code null}. */
    public static Instant parseUnlessNever(String text) {
        Instant instant = parse(text);
        return NEVER.equals(instant) ? null : instant;
    }

    /**
     * {@code yyyy-MM-dd(T| )HH:mm:ss[.f{1,9}][Z|±HH:mm]}, or null for any other spelling or an invalid value (left
     * to the general parsers).
     */
    static Instant common(String s) {
        if (s.length() < 19
                || s.charAt(4) != '-'
                || s.charAt(7) != '-'
                || (s.charAt(10) != 'T' && s.charAt(10) != ' ')
                || s.charAt(13) != ':'
                || s.charAt(16) != ':') {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        int hour = digits(s, 11, 2);
        int minute = digits(s, 14, 2);
        int second = digits(s, 17, 2);
        int end = fractionEnd(s);
        int fractionDigits = end - 20;
        if (fractionDigits == 0 || fractionDigits > 9) {
            return null;
        }
        int nanos = fractionDigits > 0 ? digits(s, 20, fractionDigits) * SCALE[9 - fractionDigits] : 0;
        int offset = offsetSeconds(s, end);
        if ((year | month | day | hour | minute | second) < 0
                || offset == Integer.MIN_VALUE
                || hour > 23
                || minute > 59
                || second > 59) {
            return null;
        }
        try {
            long days = LocalDate.of(year, month, day).toEpochDay();
            return Instant.ofEpochSecond(days * 86_400 + hour * 3_600L + minute * 60L + second - offset, nanos);
        } catch (DateTimeException invalidDate) {
            return null;
        }
    }

    /** Where the digits after the seconds' dot end (at most 10 looked at); 19 when no dot follows the seconds. */
    private static int fractionEnd(String s) {
        if (s.length() == 19 || s.charAt(19) != '.') {
            return 19;
        }
        int i = 20;
        while (i < s.length() && i < 30 && isDigit(s.charAt(i))) {
            i++;
        }
        return i;
    }

    /** The offset from {@code at} to the end (nothing, {@code Z}, {@code ±HH:mm}), or MIN_VALUE for another. */
    private static int offsetSeconds(String s, int at) {
        int n = s.length();
        if (at == n) {
            return 0;
        }
        char sign = s.charAt(at);
        if (sign == 'Z' && at + 1 == n) {
            return 0;
        }
        if ((sign != '+' && sign != '-') || n != at + 6 || s.charAt(at + 3) != ':') {
            return Integer.MIN_VALUE;
        }
        int hours = digits(s, at + 1, 2);
        int minutes = digits(s, at + 4, 2);
        if (hours < 0 || minutes < 0 || hours > 18 || minutes > 59) {
            return Integer.MIN_VALUE;
        }
        int seconds = hours * 3_600 + minutes * 60;
        return sign == '-' ? -seconds : seconds;
    }

    /** The number the {@code length} ASCII digits at {@code from} spell, or -1. */
    private static int digits(String s, int from, int length) {
        int value = 0;
        for (int i = from; i < from + length; i++) {
            char c = s.charAt(i);
            if (!isDigit(c)) {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static Instant parseLocal(String iso) {
        try {
            return iso.length() == 10
                    ? LocalDate.parse(iso).atStartOfDay().toInstant(ZoneOffset.UTC)
                    : LocalDateTime.parse(iso).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException unparseable) {
            return null;
        }
    }
}
