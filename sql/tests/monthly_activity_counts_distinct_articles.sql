-- monthly_activity counts each dated distinct article once (in the cell of its canonical copy)
with expected as (
    select count(distinct duplicate_group) as n_articles
    from articles
    where duplicate_group in (select duplicate_group from articles where is_canonical and published_at is not null)
),
found as (
    select coalesce(sum(n_articles), 0) as n_articles from monthly_activity
)
select e.n_articles as expected, f.n_articles as found
from expected as e, found as f
where e.n_articles <> f.n_articles;
