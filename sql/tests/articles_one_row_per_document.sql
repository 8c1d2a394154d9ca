-- articles has exactly one row per article or static document, and none for other page kinds
with documents as (
    select doc_id, count(*) as n_documents from stg_documents where page_kind in ('article', 'static') group by doc_id
),
article_rows as (
    select doc_id, count(*) as n_articles from articles group by doc_id
)
select doc_id, n_documents, n_articles
from documents
full join article_rows using (doc_id)
where n_documents is distinct from 1 or n_articles is distinct from 1;
