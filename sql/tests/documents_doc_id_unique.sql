-- documents.doc_id is unique
select doc_id, count(*) as n from stg_documents group by doc_id having count(*) > 1;
