-- a list item's parent exists and is a list item one level up
select c.doc_id, c.seq, c.parent_seq
from stg_segments as c
left join stg_segments as p on p.doc_id = c.doc_id and p.seq = c.parent_seq
where c.parent_seq is not null and (p.seq is null or p.kind <> 'list_item' or p.depth >= c.depth);
