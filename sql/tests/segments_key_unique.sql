-- segments (doc_id, seq) is unique
select doc_id, seq, count(*) as n from stg_segments group by doc_id, seq having count(*) > 1;
