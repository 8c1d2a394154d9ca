-- list_items has exactly one row per list-item segment, and positions count siblings from 1 without gaps
with items as (
    select doc_id, seq from stg_segments where kind = 'list_item'
),
mart_rows as (
    select doc_id, seq, count(*) as n_rows from list_items group by doc_id, seq
),
one_row_each as (
    select doc_id, seq, n_rows, 'not one row per item' as problem
    from items
    full join mart_rows using (doc_id, seq)
    where n_rows is distinct from 1
),
sibling_positions as (
    select doc_id, parent_seq, heading_seq, 'positions are not 1..n' as problem
    from list_items
    group by doc_id, parent_seq, heading_seq
    having min(position) <> 1 or max(position) <> count(*) or count(distinct position) <> count(*)
)
select doc_id, seq, problem from one_row_each
union all
select doc_id, parent_seq, problem from sibling_positions;
