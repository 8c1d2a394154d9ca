-- listing_links has one row per link row
select
    (select count(*) from stg_links) as n_links,
    (select count(*) from listing_links) as n_rows
where (select count(*) from stg_links) <> (select count(*) from listing_links);
