"""What happened in the sample's dbt invocation: tests, unit tests, macros, outcomes, freshness and timings.

Story (Snowflake, 4 threads, Monday 2025-07-14 06:00 UTC):
- `dbt build`: seeds, snapshot and staging succeed. The unit test of `customers` passes, then the model itself fails
  on real data (a 3-letter country code does not fit the contracted varchar(2)), so its tests are skipped. The
  relationships test that flagged those codes only warns. `orders` succeeds. The unit test of `fct_daily_revenue`
  fails (its fixture uses a GB holiday while the model keeps US holidays), so dbt skips the model and its tests.
  Someone put a `unique` test on the snapshot's `id` (a snapshot keeps history, so it fails) and a `not_null`
  test on the snapshot hits the statement timeout (error).
- `dbt source freshness`: customers pass, orders warn, payments error, ad_spend has a runtime error (the
  loaded_at_field was renamed by Airbyte).
- `dbt docs generate --no-compile`: the catalog still shows yesterday's CUSTOMERS and FCT_DAILY_REVENUE_V1 tables;
  ORDERS lacks the new DISCOUNT_AMOUNT column (incremental, on_schema_change=ignore).
"""
from datetime import datetime, timezone

UTC = timezone.utc
DBT_VERSION = "1.10.4"
INVOCATION_ID = "5d0c7a3e-8f1b-4c2a-9e6d-2b7f4a91c3e8"
USER_ID = "b3f9c1d2-6a47-4e8b-a0c5-7d2e9f1b4a63"
INVOCATION_STARTED_AT = datetime(2025, 7, 14, 6, 0, 1, 204518, tzinfo=UTC)
MANIFEST_AT = datetime(2025, 7, 14, 6, 0, 4, 873112, tzinfo=UTC)
BUILD_START = datetime(2025, 7, 14, 6, 0, 5, 911406, tzinfo=UTC)
SOURCES_AT = datetime(2025, 7, 14, 6, 1, 0, 347205, tzinfo=UTC)
CATALOG_AT = datetime(2025, 7, 14, 6, 1, 13, 309551, tzinfo=UTC)

STG = "models/staging/_staging__models.yml"
RAW = "models/staging/_jaffle_raw__sources.yml"
MARTS = "models/marts/_marts__models.yml"
SNAP = "snapshots/customers_snapshot.yml"
STATUSES = ["placed", "preparing", "out_for_delivery", "delivered", "cancelled", "refunded"]

# generic tests: macro, target, column, kwargs; "result" is what `dbt build` reported (None = derived: pass/skipped)
TESTS = [
    {"macro": "not_null", "on": ("source", "jaffle_raw", "customers"), "column": "id", "yml": RAW},
    {"macro": "unique", "on": ("source", "jaffle_raw", "orders"), "column": "id", "yml": RAW},
    {"macro": "unique", "on": ("model", "stg_customers"), "column": "customer_id", "yml": STG},
    {"macro": "not_null", "on": ("model", "stg_customers"), "column": "customer_id", "yml": STG},
    {"macro": "relationships", "on": ("model", "stg_customers"), "column": "country_code", "yml": STG,
     "kwargs": {"to": "ref('country_codes')", "field": "country_code"}, "severity": "warn",
     "result": ("warn", 4)},
    {"macro": "unique", "on": ("model", "stg_orders"), "column": "order_id", "yml": STG},
    {"macro": "not_null", "on": ("model", "stg_orders"), "column": "order_id", "yml": STG},
    {"macro": "accepted_values", "on": ("model", "stg_orders"), "column": "status", "yml": STG,
     "kwargs": {"values": STATUSES}},
    {"macro": "relationships", "on": ("model", "stg_orders"), "column": "customer_id", "yml": STG,
     "kwargs": {"to": "ref('stg_customers')", "field": "customer_id"}},
    {"macro": "unique", "on": ("model", "stg_payments"), "column": "payment_id", "yml": STG},
    {"macro": "not_null", "on": ("model", "stg_payments"), "column": "payment_id", "yml": STG},
    {"macro": "relationships", "on": ("model", "stg_payments"), "column": "payment_method", "yml": STG,
     "kwargs": {"to": "ref('payment_methods')", "field": "payment_method"}},
    {"macro": "unique", "on": ("model", "customers"), "column": "customer_id", "yml": MARTS},
    {"macro": "not_null", "on": ("model", "customers"), "column": "customer_id", "yml": MARTS},
    {"macro": "unique", "on": ("model", "orders"), "column": "order_id", "yml": MARTS},
    {"macro": "not_null", "on": ("model", "orders"), "column": "customer_id", "yml": MARTS},
    {"macro": "relationships", "on": ("model", "orders"), "column": "customer_id", "yml": MARTS,
     "kwargs": {"to": "ref('customers')", "field": "customer_id"}},
    {"macro": "unique", "on": ("model", "fct_daily_revenue"), "version": 1, "column": "revenue_date", "yml": MARTS},
    {"macro": "not_null", "on": ("model", "fct_daily_revenue"), "version": 1, "column": "revenue_date",
     "yml": MARTS},
]

