"""The hand-written jaffle_shop demo project behind samples/jaffle-shop/ (our own data, not a copy of anything).

Holds the project definition only: SQL files, YAML-level properties, warehouse columns and the story of one
`dbt build` + `dbt source freshness` + `dbt docs generate --no-compile` on Snowflake. build_jaffle_sample.py turns
it into the four dbt artifacts.
"""

PROJECT = "jaffle_shop"
DATABASE = "ANALYTICS"  # profile database (upper case, as Snowflake users usually write it)
TARGET_SCHEMA = "DBT_PROD"  # profile schema; custom schemas are appended by generate_schema_name
RAW_DATABASE = "raw"  # sources are declared in lower case in YAML

SCHEMAS = {
    "staging": TARGET_SCHEMA + "_staging",
    "marts": TARGET_SCHEMA + "_marts",
    "seeds": TARGET_SCHEMA + "_seeds",
    "snapshots": TARGET_SCHEMA + "_snapshots",
    "tests": TARGET_SCHEMA + "_dbt_test__audit",
}

FINANCE_OWNER = {"email": "finance-analytics@example.com", "name": "Finance Analytics"}

ORDER_STATUS_DOC = """Where the order is in the kitchen-to-door flow:

| status           | meaning                                              |
|------------------|------------------------------------------------------|
| placed           | paid and queued, nobody is cooking it yet            |
| preparing        | the kitchen is toasting it                           |
| out_for_delivery | a courier has it                                     |
| delivered        | the customer has it; the only status counted as sold |
| cancelled        | stopped before delivery, nothing was charged         |
| refunded         | delivered, then paid back after a complaint          |"""

# --------------------------------------------------------------------------------------------- sources
SOURCES = [
    {
        "source_name": "jaffle_raw",
        "yml": "models/staging/_jaffle_raw__sources.yml",
        "schema": "jaffle_shop",
        "loader": "fivetran",
        "source_description": "Operational data of the jaffle shop web store, replicated by Fivetran every 30 minutes.",
        "source_meta": {"system_of_record": "shop-postgres"},
        "default_freshness": {"warn_after": {"count": 12, "period": "hour"},
                              "error_after": {"count": 24, "period": "hour"}, "filter": None},
        "loaded_at_field": "_fivetran_synced",
        "tables": [
            {"name": "customers", "description": "One row per registered customer account.",
             "columns": [("id", "Primary key of the customer account."),
                         ("first_name", "Given name as typed at sign-up."),
                         ("last_name", "Family name as typed at sign-up."),
                         ("email", "Login e-mail address; personal data."),
                         ("country_code", "Country of the billing address, as entered (not validated)."),
                         ("updated_at", "Last change of the account row in the shop database.")],
             "tags": ["pii"]},
            {"name": "orders", "description": "One row per order placed in the web store.",
             "columns": [("id", "Primary key of the order."), ("user_id", "Customer that placed the order."),
                         ("order_date", "Day the order was placed (store time zone)."),
                         ("status", "Fulfilment status, see the order_status doc block.")],
             "freshness": {"warn_after": {"count": 1, "period": "hour"},
                           "error_after": {"count": 6, "period": "hour"},
                           "filter": "order_date >= dateadd('day', -3, current_date)"}},
            {"name": "payments", "description": "One row per payment attempt; amounts are stored in cents.",
             "columns": [("id", "Primary key of the payment."), ("order_id", "Order the payment belongs to."),
                         ("payment_method", "How the customer paid."), ("amount", "Amount in cents.")],
             "freshness": {"warn_after": {"count": 1, "period": "hour"},
                           "error_after": {"count": 6, "period": "hour"}, "filter": None}},
        ],
    },
    {
        "source_name": "marketing",
        "yml": "models/staging/_marketing__sources.yml",
        "schema": "airbyte_marketing",
        "loader": "airbyte",
        "source_description": "Advertising spend pulled from the ad platforms by Airbyte once a day.",
        "source_meta": {},
        "default_freshness": {"warn_after": {"count": 24, "period": "hour"},
                              "error_after": {"count": 48, "period": "hour"}, "filter": None},
        "loaded_at_field": "_airbyte_emitted_at",
        "tables": [
            {"name": "ad_spend", "description": "Daily spend per advertising channel, in US dollars.",
             "columns": [("date_day", "Day the spend was booked."), ("channel", "Advertising channel."),
                         ("spend_usd", "Spend in US dollars.")]},
        ],
    },
]

