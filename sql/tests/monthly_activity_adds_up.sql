-- monthly_activity counts every dated document once, with its views and attachments
with expected as (
    select
        count(*) as n_documents,
        coalesce(sum(view_count), 0) as views,
        coalesce(sum(n_attachments), 0) as n_attachments
    from articles
    where published_at is not null
),
found as (
    select
        coalesce(sum(n_documents), 0) as n_documents,
        coalesce(sum(views), 0) as views,
        coalesce(sum(n_attachments), 0) as n_attachments
    from monthly_activity
)
select e.*, f.*
from expected as e, found as f
where e.n_documents <> f.n_documents or e.views <> f.views or e.n_attachments <> f.n_attachments;
