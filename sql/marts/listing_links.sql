-- listing_links: the item rows of listing pages (board lists, search results), with their listing.
-- Grain: one row per stg_links(doc_id, ordinal).
-- is_fetched says whether the run holds a page at the row's URL: rows with
-- is_fetched = false are articles the crawl missed.
create or replace view listing_links as
with fetched as (
    select distinct url
    from stg_documents
    where url is not null
)
select
    l.doc_id,  -- the listing page
    d.url as listing_url,  -- the listing's own URL
    d.site,  -- the listing's site
    l.ordinal,  -- position among the listing's rows, from 1
    l.title,  -- the row's link text (the listed item's title)
    l.url,  -- the row's link, absolute when the listing's URL is known
    l.posted_at,  -- the date the row shows
    l.view_count,  -- the views the row shows
    f.url is not null as is_fetched  -- true when a document of this run has this URL
from stg_links as l
left join stg_documents as d using (doc_id)
left join fetched as f on f.url = l.url;