# ----------------------------------------------------------------------------------------------- seeds
SEEDS = {
    "country_codes": {
        "description": "ISO 3166-1 alpha-2 country codes with the sales region each country belongs to.",
        "columns": [("country_code", "Two-letter ISO country code.", "varchar(2)"),
                    ("country_name", "English short name of the country.", None),
                    ("region", "Sales region used in finance reporting.", None)],
        "column_types": {"country_code": "varchar(2)"},
        "rows": 249,
    },
    "payment_methods": {
        "description": "The payment methods the store accepts.",
        "columns": [("payment_method", "Code of the method as stored on payments.", None),
                    ("is_card", "True when the method is a card payment.", None)],
        "column_types": {},
        "rows": 4,
    },
    "public_holidays": {
        "description": "Public holidays of the countries we deliver to, 2023 to 2026.",
        "columns": [("holiday_date", "Calendar day of the holiday.", None),
                    ("holiday_name", "Name of the holiday.", None),
                    ("country_code", "Country that observes the holiday.", None)],
        "column_types": {},
        "rows": 42,
    },
}

# ---------------------------------------------------------------------------------------------- models
STG_CUSTOMERS_SQL = """with source as (

    select * from {{ source('jaffle_raw', 'customers') }}

),

countries as (

    select * from {{ ref('country_codes') }}

),

renamed as (

    select
        source.id as customer_id,
        source.first_name,
        source.last_name,
        lower(source.email) as email,
        upper(trim(source.country_code)) as country_code,
        countries.country_name,
        source.updated_at
    from source
    left join countries
        on upper(trim(source.country_code)) = countries.country_code

)

select * from renamed
"""

STG_ORDERS_SQL = """with source as (

    select * from {{ source('jaffle_raw', 'orders') }}

)

select
    id as order_id,
    user_id as customer_id,
    order_date,
    status
from source
"""

STG_PAYMENTS_SQL = """with source as (

    select * from {{ source('jaffle_raw', 'payments') }}

),

methods as (

    select * from {{ ref('payment_methods') }}

)

select
    source.id as payment_id,
    source.order_id,
    source.payment_method,
    methods.is_card,
    {{ cents_to_dollars('source.amount') }} as amount
from source
left join methods
    on source.payment_method = methods.payment_method
"""

INT_ORDER_PAYMENTS_SQL = """{{ config(materialized='ephemeral') }}

-- one row per order with the paid amount split by payment method

with orders as (

    select * from {{ ref('stg_orders') }}

),

payments as (

    select * from {{ ref('stg_payments') }}

),

paid as (

    select
        order_id,
        sum(iff(payment_method = 'credit_card', amount, 0)) as credit_card_amount,
        sum(iff(payment_method = 'coupon', amount, 0)) as coupon_amount,
        sum(iff(payment_method = 'bank_transfer', amount, 0)) as bank_transfer_amount,
        sum(iff(payment_method = 'gift_card', amount, 0)) as gift_card_amount,
        sum(amount) as total_amount
    from payments
    group by order_id

)

select
    orders.order_id,
    orders.customer_id,
    orders.order_date,
    orders.status,
    coalesce(paid.credit_card_amount, 0) as credit_card_amount,
    coalesce(paid.coupon_amount, 0) as coupon_amount,
    coalesce(paid.bank_transfer_amount, 0) as bank_transfer_amount,
    coalesce(paid.gift_card_amount, 0) as gift_card_amount,
    coalesce(paid.total_amount, 0) as total_amount
from orders
left join paid
    on orders.order_id = paid.order_id
"""

CUSTOMERS_SQL = """with customers as (

    select * from {{ ref('stg_customers') }}

),

orders as (

    select * from {{ ref('int_order_payments') }}

),

customer_orders as (

    select
        customer_id,
        min(order_date) as first_order_date,
        max(order_date) as most_recent_order_date,
        count(order_id) as number_of_orders,
        sum(iff(status = 'delivered', total_amount, 0)) as lifetime_value
    from orders
    group by customer_id

)

select
    customers.customer_id,
    customers.first_name,
    customers.last_name,
    customers.email,
    customers.country_code,
    customer_orders.first_order_date,
    customer_orders.most_recent_order_date,
    coalesce(customer_orders.number_of_orders, 0) as number_of_orders,
    coalesce(customer_orders.lifetime_value, 0) as customer_lifetime_value
from customers
left join customer_orders
    on customers.customer_id = customer_orders.customer_id
"""

