-- GDELT events -> one row per state dyad, kind and period: BigQuery (GoogleSQL) dialect, on
-- GDELT's public tables. Documented, not run by this project's checks (it needs a Google Cloud
-- project); it is the DuckDB query of this directory with BigQuery's names for the same functions.
--
-- Before running:
--   1. load the three rule tables into a dataset of yours (here `coalition`), with the codes as
--      text (an autodetected schema would read the CAMEO prefix 040 as the number 40):
--        bq load --skip_leading_rows=1 coalition.cameo_rules  scripts/scale/cameo_rules.csv  prefix:STRING,kind:STRING
--        bq load --skip_leading_rows=1 coalition.gdelt_kinds  scripts/scale/gdelt_kinds.csv  kind:STRING,quad_class:INT64,directed:BOOL
--        bq load --skip_leading_rows=1 coalition.gdelt_actors scripts/scale/gdelt_actors.csv code:STRING,type:STRING
--   2. replace $period_length (10 day, 7 month, 4 year), $root_only, $keep_regions (true/false),
--      $min_sources, and the date range in gdelt_events (BigQuery bills the bytes a query scans:
--      select the columns and the days you need);
--   3. bq query --use_legacy_sql=false --format=csv --max_rows=100000000 < this file > dyads.csv
--      then: coalition import --format dyads dyads.csv -o dataset.json
WITH gdelt_events AS (
  SELECT
    CAST(GLOBALEVENTID AS STRING) AS GLOBALEVENTID, CAST(SQLDATE AS STRING) AS SQLDATE,
    Actor1CountryCode, Actor2CountryCode, CAST(IsRootEvent AS STRING) AS IsRootEvent, EventCode,
    CAST(QuadClass AS STRING) AS QuadClass, CAST(GoldsteinScale AS STRING) AS GoldsteinScale,
    CAST(NumMentions AS STRING) AS NumMentions, CAST(NumSources AS STRING) AS NumSources,
    CAST(NumArticles AS STRING) AS NumArticles, CAST(DATEADDED AS STRING) AS DATEADDED, SOURCEURL,
    2 AS version, 0 AS file_order, 0 AS row_order
  FROM `gdelt-bq.gdeltv2.events`
  WHERE SQLDATE BETWEEN 20190101 AND 20191231
  -- GDELT 1.0 (`gdelt-bq.full.events`, the same columns, DATEADDED as YYYYMMDD) can be added with
  -- UNION ALL and 1 AS version.
),
rows_typed AS (
  SELECT
    TRIM(EventCode) AS code,
    TRIM(SQLDATE) AS sqldate,
    TRIM(Actor1CountryCode) AS a1,
    TRIM(Actor2CountryCode) AS a2,
    SAFE_CAST(TRIM(QuadClass) AS INT64) AS quad,
    SAFE_CAST(TRIM(GoldsteinScale) AS NUMERIC) AS goldstein,
    SAFE_CAST(TRIM(GLOBALEVENTID) AS BIGNUMERIC) AS id,
    GREATEST(1, COALESCE(SAFE_CAST(TRIM(NumSources) AS INT64), 1)) AS sources,
    COALESCE(SAFE_CAST(TRIM(NumMentions) AS INT64), 0) AS mentions,
    COALESCE(SAFE_CAST(TRIM(NumArticles) AS INT64), 0) AS articles,
    CASE WHEN SAFE.PARSE_DATE('%Y%m%d', SUBSTR(TRIM(DATEADDED), 1, 8)) IS NOT NULL
      AND REGEXP_CONTAINS(SUBSTR(TRIM(DATEADDED), 1, 8), r'^[0-9]{8}$') THEN SUBSTR(TRIM(DATEADDED), 1, 8) END AS added,
    NULLIF(SOURCEURL, '') AS url,
    version, file_order, row_order
  FROM gdelt_events
  WHERE (NOT $root_only OR TRIM(IsRootEvent) = '1')
),
rows_valid AS (
  SELECT * FROM rows_typed
  WHERE REGEXP_CONTAINS(code, r'^[0-9]{1,4}$')
    AND REGEXP_CONTAINS(sqldate, r'^[0-9]{8}$') AND SAFE.PARSE_DATE('%Y%m%d', sqldate) IS NOT NULL
    AND quad BETWEEN 1 AND 4
    AND goldstein BETWEEN -10 AND 10
),
rows_mapped AS (
  SELECT r.*, COALESCE(r4.kind, r3.kind, r2.kind, r1.kind) AS kind
  FROM rows_valid r
  LEFT JOIN coalition.cameo_rules r4 ON LENGTH(r.code) >= 4 AND r4.prefix = SUBSTR(r.code, 1, 4)
  LEFT JOIN coalition.cameo_rules r3 ON LENGTH(r.code) >= 3 AND r3.prefix = SUBSTR(r.code, 1, 3)
  LEFT JOIN coalition.cameo_rules r2 ON LENGTH(r.code) >= 2 AND r2.prefix = SUBSTR(r.code, 1, 2)
  LEFT JOIN coalition.cameo_rules r1 ON r1.prefix = SUBSTR(r.code, 1, 1)
),
events_kept AS (
  SELECT
    CASE WHEN k.directed OR m.a1 < m.a2 THEN m.a1 ELSE m.a2 END AS source,
    CASE WHEN k.directed OR m.a1 < m.a2 THEN m.a2 ELSE m.a1 END AS target,
    m.kind,
    SUBSTR(SUBSTR(m.sqldate, 1, 4) || '-' || SUBSTR(m.sqldate, 5, 2) || '-' || SUBSTR(m.sqldate, 7, 2), 1, $period_length) AS period,
    m.code, m.goldstein, m.id, m.sources, m.mentions, m.articles, m.added, m.url, m.version
  FROM rows_mapped m
  JOIN coalition.gdelt_kinds k ON k.kind = m.kind AND k.quad_class = m.quad
  JOIN coalition.gdelt_actors x1 ON x1.code = m.a1 AND (x1.type = 'state' OR $keep_regions)
  JOIN coalition.gdelt_actors x2 ON x2.code = m.a2 AND (x2.type = 'state' OR $keep_regions)
  WHERE m.a1 <> m.a2 AND m.kind <> '-' AND m.sources >= $min_sources AND m.id IS NOT NULL
  QUALIFY ROW_NUMBER() OVER (PARTITION BY m.id ORDER BY m.file_order, m.row_order) = 1
)
SELECT
  source, target, kind, period,
  COUNT(*) AS events,
  FORMAT('%.6f', SUM(ABS(goldstein))) AS goldstein,
  SUM(mentions) AS mentions,
  SUM(articles) AS articles,
  MAX(sources) AS max_sources,
  MIN(added) AS first_added,
  STRING_AGG(DISTINCT code, ' ' ORDER BY code) AS codes,
  ARRAY_TO_STRING(ARRAY_AGG(CAST(id AS STRING) ORDER BY id LIMIT 5), ' ') AS event_ids,
  ARRAY_AGG(url IGNORE NULLS ORDER BY id LIMIT 1)[SAFE_OFFSET(0)] AS url,
  STRING_AGG(DISTINCT CAST(version AS STRING), ' ' ORDER BY CAST(version AS STRING)) AS versions
FROM events_kept
GROUP BY source, target, kind, period
ORDER BY period, source, target, kind
