-- distinct_articles: one row per distinct article, with every copy of it (re-scrapes, the same release
-- under two board URLs, a story syndicated to another site) and how its view count moved between copies.
-- Grain: (duplicate_group).
-- Count articles here (or count(distinct duplicate_group) in articles), not pages.
-- Copies are found by transforms/dedup.py: pages whose article text is the same or nearly the same.
create or replace view distinct_articles as
with copies as (
    select
        duplicate_group,
        doc_id,
        source_path,
        canonical_doc_id,
        coalesce(fetched_at, file_modified_at) as seen_at,
        view_count,
        row_number() over (partition by duplicate_group order by coalesce(fetched_at, file_modified_at) nulls last,
                           source_path) as copy_number
    from stg_documents
    where page_kind in ('article', 'static')  -- as in articles: listings and error pages are not articles
),
timeline as (
    select
        duplicate_group,
        any_value(canonical_doc_id) as canonical_doc_id,
        count(*) as n_copies,
        min(seen_at) as first_seen_at,
        max(seen_at) as last_seen_at,
        arg_min(view_count, copy_number) as first_view_count,
        arg_max(view_count, copy_number) as last_view_count,
        max(view_count) as max_view_count,
        list({'doc_id': doc_id, 'source_path': source_path, 'seen_at': seen_at, 'view_count': view_count}
             order by copy_number) as copies
    from copies
    group by duplicate_group
)
select
    t.duplicate_group,  -- doc_id of the article's first copy by source path (see documents.duplicate_group)
    c.doc_id as canonical_doc_id,  -- the most complete copy: read this one
    c.title,
    c.category,
    c.published_at,
    c.language,
    c.source_path as canonical_source_path,  -- the canonical copy's input path
    t.n_copies,  -- pages holding this article (1 when it has no copy)
    t.first_seen_at,  -- earliest fetch time among the copies (fetched_at, else the file's time)
    t.last_seen_at,  -- latest fetch time among the copies
    t.first_view_count,  -- view count on the earliest copy
    t.last_view_count,  -- view count on the latest copy
    t.last_view_count - t.first_view_count as view_count_gain,  -- views gained between the first and the last scrape
    t.max_view_count,  -- the highest view count any copy shows
    t.copies  -- every copy, earliest seen first: doc_id, source_path, seen_at, view_count
from timeline as t
join stg_documents as c
    on c.doc_id = t.canonical_doc_id;
