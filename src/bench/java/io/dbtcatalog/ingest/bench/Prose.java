package io.dbtcatalog.ingest.bench;

import java.util.SplittableRandom;

/** Deterministic filler text (documentation-like sentences) of a requested length range. */
final class Prose {

    private static final String[] WORDS = {
        "the",
        "of",
        "each",
        "per",
        "and",
        "from",
        "daily",
        "grain",
        "one",
        "row",
        "record",
        "table",
        "model",
        "customer",
        "order",
        "payment",
        "revenue",
        "source",
        "system",
        "latest",
        "snapshot",
        "deduplicated",
        "joined",
        "with",
        "filtered",
        "to",
        "active",
        "accounts",
        "excluding",
        "test",
        "data",
        "aggregated",
        "by",
        "month",
        "region",
        "channel",
        "amount",
        "converted",
        "into",
        "USD",
        "using",
        "exchange",
        "rates",
        "as",
        "of",
        "transaction",
        "date",
        "null",
        "when",
        "unknown",
        "business",
        "key",
        "surrogate",
        "hashed",
        "incremental",
        "load",
        "window",
        "late",
        "arriving",
        "events",
        "are",
        "reprocessed",
        "within",
        "three",
        "days",
        "owned",
        "team",
        "see",
        "runbook",
        "for",
        "backfills",
        "contains",
        "personally",
        "identifiable",
        "information",
        "masked",
        "in",
        "non-production",
        "environments",
        "refreshed",
        "hourly",
        "upstream"
    };

    private Prose() {}

    /** Sentences of words until the text is between {@code min} and about {@code max} characters. */
    static String text(SplittableRandom random, int min, int max) {
        int target = min + random.nextInt(Math.max(1, max - min));
        StringBuilder out = new StringBuilder(target + 16);
        boolean sentenceStart = true;
        while (out.length() < target) {
            String word = WORDS[random.nextInt(WORDS.length)];
            if (sentenceStart) {
                out.append(Character.toUpperCase(word.charAt(0))).append(word, 1, word.length());
            } else {
                out.append(word);
            }
            sentenceStart = random.nextInt(12) == 0;
            out.append(sentenceStart ? ". " : " ");
        }
        out.setLength(out.length() - 1);
        if (out.charAt(out.length() - 1) != '.') {
            out.append('.');
        }
        return out.toString();
    }

    /** Hex digits, e.g. for sha256 checksums. */
    static String hex(SplittableRandom random, int length) {
        return BenchNames.hex(random.nextLong(), length);
    }
}
