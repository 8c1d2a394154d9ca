-- runs: one row per pipeline run, with counts_json unpacked into columns.
-- Grain: one row per stg_runs(run_id).
-- wall_seconds is the whole run (the command's start to the database built); the *_seconds columns
-- are its stages, and what they do not add up to is Prefect's own task overhead. The maps (rejects by
-- reason, removed lines by rule, documents by language) are counts of this run's pages only.
create or replace view runs as
with unpacked as (
    select
        *,
        json_transform(counts_json, '{
            "rows": "MAP(VARCHAR, BIGINT)",
            "carried_rows": "MAP(VARCHAR, BIGINT)",
            "rejects_by_reason": "MAP(VARCHAR, BIGINT)",
            "removed_by_rule": "MAP(VARCHAR, BIGINT)",
            "languages": "MAP(VARCHAR, BIGINT)",
            "stage_seconds": "MAP(VARCHAR, DOUBLE)",
            "reprocessed_for_templates": "BIGINT",
            "reprocessed_for_code": "BIGINT",
            "other_code": "MAP(VARCHAR, BIGINT)",
            "runner": "VARCHAR"
        }') as counts
    from stg_runs
)
select
    run_id,
    started_at,
    finished_at,
    epoch(finished_at - started_at) as wall_seconds,  -- seconds from the run's start (the command's, for cityclips run) to the database built
    input_roots,
    pipeline_version,
    code_fingerprint,  -- the code that ran: cityclips version ':' a hash of the extraction code and options (null before round 10)
    counts.runner as runner,  -- where the batches ran: 'one process', 'local Dask cluster of N workers', ...
    pages_seen,
    pages_processed,
    pages_unchanged,
    pages_rejected,
    pages_removed,
    coalesce(counts.reprocessed_for_templates, 0) as pages_reprocessed_for_templates,  -- unchanged pages processed again because a template line changed
    coalesce(counts.reprocessed_for_code, 0) as pages_reprocessed_for_code,  -- unchanged pages extracted again because other code or options made their rows
    counts.other_code as reprocessed_by_older_code,  -- those pages per code fingerprint that had made them
    coalesce(counts.rows['documents'], 0) as documents_written,  -- documents rows this run wrote (new or changed pages)
    coalesce(counts.rows['segments'], 0) as segments_written,  -- segments rows this run wrote
    coalesce(counts.rows['boilerplate'], 0) as removed_lines_written,  -- boilerplate rows (removed lines) this run wrote
    coalesce(counts.carried_rows['documents'], 0) as documents_carried,  -- documents rows carried over unchanged
    counts.stage_seconds['startup'] as startup_seconds,  -- Prefect's start-up before the flow (cityclips run only; its temporary server)
    counts.stage_seconds['discover'] as discover_seconds,  -- finding the input files
    counts.stage_seconds['plan'] as plan_seconds,  -- comparing them with the last run's manifest
    counts.stage_seconds['templates'] as templates_seconds,  -- the template pass over new and changed pages
    counts.stage_seconds['carry_over'] as carry_over_seconds,  -- carrying unchanged pages' rows into the new version
    counts.stage_seconds['process'] as process_seconds,  -- processing the pages (the batches)
    counts.stage_seconds['publish'] as publish_seconds,  -- publishing the new version of the Parquet tables
    counts.stage_seconds['models'] as models_seconds,  -- building the DuckDB database and running the data tests
    list_sum(map_values(counts.stage_seconds)) as stage_seconds_total,  -- all stages added up
    counts.stage_seconds as stage_seconds,  -- seconds per stage, every stage the flow timed
    counts.rejects_by_reason as rejects_by_reason,  -- this run's rejects per reason
    counts.removed_by_rule as removed_by_rule,  -- lines this run's pages lost per boilerplate rule
    counts.languages as languages  -- this run's documents per main language
from unpacked;
