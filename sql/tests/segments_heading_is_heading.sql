-- a segment's heading_seq points at an earlier segment of kind heading in the same document
select s.doc_id, s.seq, s.heading_seq, h.kind as heading_kind
from stg_segments as s
left join stg_segments as h on h.doc_id = s.doc_id and h.seq = s.heading_seq
where s.heading_seq is not null and (h.seq is null or h.kind <> 'heading' or h.seq >= s.seq);
