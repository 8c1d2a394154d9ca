-- rejects: every input file that could not be processed, with why (in words), when and by which run.
-- Grain: one row per stg_rejects(source_path).
-- "What went wrong, and how often" is `select reason, meaning, count(*) from rejects group by all`.
create or replace view rejects as
with meanings as (
    select
        value as reason,
        meaning
    from raw.accepted_values
    where table_name = 'rejects' and column_name = 'reason'
)
select
    r.source_path,
    r.reason,  -- empty, binary, too_large, undecodable, no_article, timeout, unreadable or error
    m.meaning,  -- what the reason means (warehouse/schemas.py REJECT_REASONS)
    r.detail,
    lower(regexp_extract(r.source_path, '\.([A-Za-z0-9]+)$', 1)) as extension,  -- file extension, lower case ('' when none)
    r.source_bytes,
    r.content_sha256,
    r.run_id,
    u.started_at as rejected_at,  -- start of the run that rejected the file (UTC)
    u.input_roots  -- the inputs of that run; source_path is relative to one of them
from stg_rejects as r
left join meanings as m using (reason)
left join stg_runs as u using (run_id);
