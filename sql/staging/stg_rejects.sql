-- stg_rejects: input files that could not be processed, with a reason.
create or replace view stg_rejects as
select
    source_path,
    reason,
    detail,
    source_bytes,
    content_sha256,
    run_id,
    doc_id
from raw.rejects;