ORDERS_SQL = """{{
    config(
        materialized='incremental',
        unique_key='order_id',
        incremental_strategy='merge',
        on_schema_change='ignore'
    )
}}

select
    order_id,
    customer_id,
    order_date,
    status,
    credit_card_amount,
    coupon_amount,
    bank_transfer_amount,
    gift_card_amount,
    total_amount as amount,
    coupon_amount as discount_amount
from {{ ref('int_order_payments') }}

{% if is_incremental() %}
-- late payments change orders of the last three days
where order_date >= (select dateadd('day', -3, max(order_date)) from {{ this }})
{% endif %}
"""

FCT_DAILY_REVENUE_SQL = """with orders as (

    select * from {{ ref('orders') }}
    where status not in ('cancelled', 'refunded')

),

holidays as (

    select distinct holiday_date
    from {{ ref('public_holidays') }}
    where country_code = 'US'

),

spend as (

    select date_day, sum(spend_usd) as ad_spend
    from {{ source('marketing', 'ad_spend') }}
    group by date_day

),

daily as (

    select
        order_date as revenue_date,
        count(*) as order_count,
        sum(amount) as gross_revenue
    from orders
    group by order_date

)

select
    daily.revenue_date,
    daily.order_count,
    daily.gross_revenue,
    coalesce(spend.ad_spend, 0) as ad_spend,
    holidays.holiday_date is not null as is_holiday
from daily
left join spend
    on daily.revenue_date = spend.date_day
left join holidays
    on daily.revenue_date = holidays.holiday_date
"""

CUSTOMERS_DESCRIPTION = """One row per customer with their order history rolled up.

Lifetime value only counts **delivered** orders; cancelled and refunded orders are left out.
This model is the contract the CRM sync and the finance dashboards rely on: its columns and
types are enforced, so change them only through a new model version."""

FCT_DESCRIPTION = """Revenue per order day, with the advertising spend of that day.

Excludes cancelled and refunded orders. `is_holiday` flags US public holidays,
which the weekly revenue dashboard shades."""

ORDERS_DESCRIPTION = """One row per order with the paid amount split by payment method.

Built incrementally: each run merges the last three days of orders on `order_id`."""


def col(name, description="", data_type=None, constraints=None, tags=None, meta=None, doc_blocks=None):
    """A manifest column spec (name lower-case, as dbt writes it)."""
    return {"name": name, "description": description, "data_type": data_type, "constraints": constraints or [],
            "tags": tags or [], "meta": meta or {}, "doc_blocks": doc_blocks or []}


NOT_NULL = {"type": "not_null"}
PRIMARY_KEY = {"type": "primary_key"}

