-- stg_segments: one row per segment of a document, in reading order (seq).
create or replace view stg_segments as
select
    doc_id,
    seq,
    kind,
    text,
    marker,
    depth,
    parent_seq,
    heading_seq,
    ordinal,
    language,
    language_method,
    language_confidence,
    letters,
    source_line
from raw.segments;
