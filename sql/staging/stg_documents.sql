-- stg_documents: one row per processed page (raw.documents), typed as the contract says.
create or replace view stg_documents as
select
    doc_id,
    source_path,
    source_format,
    content_sha256,
    source_bytes,
    encoding,
    replaced_chars,
    language,
    ko_share,
    en_share,
    other_share,
    title,
    category,
    author,
    published_at,
    view_count,
    contact_department,
    contact_phone,
    body_text,
    n_segments,
    n_chars,
    n_removed_lines,
    parse_ms,
    processed_at,
    run_id
from raw.documents;
