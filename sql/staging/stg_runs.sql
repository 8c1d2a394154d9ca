-- stg_runs: one row per pipeline run.
create or replace view stg_runs as
select
    run_id,
    started_at,
    finished_at,
    input_roots,
    pages_seen,
    pages_processed,
    pages_unchanged,
    pages_rejected,
    pages_removed,
    counts_json,
    pipeline_version
from raw.runs;
