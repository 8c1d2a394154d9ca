-- quotes: every direct quote with its speaker, the article it is in and the languages involved.
-- Grain: one row per stg_quotes(doc_id, ordinal).
-- speaker resolves pronouns ('he' -> the last named speaker); filter on it,
-- and read speaker_as_written to see what the page actually says.
create or replace view quotes as
with segments as (
    select
        doc_id,
        seq,
        kind,
        language
    from stg_segments
)
select
    q.doc_id,
    q.ordinal,  -- position among the document's quotes, from 0
    q.seq,  -- the segment holding the quote
    q.speaker,
    q.speaker_as_written,
    q.text,  -- the quoted passage without quote marks
    d.title,  -- the article's headline
    d.category,
    d.published_at,
    date_trunc('month', d.published_at)::date as published_month,  -- first day of the publication month
    d.language as article_language,  -- the document's main language
    s.language as quote_language,  -- language of the segment holding the quote
    s.kind as segment_kind  -- kind of the segment holding the quote (paragraph, caption, ...)
from stg_quotes as q
left join stg_documents as d using (doc_id)
left join segments as s on s.doc_id = q.doc_id and s.seq = q.seq;
