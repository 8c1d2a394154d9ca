-- a quote's seq points at an existing segment of its document
select q.doc_id, q.ordinal, q.seq
from stg_quotes as q
anti join stg_segments as s on s.doc_id = q.doc_id and s.seq = q.seq;
