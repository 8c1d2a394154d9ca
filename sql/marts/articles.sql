-- articles: one row per document with its metadata and counts of what it contains.
create or replace view articles as
with segment_counts as (
    select
        doc_id,
        count(*) filter (where kind = 'paragraph') as n_paragraphs,
        count(*) filter (where kind = 'list_item') as n_list_items,
        count(*) filter (where kind = 'heading') as n_headings,
        count(*) filter (where kind = 'caption') as n_captions,
        -- words: whitespace-separated tokens of every segment but the title
        sum(case when kind <> 'title' then length(string_split(trim(text), ' ')) else 0 end) as n_words
    from stg_segments
    group by doc_id
),
ledes as (
    -- the lede is the first paragraph in reading order
    select doc_id, arg_min(text, seq) as lede
    from stg_segments
    where kind = 'paragraph'
    group by doc_id
),
attachment_counts as (
    select doc_id, count(*) as n_attachments, sum(size_bytes) as attachment_bytes
    from stg_attachments
    group by doc_id
),
quote_counts as (
    select doc_id, count(*) as n_quotes
    from stg_quotes
    group by doc_id
)
select
    d.doc_id,
    d.source_path,
    d.source_format,
    d.title,
    d.category,
    d.author,
    d.published_at,
    d.view_count,
    d.language,
    d.ko_share,
    d.en_share,
    d.contact_department,
    d.contact_phone,
    d.n_segments,
    coalesce(s.n_paragraphs, 0) as n_paragraphs,
    coalesce(s.n_list_items, 0) as n_list_items,
    coalesce(s.n_headings, 0) as n_headings,
    coalesce(s.n_captions, 0) as n_captions,
    coalesce(a.n_attachments, 0) as n_attachments,
    coalesce(a.attachment_bytes, 0) as attachment_bytes,
    coalesce(q.n_quotes, 0) as n_quotes,
    coalesce(s.n_words, 0) as n_words,
    l.lede,
    d.content_sha256,
    d.processed_at
from stg_documents as d
left join segment_counts as s using (doc_id)
left join ledes as l using (doc_id)
left join attachment_counts as a using (doc_id)
left join quote_counts as q using (doc_id);
