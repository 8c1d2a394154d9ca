-- each document's segments are numbered 0..n-1 with no gaps or repeats
select doc_id, count(*) as n, min(seq) as lo, max(seq) as hi, count(distinct seq) as distinct_seq
from stg_segments
group by doc_id
having min(seq) <> 0 or max(seq) <> count(*) - 1 or count(distinct seq) <> count(*);