MODELS = [
    {
        "name": "stg_customers", "dir": "staging", "sql": STG_CUSTOMERS_SQL, "materialized": "view",
        "yml": "models/staging/_staging__models.yml", "access": "protected", "tags": ["staging"],
        "description": "Customers from the shop database, cleaned: e-mail lower-cased, country code upper-cased "
                       "and matched to the country reference list.",
        "refs": ["country_codes"], "sources": [("jaffle_raw", "customers")], "macros": [],
        "columns": [col("customer_id", "Primary key of the customer."),
                    col("first_name", "Given name."), col("last_name", "Family name."),
                    col("email", "Login e-mail, lower-cased.", tags=["pii"], meta={"sensitivity": "personal"}),
                    col("country_code", "Two-letter country code of the billing address.")],
        "primary_key": ["customer_id"],
    },
    {
        "name": "stg_orders", "dir": "staging", "sql": STG_ORDERS_SQL, "materialized": "view",
        "yml": "models/staging/_staging__models.yml", "access": "protected", "tags": ["staging"],
        "description": "Orders from the shop database with readable column names.",
        "refs": [], "sources": [("jaffle_raw", "orders")], "macros": [],
        "columns": [col("order_id", "Primary key of the order."),
                    col("customer_id", "Customer that placed the order."),
                    col("order_date", "Day the order was placed."),
                    col("status", ORDER_STATUS_DOC, doc_blocks=["doc.jaffle_shop.order_status"])],
        "primary_key": ["order_id"],
    },
    {
        "name": "stg_payments", "dir": "staging", "sql": STG_PAYMENTS_SQL, "materialized": "view",
        "yml": "models/staging/_staging__models.yml", "access": "protected", "tags": ["staging"],
        "description": "Payments with the amount converted from cents to dollars.",
        "refs": ["payment_methods"], "sources": [("jaffle_raw", "payments")],
        "macros": ["macro.jaffle_shop.cents_to_dollars"],
        "columns": [col("payment_id", "Primary key of the payment."),
                    col("order_id", "Order the payment belongs to."),
                    col("payment_method", "How the customer paid."),
                    col("amount", "Paid amount in US dollars.")],
        "primary_key": ["payment_id"],
    },
    {
        "name": "int_order_payments", "dir": "intermediate", "sql": INT_ORDER_PAYMENTS_SQL,
        "materialized": "ephemeral", "yml": "models/intermediate/_intermediate__models.yml",
        "access": "protected", "tags": [], "config_in_sql": True,
        "description": "Orders joined to their payments, amount split by payment method. Ephemeral: inlined "
                       "as a CTE into the models that use it.",
        "refs": ["stg_orders", "stg_payments"], "sources": [], "macros": [],
        "columns": [col("order_id", "Primary key of the order."),
                    col("total_amount", "Sum of all payments of the order, in US dollars.")],
        "primary_key": [],
    },
    {
        "name": "customers", "dir": "marts", "sql": CUSTOMERS_SQL, "materialized": "table",
        "yml": "models/marts/_marts__models.yml", "access": "public", "group": "finance",
        "contract": True, "tags": ["finance", "pii"],
        "meta": {"owner": "finance-analytics@example.com", "contains_pii": True, "tier": 1},
        "description": CUSTOMERS_DESCRIPTION,
        "refs": ["stg_customers", "int_order_payments"], "sources": [], "macros": [],
        "columns": [
            col("customer_id", "Primary key of the customer.", "number",
                constraints=[NOT_NULL, PRIMARY_KEY]),
            col("first_name", "Given name.", "varchar"),
            col("last_name", "Family name.", "varchar"),
            col("email", "Login e-mail, lower-cased.", "varchar", tags=["pii"], meta={"sensitivity": "personal"}),
            col("country_code", "Two-letter country code of the billing address.", "varchar(2)"),
            col("first_order_date", "Day of the first order.", "date"),
            col("most_recent_order_date", "Day of the latest order.", "date"),
            col("number_of_orders", "Number of orders placed, any status.", "number"),
            col("customer_lifetime_value", "Sum of delivered orders, in US dollars.", "number(18,2)"),
        ],
        "primary_key": ["customer_id"],
    },
    {
        "name": "orders", "dir": "marts", "sql": ORDERS_SQL, "materialized": "incremental",
        "yml": "models/marts/_marts__models.yml", "access": "protected", "tags": ["finance"],
        "meta": {"owner": "finance-analytics@example.com"}, "config_in_sql": True,
        "incremental": {"unique_key": "order_id", "incremental_strategy": "merge", "on_schema_change": "ignore"},
        "description": ORDERS_DESCRIPTION,
        "refs": ["int_order_payments"], "sources": [], "macros": ["macro.dbt.is_incremental"],
        "columns": [col("order_id", "Primary key of the order."),
                    col("customer_id", "Customer that placed the order."),
                    col("order_date", "Day the order was placed."),
                    col("status", ORDER_STATUS_DOC, doc_blocks=["doc.jaffle_shop.order_status"]),
                    col("amount", "Total paid for the order, in US dollars."),
                    col("discount_amount", "Part of the amount paid with coupons, in US dollars. Added in July "
                                           "2025; the incremental table has not been fully refreshed since.")],
        "primary_key": ["order_id"],
    },
    {
        "name": "fct_daily_revenue", "dir": "marts", "sql": FCT_DAILY_REVENUE_SQL, "materialized": "table",
        "file": "fct_daily_revenue_v1.sql", "version": 1, "latest_version": 1,
        "yml": "models/marts/_marts__models.yml", "access": "public", "group": "finance",
        "tags": ["finance", "kpi"], "meta": {"owner": "finance-analytics@example.com"},
        "description": FCT_DESCRIPTION,
        "refs": ["orders", "public_holidays"], "sources": [("marketing", "ad_spend")], "macros": [],
        "columns": [col("revenue_date", "Order day."), col("order_count", "Orders placed that day."),
                    col("gross_revenue", "Paid amount of those orders, in US dollars."),
                    col("ad_spend", "Advertising spend booked that day, in US dollars."),
                    col("is_holiday", "True on US public holidays.")],
        "primary_key": ["revenue_date"],
    },
]