SNAPSHOT_TESTS = [
    {"macro": "unique", "on": ("snapshot", "customers_snapshot"), "column": "id", "yml": SNAP,
     "result": ("fail", 3)},
    {"macro": "not_null", "on": ("snapshot", "customers_snapshot"), "column": "dbt_valid_from", "yml": SNAP,
     "result": ("error", None), "execute_s": 30.412,
     "message": "Database Error in test not_null_customers_snapshot_dbt_valid_from (snapshots/customers_snapshot.yml)"
                "\n  000630 (57014): Statement reached its statement or warehouse timeout of 30 second(s) and was "
                "canceled.\n  compiled code at target/run/jaffle_shop/snapshots/customers_snapshot.yml/"
                "not_null_customers_snapshot_dbt_valid_from.sql"},
]

SINGULAR_TESTS = [
    {"name": "assert_positive_order_amount",
     "description": "Refunds are booked on the payment side; an order amount itself is never negative.",
     "patch_path": "jaffle_shop://tests/_tests.yml", "tags": ["finance"],
     "sql": "-- an order can be free (coupon covers everything) but never negative\n"
            "select\n    order_id,\n    amount\nfrom {{ ref('orders') }}\nwhere amount < 0\n"},
    {"name": "assert_no_orphan_payments",
     "sql": "-- every payment must belong to an order we know about\n"
            "select payments.payment_id, payments.order_id\nfrom {{ ref('stg_payments') }} as payments\n"
            "left join {{ ref('stg_orders') }} as orders\n    on payments.order_id = orders.order_id\n"
            "where orders.order_id is null\n"},
]

INT_FIXTURE_SQL = (
    "select 10 as order_id, 1 as customer_id, '2025-01-05'::date as order_date, 'delivered' as status, "
    "25.00 as credit_card_amount, 0 as coupon_amount, 0 as bank_transfer_amount, 0 as gift_card_amount, "
    "25.00 as total_amount\nunion all\n"
    "select 11, 1, '2025-02-01'::date, 'refunded', 0, 0, 40.00, 0, 40.00\nunion all\n"
    "select 12, 2, '2025-03-09'::date, 'delivered', 0, 2.50, 0, 10.00, 12.50")

UNIT_TESTS = [
    {"model": "customers", "name": "test_lifetime_value_counts_delivered_orders",
     "description": "Refunded orders count as orders but add nothing to the lifetime value.",
     "given": [
         {"input": "ref('stg_customers')", "format": "dict",
          "rows": [{"customer_id": 1, "first_name": "Ada", "last_name": "Byron", "email": "ada@example.com",
                    "country_code": "GB"},
                   {"customer_id": 2, "first_name": "Grace", "last_name": "Hopper", "email": "grace@example.com",
                    "country_code": "US"}]},
         {"input": "ref('int_order_payments')", "format": "sql", "rows": INT_FIXTURE_SQL},
     ],
     "expect": [{"customer_id": 1, "number_of_orders": 2, "customer_lifetime_value": 25.00},
                {"customer_id": 2, "number_of_orders": 1, "customer_lifetime_value": 12.50}],
     "result": ("pass", 0)},
    {"model": "fct_daily_revenue", "name": "test_holiday_flag",
     "description": "Christmas Day is flagged as a holiday, the day after is not.",
     "given": [
         {"input": "ref('orders')", "format": "dict",
          "rows": [{"order_id": 1, "order_date": "2024-12-25", "status": "delivered", "amount": 30.00},
                   {"order_id": 2, "order_date": "2024-12-26", "status": "out_for_delivery", "amount": 20.00}]},
         {"input": "ref('public_holidays')", "format": "csv",
          "rows": [{"holiday_date": "2024-12-25", "holiday_name": "Christmas Day", "country_code": "GB"}]},
         {"input": "source('marketing', 'ad_spend')", "format": "dict", "rows": []},
     ],
     "expect": [{"revenue_date": "2024-12-25", "is_holiday": True},
                {"revenue_date": "2024-12-26", "is_holiday": False}],
     "result": ("fail", 1),
     "message": "actual differs from expected:\n\n@@ ,REVENUE_DATE,IS_HOLIDAY\n→ ,2024-12-25  ,True→False\n"
                "  ,2024-12-26  ,False\n"},
]

