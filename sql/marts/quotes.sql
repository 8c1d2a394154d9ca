-- quotes: every direct quote with its speaker, the article it is in and the languages involved.
-- Grain: one row per stg_quotes(doc_id, ordinal).
-- speaker is the person (the speakers mart): 'Gwangju Mayor Lee Yong-sup', 'Mayor Lee', 'he' and
-- '이용섭 시장' (when a page gives its romanisation) are all 'Lee Yong-sup', so filter on it;
-- speaker_as_written is what the page says.
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
    coalesce(p.person, q.speaker) as speaker,  -- the person quoted (see the speakers mart); null when no one is named
    q.speaker_as_written,  -- the attribution exactly as written ('he', 'Mayor Lee', ...)
    q.speaker as speaker_named,  -- the speaker as named in the article, pronouns resolved ('Mayor Lee')
    p.title as speaker_title,  -- the speaker's title as written ('Gwangju Mayor', '광주시장'); null when none
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
left join segments as s on s.doc_id = q.doc_id and s.seq = q.seq
left join speakers as p on p.doc_id = q.doc_id and p.speaker_named = q.speaker;