SNAPSHOT = {
    "name": "customers_snapshot", "yml": "snapshots/customers_snapshot.yml",
    "description": "Type-2 history of customer accounts, one row per version of an account.",
    "source": ("jaffle_raw", "customers"), "unique_key": "id", "updated_at": "updated_at",
    "columns": [col("id", "Primary key of the customer account (one row per version)."),
                col("email", "Login e-mail of that version.", tags=["pii"]),
                col("dbt_valid_from", "When this version became current."),
                col("dbt_valid_to", "When this version was replaced; null for the current version.")],
}

# ------------------------------------------------------------------------------------------- warehouse
# Columns as Snowflake reports them (upper case). Stats: (row_count, bytes, last_modified) for tables.
WAREHOUSE = {
    "source.jaffle_raw.customers": ("RAW", "JAFFLE_SHOP", "CUSTOMERS", "BASE TABLE", "FIVETRAN_ROLE", None,
        [("ID", "NUMBER"), ("FIRST_NAME", "TEXT"), ("LAST_NAME", "TEXT"), ("EMAIL", "TEXT"),
         ("COUNTRY_CODE", "TEXT"), ("UPDATED_AT", "TIMESTAMP_NTZ"), ("_FIVETRAN_SYNCED", "TIMESTAMP_TZ")],
        (1843, 96256, "2025-07-14 05:12UTC")),
    "source.jaffle_raw.orders": ("RAW", "JAFFLE_SHOP", "ORDERS", "BASE TABLE", "FIVETRAN_ROLE", None,
        [("ID", "NUMBER"), ("USER_ID", "NUMBER"), ("ORDER_DATE", "DATE"), ("STATUS", "TEXT"),
         ("_FIVETRAN_SYNCED", "TIMESTAMP_TZ")],
        (12904, 231424, "2025-07-14 02:31UTC")),
    "source.jaffle_raw.payments": ("RAW", "JAFFLE_SHOP", "PAYMENTS", "BASE TABLE", "FIVETRAN_ROLE", None,
        [("ID", "NUMBER"), ("ORDER_ID", "NUMBER"), ("PAYMENT_METHOD", "TEXT"), ("AMOUNT", "NUMBER"),
         ("CREATED_AT", "TIMESTAMP_NTZ"), ("_FIVETRAN_SYNCED", "TIMESTAMP_TZ")],
        (14377, 287744, "2025-07-13 19:04UTC")),
    "source.marketing.ad_spend": ("RAW", "AIRBYTE_MARKETING", "AD_SPEND", "BASE TABLE", "AIRBYTE_ROLE", None,
        [("_AIRBYTE_RAW_ID", "TEXT"), ("_AIRBYTE_EXTRACTED_AT", "TIMESTAMP_TZ"), ("_AIRBYTE_META", "VARIANT"),
         ("DATE_DAY", "DATE"), ("CHANNEL", "TEXT"), ("SPEND_USD", "FLOAT")],
        (2190, 74752, "2025-07-14 04:00UTC")),
    "seed.country_codes": ("ANALYTICS", "DBT_PROD_SEEDS", "COUNTRY_CODES", "BASE TABLE", "TRANSFORMER", None,
        [("COUNTRY_CODE", "TEXT"), ("COUNTRY_NAME", "TEXT"), ("REGION", "TEXT")],
        (249, 6656, "2025-07-14 06:00UTC")),
    "seed.payment_methods": ("ANALYTICS", "DBT_PROD_SEEDS", "PAYMENT_METHODS", "BASE TABLE", "TRANSFORMER",
        None, [("PAYMENT_METHOD", "TEXT"), ("DISPLAY_NAME", "TEXT"), ("IS_CARD", "BOOLEAN")],
        (4, 1536, "2025-07-14 06:00UTC")),
    "seed.public_holidays": ("ANALYTICS", "DBT_PROD_SEEDS", "PUBLIC_HOLIDAYS", "BASE TABLE", "TRANSFORMER",
        None, [("HOLIDAY_DATE", "DATE"), ("HOLIDAY_NAME", "TEXT"), ("COUNTRY_CODE", "TEXT")],
        (42, 2048, "2025-07-14 06:00UTC")),
    "model.stg_customers": ("ANALYTICS", "DBT_PROD_STAGING", "STG_CUSTOMERS", "VIEW", "TRANSFORMER", None,
        [("CUSTOMER_ID", "NUMBER"), ("FIRST_NAME", "TEXT"), ("LAST_NAME", "TEXT"), ("EMAIL", "TEXT"),
         ("COUNTRY_CODE", "TEXT"), ("COUNTRY_NAME", "TEXT"), ("UPDATED_AT", "TIMESTAMP_NTZ")], None),
    "model.stg_orders": ("ANALYTICS", "DBT_PROD_STAGING", "STG_ORDERS", "VIEW", "TRANSFORMER", None,
        [("ORDER_ID", "NUMBER"), ("CUSTOMER_ID", "NUMBER"), ("ORDER_DATE", "DATE"), ("STATUS", "TEXT")], None),
    "model.stg_payments": ("ANALYTICS", "DBT_PROD_STAGING", "STG_PAYMENTS", "VIEW", "TRANSFORMER", None,
        [("PAYMENT_ID", "NUMBER"), ("ORDER_ID", "NUMBER"), ("PAYMENT_METHOD", "TEXT"), ("IS_CARD", "BOOLEAN"),
         ("AMOUNT", "NUMBER")], None),
    "model.customers": ("ANALYTICS", "DBT_PROD_MARTS", "CUSTOMERS", "BASE TABLE", "TRANSFORMER", "persist",
        [("CUSTOMER_ID", "NUMBER"), ("FIRST_NAME", "TEXT"), ("LAST_NAME", "TEXT"), ("EMAIL", "TEXT"),
         ("COUNTRY_CODE", "TEXT"), ("FIRST_ORDER_DATE", "DATE"), ("MOST_RECENT_ORDER_DATE", "DATE"),
         ("NUMBER_OF_ORDERS", "NUMBER"), ("CUSTOMER_LIFETIME_VALUE", "NUMBER")],
        (1838, 71680, "2025-07-13 06:01UTC")),
    "model.orders": ("ANALYTICS", "DBT_PROD_MARTS", "ORDERS", "BASE TABLE", "TRANSFORMER", "persist",
        [("ORDER_ID", "NUMBER"), ("CUSTOMER_ID", "NUMBER"), ("ORDER_DATE", "DATE"), ("STATUS", "TEXT"),
         ("CREDIT_CARD_AMOUNT", "NUMBER"), ("COUPON_AMOUNT", "NUMBER"), ("BANK_TRANSFER_AMOUNT", "NUMBER"),
         ("GIFT_CARD_AMOUNT", "NUMBER"), ("AMOUNT", "NUMBER")],
        (12904, 259072, "2025-07-14 06:00UTC")),
    "model.fct_daily_revenue.v1": ("ANALYTICS", "DBT_PROD_MARTS", "FCT_DAILY_REVENUE_V1", "BASE TABLE",
        "TRANSFORMER", "persist",
        [("REVENUE_DATE", "DATE"), ("ORDER_COUNT", "NUMBER"), ("GROSS_REVENUE", "NUMBER"),
         ("AD_SPEND", "FLOAT"), ("IS_HOLIDAY", "BOOLEAN")],
        (731, 14848, "2025-07-13 06:01UTC")),
    "snapshot.customers_snapshot": ("ANALYTICS", "DBT_PROD_SNAPSHOTS", "CUSTOMERS_SNAPSHOT", "BASE TABLE",
        "TRANSFORMER", None,
        [("ID", "NUMBER"), ("FIRST_NAME", "TEXT"), ("LAST_NAME", "TEXT"), ("EMAIL", "TEXT"),
         ("COUNTRY_CODE", "TEXT"), ("UPDATED_AT", "TIMESTAMP_NTZ"), ("_FIVETRAN_SYNCED", "TIMESTAMP_TZ"),
         ("DBT_SCD_ID", "TEXT"), ("DBT_UPDATED_AT", "TIMESTAMP_NTZ"), ("DBT_VALID_FROM", "TIMESTAMP_NTZ"),
         ("DBT_VALID_TO", "TIMESTAMP_NTZ")],
        (2217, 118272, "2025-07-14 06:00UTC")),
}

MODELS_BY_NAME = {m["name"]: m for m in MODELS}
