-- the headings mart has exactly one row per heading segment
with heading_rows as (
    select doc_id, seq, count(*) as n_headings from stg_segments where kind = 'heading' group by doc_id, seq
),
mart_rows as (
    select doc_id, seq, count(*) as n_rows from headings group by doc_id, seq
)
select doc_id, seq, n_headings, n_rows
from heading_rows
full join mart_rows using (doc_id, seq)
where n_headings is distinct from n_rows;
