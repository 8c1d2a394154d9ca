-- list_items: every list item with its article, the heading it falls under and its parent item.
-- Grain: one row per stg_segments(doc_id, seq) where kind = 'list_item'.
-- Siblings are the items with the same parent (or none) under the same heading;
-- position counts them from 1 in reading order, so the fifth of twenty initiatives has position 5.
-- A second list under the same heading and parent continues the count (no heading separates them).
-- list_heading is the heading of the item's top-level ancestor: the eleven industries nested under
-- initiative ⑤ (after their own sub-heading) still belong to the list of twenty initiatives.
create or replace view list_items as
with recursive items as (
    select
        doc_id,
        seq,
        text,
        marker,
        depth,
        parent_seq,
        heading_seq,
        language
    from stg_segments
    where kind = 'list_item'
),
positioned as (
    select
        *,
        row_number() over (partition by doc_id, parent_seq, heading_seq order by seq) as position
    from items
),
child_counts as (
    select
        doc_id,
        parent_seq as seq,
        count(*) as n_children
    from items
    where parent_seq is not null
    group by doc_id, parent_seq
),
headings as (
    select
        doc_id,
        seq as heading_seq,
        text as heading
    from stg_segments
    where kind = 'heading'
),
roots as (
    select
        doc_id,
        seq,
        seq as root_seq
    from items
    where parent_seq is null
    union all
    select
        i.doc_id,
        i.seq,
        r.root_seq
    from items as i
    join roots as r on r.doc_id = i.doc_id and r.seq = i.parent_seq
),
parents as (
    select
        doc_id,
        seq as parent_seq,
        text as parent_text,
        marker as parent_marker
    from items
)
select
    i.doc_id,
    i.seq,  -- the item's segment (reading order within the document)
    d.title,  -- the article's headline
    d.category,
    d.published_at,
    d.language as article_language,  -- the document's main language
    i.heading_seq,
    h.heading,  -- text of the heading the item falls under; null before the first heading
    i.depth,  -- nesting level from 0 (top-level items)
    i.position,  -- 1-based position among siblings: same parent (or none) and same heading
    i.marker,  -- marker as written: '①', '1.', '○', '-', '가.', '•'; '' when none
    i.text,  -- item text without its marker
    i.language,  -- the item's own language (may differ from the article's)
    i.parent_seq,
    p.parent_marker,  -- marker of the enclosing item; null at depth 0
    p.parent_text,  -- text of the enclosing item; null at depth 0
    coalesce(c.n_children, 0) as n_children,  -- items directly nested under this one
    r.root_seq,  -- seq of the item's top-level ancestor (itself at depth 0)
    rh.heading as list_heading  -- heading of the top-level ancestor: the list the item belongs to
from positioned as i
left join stg_documents as d using (doc_id)
left join headings as h on h.doc_id = i.doc_id and h.heading_seq = i.heading_seq
left join parents as p on p.doc_id = i.doc_id and p.parent_seq = i.parent_seq
left join child_counts as c on c.doc_id = i.doc_id and c.seq = i.seq
left join roots as r on r.doc_id = i.doc_id and r.seq = i.seq
left join items as root on root.doc_id = r.doc_id and root.seq = r.root_seq
left join headings as rh on rh.doc_id = root.doc_id and rh.heading_seq = root.heading_seq;
