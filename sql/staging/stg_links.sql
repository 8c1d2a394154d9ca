-- stg_links: one row per item row of a listing page (raw.links), typed as the contract says.
create or replace view stg_links as
select
    doc_id,
    ordinal,
    title,
    url,
    posted_at,
    view_count
from raw.links;
