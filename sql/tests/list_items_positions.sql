-- list_items positions count siblings (same parent and heading) from 1 without gaps or repeats
select doc_id, parent_seq, heading_seq, min(position) as first, max(position) as last, count(*) as n_items
from list_items
group by doc_id, parent_seq, heading_seq
having min(position) <> 1 or max(position) <> count(*) or count(distinct position) <> count(*);
