-- the quotes mart has exactly one row per quote
with quote_rows as (
    select doc_id, ordinal, count(*) as n_quotes from stg_quotes group by doc_id, ordinal
),
mart_rows as (
    select doc_id, ordinal, count(*) as n_rows from quotes group by doc_id, ordinal
)
select doc_id, ordinal, n_quotes, n_rows
from quote_rows
full join mart_rows using (doc_id, ordinal)
where n_quotes is distinct from n_rows;
