-- articles_by_site_month counts every dated article once
with expected as (
    select count(*) as n from articles where page_kind = 'article' and published_at is not null
),
counted as (
    select coalesce(sum(n_articles), 0) as n from articles_by_site_month
)
select e.n as expected, c.n as counted
from expected as e, counted as c
where e.n <> c.n;
