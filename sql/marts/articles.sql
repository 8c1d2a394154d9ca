-- articles: one row per article or static page with its metadata, language shares and counts of what
-- it contains.
-- Grain: one row per stg_documents(doc_id) where page_kind in ('article', 'static').
-- Start here for "which articles ..." questions; the other marts join back on doc_id. Listings (their
-- rows are in listing_links) and error pages are documents, not articles: see stg_documents.page_kind.
-- A re-scraped or syndicated copy is a row of its own: to count articles, count distinct duplicate_group
-- (or filter is_canonical), or use distinct_articles.
create or replace view articles as
with segment_counts as (
    select
        doc_id,
        count(*) filter (where kind = 'paragraph') as n_paragraphs,
        count(*) filter (where kind = 'list_item') as n_list_items,
        count(*) filter (where kind = 'heading') as n_headings,
        count(*) filter (where kind = 'caption') as n_captions,
        count(*) filter (where kind = 'summary') as n_summaries,
        count(*) filter (where kind = 'note') as n_notes,
        sum(case when kind <> 'title' then length(regexp_extract_all(text, '\S+')) else 0 end)::bigint as n_words
    from stg_segments
    group by doc_id
),
ledes as (
    select
        doc_id,
        arg_min(text, seq) as lede
    from stg_segments
    where kind = 'paragraph'
    group by doc_id
),
attachment_counts as (
    select
        doc_id,
        count(*) as n_attachments,
        sum(size_bytes)::bigint as attachment_bytes,
        sum(downloads)::bigint as attachment_downloads
    from stg_attachments
    group by doc_id
),
quote_counts as (
    select
        doc_id,
        count(*) as n_quotes
    from stg_quotes
    group by doc_id
),
copies as (
    select
        doc_id,
        count(*) over (partition by duplicate_group) as n_copies,
        max(view_count) over (partition by duplicate_group) as article_view_count
    from stg_documents
    where page_kind in ('article', 'static')
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
    coalesce(s.n_paragraphs, 0) as n_paragraphs,  -- segments of kind paragraph
    coalesce(s.n_list_items, 0) as n_list_items,  -- list items at every depth
    coalesce(s.n_headings, 0) as n_headings,  -- headings (kind heading; the title is not one)
    coalesce(s.n_captions, 0) as n_captions,  -- photo captions
    coalesce(a.n_attachments, 0) as n_attachments,  -- files listed on the page
    coalesce(a.attachment_bytes, 0) as attachment_bytes,  -- total size of the attachments whose size is shown (0 when none)
    coalesce(q.n_quotes, 0) as n_quotes,  -- direct quotes found (see the quotes mart)
    coalesce(s.n_words, 0) as n_words,  -- whitespace-separated words of every segment but the title (Korean: eojeol)
    l.lede,  -- the first paragraph in reading order; null when the page has no paragraph
    d.content_sha256,
    d.processed_at,
    date_trunc('month', d.published_at)::date as published_month,  -- first day of the publication month; null for static pages
    d.other_share,
    coalesce(s.n_summaries, 0) as n_summaries,  -- sub-headline summary lines under the title
    coalesce(s.n_notes, 0) as n_notes,  -- notes such as '※ ...' remarks
    d.n_chars,
    d.n_removed_lines,
    coalesce(a.attachment_downloads, 0) as attachment_downloads,  -- downloads summed over the attachments (0 when none)
    d.modified_at,
    d.department,
    d.site_name,
    d.title_source,
    d.published_at_source,
    d.url,  -- the page's URL (WARC record, canonical link, og:url or --base-url); null when unknown
    d.site,  -- the URL's host without 'www.'; null when the URL is unknown
    d.fetched_at,  -- when the crawler fetched the page (UTC); null for files
    d.page_kind,  -- 'article' (dated) or 'static' (undated content such as a city overview)
    d.body_text,  -- the cleaned text: every segment but the title and the captions, list markers kept, one per line
    d.parse_ms,
    d.run_id,  -- the run that processed the page (see runs)
    d.duplicate_group,  -- the distinct article this page holds: count(distinct duplicate_group) counts articles
    d.canonical_doc_id,  -- the article's most complete copy (see distinct_articles)
    d.doc_id = d.canonical_doc_id as is_canonical,  -- true on exactly one page per distinct article
    c.n_copies,  -- pages holding the same article, this one included (1 when it has no copy)
    c.article_view_count,  -- the highest view count any copy of the article shows
    d.event_at,  -- when the event the page announces starts (site local time); null when it announces none
    d.event_at_source  -- where event_at came from (json_ld, board_table, byline, ...)
from stg_documents as d
left join segment_counts as s using (doc_id)
left join ledes as l using (doc_id)
left join attachment_counts as a using (doc_id)
left join quote_counts as q using (doc_id)
left join copies as c using (doc_id)
where d.page_kind in ('article', 'static');
