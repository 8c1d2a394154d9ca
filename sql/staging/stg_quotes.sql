-- stg_quotes: direct quotes with their speakers.
create or replace view stg_quotes as
select
    doc_id,
    seq,
    ordinal,
    speaker,
    speaker_as_written,
    text
from raw.quotes;
