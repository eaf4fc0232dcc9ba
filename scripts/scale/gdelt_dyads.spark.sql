-- GDELT events -> one row per state dyad, kind and period: Spark SQL dialect (Spark 3.5 and 4).
--
-- Exactly the rules of `coalition import --format gdelt` (docs/scale.md lists them); the output
-- is what `coalition import --format dyads` reads. Inputs:
--   gdelt_events  one row per GDELT row, every column text: GLOBALEVENTID, SQLDATE,
--                 Actor1CountryCode, Actor2CountryCode, IsRootEvent, EventCode, QuadClass,
--                 GoldsteinScale, NumMentions, NumSources, NumArticles, DATEADDED, SOURCEURL,
--                 version (1 or 2), file_order and row_order (where the row stands in the
--                 input, files sorted by name); scripts/scale/aggregate.py makes it from files
--   cameo_rules   scripts/scale/cameo_rules.csv    (prefix, kind; '-' drops the codes)
--   gdelt_kinds   scripts/scale/gdelt_kinds.csv    (kind, quad_class, directed)
--   gdelt_actors  scripts/scale/gdelt_actors.csv   (code, type: state or region)
-- Parameters, filled in by the runner: $period_length (10 day, 7 month, 4 year),
-- $root_only, $keep_regions (true/false), $min_sources (a whole number).
WITH rows_typed AS (
  SELECT
    trim(EventCode) AS code,
    trim(SQLDATE) AS sqldate,
    trim(Actor1CountryCode) AS a1,
    trim(Actor2CountryCode) AS a2,
    TRY_CAST(trim(QuadClass) AS INTEGER) AS quad,
    TRY_CAST(trim(GoldsteinScale) AS DECIMAL(18, 6)) AS goldstein,
    TRY_CAST(trim(GLOBALEVENTID) AS DECIMAL(20, 0)) AS id,
    greatest(1, coalesce(TRY_CAST(trim(NumSources) AS BIGINT), 1)) AS sources,
    coalesce(TRY_CAST(trim(NumMentions) AS BIGINT), 0) AS mentions,
    coalesce(TRY_CAST(trim(NumArticles) AS BIGINT), 0) AS articles,
    CASE WHEN substr(trim(DATEADDED), 1, 8) RLIKE '^[0-9]{8}$' AND try_to_timestamp(substr(trim(DATEADDED), 1, 8), 'yyyyMMdd') IS NOT NULL THEN substr(trim(DATEADDED), 1, 8) END AS added,
    nullif(SOURCEURL, '') AS url,
    version, file_order, row_order
  FROM gdelt_events
  WHERE (NOT $root_only OR trim(IsRootEvent) = '1')
),
rows_valid AS (
  SELECT * FROM rows_typed
  WHERE code RLIKE '^[0-9]{1,4}$'
    AND sqldate RLIKE '^[0-9]{8}$' AND try_to_timestamp(sqldate, 'yyyyMMdd') IS NOT NULL
    AND quad BETWEEN 1 AND 4
    AND goldstein BETWEEN -10 AND 10
),
rows_mapped AS (
  SELECT r.*, coalesce(r4.kind, r3.kind, r2.kind, r1.kind) AS kind
  FROM rows_valid r
  LEFT JOIN cameo_rules r4 ON length(r.code) >= 4 AND r4.prefix = substr(r.code, 1, 4)
  LEFT JOIN cameo_rules r3 ON length(r.code) >= 3 AND r3.prefix = substr(r.code, 1, 3)
  LEFT JOIN cameo_rules r2 ON length(r.code) >= 2 AND r2.prefix = substr(r.code, 1, 2)
  LEFT JOIN cameo_rules r1 ON r1.prefix = substr(r.code, 1, 1)
),
events_kept AS (
  SELECT
    CASE WHEN k.directed OR m.a1 < m.a2 THEN m.a1 ELSE m.a2 END AS source,
    CASE WHEN k.directed OR m.a1 < m.a2 THEN m.a2 ELSE m.a1 END AS target,
    m.kind,
    substr(substr(m.sqldate, 1, 4) || '-' || substr(m.sqldate, 5, 2) || '-' || substr(m.sqldate, 7, 2), 1, $period_length) AS period,
    m.code, m.goldstein, m.id, m.sources, m.mentions, m.articles, m.added, m.url, m.version,
    row_number() OVER (PARTITION BY m.id ORDER BY m.file_order, m.row_order) AS occurrence
  FROM rows_mapped m
  JOIN gdelt_kinds k ON k.kind = m.kind AND k.quad_class = m.quad
  JOIN gdelt_actors x1 ON x1.code = m.a1 AND (x1.type = 'state' OR $keep_regions)
  JOIN gdelt_actors x2 ON x2.code = m.a2 AND (x2.type = 'state' OR $keep_regions)
  WHERE m.a1 <> m.a2 AND m.kind <> '-' AND m.sources >= $min_sources AND m.id IS NOT NULL
)
SELECT
  source, target, kind, period,
  count(*) AS events,
  CAST(sum(abs(goldstein)) AS STRING) AS goldstein,
  sum(mentions) AS mentions,
  sum(articles) AS articles,
  max(sources) AS max_sources,
  min(added) AS first_added,
  array_join(array_sort(collect_set(code)), ' ') AS codes,
  array_join(transform(slice(array_sort(collect_list(id)), 1, 5), i -> CAST(i AS STRING)), ' ') AS event_ids,
  min_by(url, CASE WHEN url IS NOT NULL THEN id END) AS url,
  array_join(array_sort(collect_set(CAST(version AS STRING))), ' ') AS versions
FROM events_kept
WHERE occurrence = 1
GROUP BY source, target, kind, period
ORDER BY period, source, target, kind