# models/seeds/snapshot with an outcome other than success (skipped ones are derived and checked)
NODE_RESULTS = {
    "model.jaffle_shop.customers": {
        "status": "error", "execute_s": 3.207,
        "message": "Database Error in model customers (models/marts/customers.sql)\n  100078 (22000): String 'GBR' "
                   "is too long and would be truncated\n  compiled code at target/run/jaffle_shop/models/marts/"
                   "customers.sql"},
}
ROWS_AFFECTED = {"model.jaffle_shop.orders": 57, "snapshot.jaffle_shop.customers_snapshot": 5}
EXPECTED_SKIPPED = {
    "model.jaffle_shop.fct_daily_revenue.v1",
    "unique_customers_customer_id", "not_null_customers_customer_id",
    "relationships_orders_customer_id__customer_id__ref_customers_",
    "unique_fct_daily_revenue_v1_revenue_date", "not_null_fct_daily_revenue_v1_revenue_date",
}

# nodes that were never compiled in this invocation (skipped): the manifest keeps them as parsed
STORY = {
    "not_compiled": {"fct_daily_revenue"},
    "not_compiled_tests": {"unique_customers_customer_id", "not_null_customers_customer_id",
                           "relationships_orders_customer_id__customer_id__ref_customers_",
                           "unique_fct_daily_revenue_v1_revenue_date", "not_null_fct_daily_revenue_v1_revenue_date"},
}

FRESHNESS = [
    {"source": ("jaffle_raw", "customers"), "status": "pass", "thread": "Thread-1 (worker)", "start": 0.0,
     "duration": 1.184, "max_loaded_at": datetime(2025, 7, 14, 5, 12, 41, 337000, tzinfo=UTC)},
    {"source": ("jaffle_raw", "orders"), "status": "warn", "thread": "Thread-2 (worker)", "start": 0.002,
     "duration": 1.452, "max_loaded_at": datetime(2025, 7, 14, 2, 31, 9, 4000, tzinfo=UTC)},
    {"source": ("jaffle_raw", "payments"), "status": "error", "thread": "Thread-3 (worker)", "start": 0.003,
     "duration": 1.691, "max_loaded_at": datetime(2025, 7, 13, 19, 4, 52, 118000, tzinfo=UTC)},
    {"source": ("marketing", "ad_spend"), "status": "runtime error", "thread": "Thread-4 (worker)",
     "start": 0.004, "duration": 0.873,
     "error": "Database Error in source ad_spend (models/staging/_marketing__sources.yml)\n  000904 (42000): SQL "
              "compilation error: error line 1 at position 11\n  invalid identifier '_AIRBYTE_EMITTED_AT'"},
]

BUILD_ARGS = {
    "which": "build", "invocation_command": "dbt build --target prod", "target": "prod", "select": [],
    "exclude": [], "selector": None, "resource_types": [], "exclude_resource_types": [],
    "indirect_selection": "eager", "empty": False, "sample": None, "defer": False, "favor_state": False,
    "fail_fast": False, "full_refresh": False, "store_failures": False, "show": False, "vars": {},
    "project_dir": "/usr/app/dbt/jaffle_shop", "profiles_dir": "/usr/app/dbt/profiles",
    "log_path": "/usr/app/dbt/jaffle_shop/logs", "target_path": None, "log_level": "info", "log_level_file": "debug",
    "log_format": "default", "log_format_file": "debug", "log_file_max_bytes": 10485760, "use_colors": True,
    "use_colors_file": True, "printer_width": 80, "print": True, "quiet": False, "write_json": True,
    "partial_parse": True, "partial_parse_file_diff": True, "static_parser": True, "populate_cache": True,
    "introspect": True, "cache_selected_only": False, "macro_debugging": False, "version_check": True,
    "send_anonymous_usage_stats": True, "strict_mode": False, "show_resource_report": False,
    "skip_nodes_if_on_run_start_fails": False, "warn_error_options": {"error": [], "warn": [], "silence": []},
    "require_batched_execution_for_custom_microbatch_strategy": False,
    "require_explicit_package_overrides_for_builtin_materializations": True,
    "require_resource_names_without_spaces": True, "require_nested_cumulative_type_params": False,
    "require_yaml_configuration_for_mf_time_spines": False, "source_freshness_run_project_hooks": True,
    "state_modified_compare_more_unrendered_values": False, "state_modified_compare_vars": False,
}

