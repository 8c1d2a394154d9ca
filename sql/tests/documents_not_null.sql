-- documents: the columns the contract (warehouse/schemas.py) declares not null hold a value
select doc_id, source_path
from stg_documents
where doc_id is null
    or source_path is null
    or source_format is null
    or content_sha256 is null
    or source_bytes is null
    or encoding is null
    or replaced_chars is null
    or language is null
    or ko_share is null
    or en_share is null
    or other_share is null
    or body_text is null
    or n_segments is null
    or n_chars is null
    or n_removed_lines is null
    or parse_ms is null
    or processed_at is null
    or run_id is null
    or page_kind is null
    or language_shares is null;
