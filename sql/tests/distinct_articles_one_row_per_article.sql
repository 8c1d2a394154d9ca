-- distinct_articles has exactly one row per duplicate group of the documents, and its copies add up to them
with groups as (
    select duplicate_group, count(*) as n_documents from stg_documents
    where page_kind in ('article', 'static')
    group by duplicate_group
),
article_rows as (
    select duplicate_group, count(*) as n_rows, sum(n_copies) as n_copies, sum(len(copies)) as n_listed
    from distinct_articles
    group by duplicate_group
)
select duplicate_group, n_documents, n_rows, n_copies, n_listed
from groups
full join article_rows using (duplicate_group)
where n_rows is distinct from 1 or n_copies is distinct from n_documents or n_listed is distinct from n_documents;
