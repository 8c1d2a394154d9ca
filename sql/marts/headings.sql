-- headings: every heading with its article and what falls under it.
-- Grain: one row per stg_segments(doc_id, seq) where kind = 'heading'.
-- "Headings of all press releases in March" is one filter on category and
-- published_month.
create or replace view headings as
with headings as (
    select
        doc_id,
        seq,
        text,
        language
    from stg_segments
    where kind = 'heading'
),
numbered as (
    select
        *,
        row_number() over (partition by doc_id order by seq) as position
    from headings
),
contents as (
    select
        doc_id,
        heading_seq as seq,
        count(*) as n_segments,
        count(*) filter (where kind = 'paragraph') as n_paragraphs,
        count(*) filter (where kind = 'list_item') as n_list_items
    from stg_segments
    where heading_seq is not null
    group by
        doc_id,
        heading_seq
)
select
    h.doc_id,
    h.seq,  -- the heading's segment (reading order within the document)
    h.position,  -- 1 for the document's first heading, 2 for the second, ...
    h.text as heading,  -- heading text
    h.language,  -- the heading's own language
    d.title,  -- the article's headline
    d.category,
    d.published_at,
    date_trunc('month', d.published_at)::date as published_month,  -- first day of the publication month
    d.language as article_language,  -- the document's main language
    coalesce(c.n_segments, 0) as n_segments,  -- segments whose heading_seq is this heading
    coalesce(c.n_paragraphs, 0) as n_paragraphs,  -- paragraphs under it
    coalesce(c.n_list_items, 0) as n_list_items  -- list items under it, at every depth
from numbered as h
left join stg_documents as d using (doc_id)
left join contents as c on c.doc_id = h.doc_id and c.seq = h.seq;
