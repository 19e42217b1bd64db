package io.dbtcatalog.ingest.bench;

/**
 * Names and dbt unique ids of every resource of a synthetic project, as pure functions of the layout and an index,
 * so each artifact writer derives the same ids without keeping them in memory.
 */
final class BenchNames {

    static final String PROJECT = "bench_shop";
    static final String DATABASE = "analytics";
    static final String[] ENTITIES = {
        "order",
        "customer",
        "payment",
        "invoice",
        "shipment",
        "product",
        "session",
        "event",
        "account",
        "subscription",
        "refund",
        "campaign",
        "lead",
        "opportunity",
        "ticket",
        "employee",
        "store",
        "supplier",
        "cart",
        "review",
        "click",
        "impression",
        "contract",
        "policy",
        "claim",
        "visit",
        "device",
        "user",
        "transaction",
        "ledger",
        "budget",
        "forecast",
        "vendor",
        "warehouse",
        "route",
        "delivery",
        "plan",
        "coupon"
    };
    static final String[] DOMAINS = {"finance", "marketing", "sales", "product", "support", "operations", "people"};
    static final String[] SYSTEMS = {"shopify", "stripe", "salesforce", "hubspot", "zendesk", "netsuite", "segment"};
    static final String[] ATTRIBUTES = {
        "status",
        "created_at",
        "updated_at",
        "amount_usd",
        "amount_local",
        "currency_code",
        "country_code",
        "region",
        "channel",
        "is_active",
        "is_deleted",
        "quantity",
        "unit_price",
        "discount_pct",
        "tax_amount",
        "email_address",
        "phone_number",
        "first_name",
        "last_name",
        "city",
        "postal_code",
        "source_system",
        "loaded_at",
        "valid_from",
        "valid_to",
        "category",
        "sub_category",
        "priority",
        "score",
        "notes",
        "external_ref",
        "batch_number",
        "cohort_month",
        "lifetime_value",
        "order_count",
        "last_seen_at",
        "signup_date",
        "churn_date",
        "plan_tier",
        "utm_source",
        "utm_medium",
        "device_type",
        "browser",
        "revenue_usd",
        "cost_usd",
        "margin_usd",
        "fiscal_quarter",
        "fiscal_year"
    };
    static final String UNDOCUMENTED_COLUMN = "_etl_loaded_at";
    static final int COLUMNS_PER_MODEL = 20;
    static final int COLUMNS_PER_SOURCE = 8;
    static final int COLUMNS_PER_SEED = 4;
    static final String[] TEST_NAMES = {"unique", "not_null", "not_null", "relationships"};

    private BenchNames() {}

    static String entity(int index) {
        return ENTITIES[Math.floorMod(index, ENTITIES.length)];
    }

    static String plural(String noun) {
        return noun.endsWith("y") && !noun.endsWith("ey") ? noun.substring(0, noun.length() - 1) + "ies" : noun + "s";
    }

    static String domain(int index) {
        return DOMAINS[Math.floorMod(index, DOMAINS.length)];
    }

    static String modelName(DagLayout layout, int model) {
        DagLayout.Layer layer = layout.layer(model);
        String prefix = layer == DagLayout.Layer.MARTS && model % 2 == 1 ? "dim" : layer.prefix;
        return prefix + "_" + plural(entity(model)) + "_" + pad(model);
    }

    static String modelId(DagLayout layout, int model) {
        return "model." + PROJECT + "." + modelName(layout, model);
    }

    static String sourceName(int source) {
        int system = source / 10;
        return "src_" + SYSTEMS[system % SYSTEMS.length] + "_" + system;
    }

    static String sourceTable(int source) {
        return plural(entity(source * 3)) + "_" + source;
    }

    static String sourceId(int source) {
        return "source." + PROJECT + "." + sourceName(source) + "." + sourceTable(source);
    }

    static String seedName(int seed) {
        return entity(seed * 5) + "_mapping_" + seed;
    }

    static String seedId(int seed) {
        return "seed." + PROJECT + "." + seedName(seed);
    }

    static String exposureName(int exposure) {
        return "dashboard_" + domain(exposure) + "_" + exposure;
    }

    static String exposureId(int exposure) {
        return "exposure." + PROJECT + "." + exposureName(exposure);
    }

    /** Column {@code k} (0-based) of a model: its key, a foreign key, then 18 distinct attributes. */
    static String columnName(DagLayout layout, int model, int k) {
        if (k == 0) {
            return entity(model) + "_id";
        }
        if (k == 1) {
            String foreign = layout.hasRelationship(model)
                    ? columnName(layout, layout.relationshipTarget(model), 0)
                    : entity(model + 1) + "_id";
            return foreign.equals(columnName(layout, model, 0)) ? "parent_" + foreign : foreign;
        }
        return ATTRIBUTES[(model * 17 + k - 2) % ATTRIBUTES.length];
    }

    /** The column test {@code t} of a model checks (tests 0,1 on the key, 2 and 3 on the foreign key). */
    static String testColumn(DagLayout layout, int model, int t) {
        return columnName(layout, model, t < 2 ? 0 : 1);
    }

    static String testName(DagLayout layout, int model, int t) {
        String base = TEST_NAMES[t] + "_" + modelName(layout, model) + "_" + testColumn(layout, model, t);
        if (t < 3) {
            return base;
        }
        int target = layout.relationshipTarget(model);
        return base + "__" + columnName(layout, target, 0) + "__ref_" + modelName(layout, target) + "_";
    }

    static String testId(DagLayout layout, int model, int t) {
        return "test." + PROJECT + "." + testName(layout, model, t) + "." + hex(mix(model * 8L + t), 10);
    }

    static String pad(int index) {
        String digits = Integer.toString(index);
        return digits.length() >= 5 ? digits : "00000".substring(digits.length()) + digits;
    }

    /** SplitMix64 finalizer: a well-spread deterministic long for hashes and checksums. */
    static long mix(long value) {
        long z = value + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    static String hex(long value, int length) {
        StringBuilder out = new StringBuilder(length);
        long v = value;
        while (out.length() < length) {
            String part = Long.toHexString(v);
            out.append("0".repeat(16 - part.length())).append(part);
            v = mix(v);
        }
        return out.substring(0, length);
    }
}