# Our own short macro bodies (not dbt's), enough for the lineage between nodes and macros to resolve.
MACROS = {
    "cents_to_dollars": {
        "package": "jaffle_shop", "path": "macros/cents_to_dollars.sql",
        "sql": "{% macro cents_to_dollars(column_name, scale=2) -%}\n"
               "    round({{ column_name }} / 100, {{ scale }})\n{%- endmacro %}",
        "description": "Turns an integer amount of cents into dollars, rounded to `scale` decimals.",
        "patch_path": "jaffle_shop://macros/_macros.yml",
        "arguments": [{"name": "column_name", "type": "string", "description": "Column or expression in cents."},
                      {"name": "scale", "type": "integer", "description": "Decimals to keep, 2 by default."}]},
    "is_incremental": {
        "path": "macros/materializations/models/incremental/is_incremental.sql",
        "sql": "{% macro is_incremental() %}\n    {#-- true when this run merges into an existing table --#}\n"
               "    {% if not execute %}{{ return(False) }}{% endif %}\n"
               "    {% set existing = adapter.get_relation(this.database, this.schema, this.table) %}\n"
               "    {{ return(existing is not none and existing.type == 'table'\n"
               "              and model.config.materialized == 'incremental' and not should_full_refresh()) }}\n"
               "{% endmacro %}",
        "depends": ["macro.dbt.should_full_refresh"]},
    "should_full_refresh": {
        "path": "macros/materializations/configs.sql",
        "sql": "{% macro should_full_refresh() %}\n    {% set setting = config.get('full_refresh') %}\n"
               "    {{ return(flags.FULL_REFRESH if setting is none else setting) }}\n{% endmacro %}"},
    "get_where_subquery": {
        "path": "macros/materializations/tests/where_subquery.sql",
        "sql": "{% macro get_where_subquery(relation) -%}\n"
               "    {{ return(adapter.dispatch('get_where_subquery', 'dbt')(relation)) }}\n{%- endmacro %}",
        "depends": ["macro.dbt.default__get_where_subquery"]},
    "default__get_where_subquery": {
        "path": "macros/materializations/tests/where_subquery.sql",
        "sql": "{% macro default__get_where_subquery(relation) -%}\n"
               "    {% set where = config.get('where', '') %}\n"
               "    {% if where %}{{ return('(select * from ' ~ relation ~ ' where ' ~ where ~ ') as filtered') }}"
               "{% endif %}\n    {{ return(relation) }}\n{%- endmacro %}"},
}
_TEST_SQL = {
    "unique": ("model, column_name",
               "select {{ column_name }} as unique_field, count(*) as n_records\n"
               "from {{ model }}\nwhere {{ column_name }} is not null\n"
               "group by {{ column_name }}\nhaving count(*) > 1"),
    "not_null": ("model, column_name",
                 "select {{ column_name }}\nfrom {{ model }}\nwhere {{ column_name }} is null"),
    "accepted_values": ("model, column_name, values, quote=True",
                        "select {{ column_name }} as value_field, count(*) as n_records\nfrom {{ model }}\n"
                        "where {{ column_name }} not in (\n"
                        "    {%- for v in values %}{% if quote %}'{{ v }}'{% else %}{{ v }}{% endif %}"
                        "{{ ', ' if not loop.last }}{% endfor -%}\n)\ngroup by {{ column_name }}"),
    "relationships": ("model, column_name, to, field",
                      "select child.{{ column_name }} as from_field\nfrom {{ model }} as child\n"
                      "left join {{ to }} as parent\n    on child.{{ column_name }} = parent.{{ field }}\n"
                      "where child.{{ column_name }} is not null and parent.{{ field }} is null"),
}
for _name, (_args, _body) in _TEST_SQL.items():
    _call = _args.replace("quote=True", "quote=quote")
    MACROS["test_" + _name] = {
        "path": "tests/generic/builtin.sql",
        "sql": "{%% test %s(%s) %%}\n    {{ adapter.dispatch('test_%s', 'dbt')(%s) }}\n{%% endtest %%}" % (
            _name, _args, _name, _call),
        "depends": ["macro.dbt.default__test_" + _name]}
    MACROS["default__test_" + _name] = {
        "path": "macros/generic_test_sql/%s.sql" % _name,
        "sql": "{%% macro default__test_%s(%s) %%}\n%s\n{%% endmacro %%}" % (_name, _args, _body)}
