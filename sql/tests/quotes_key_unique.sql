-- quotes (doc_id, ordinal) is unique
select doc_id, ordinal, count(*) as n from stg_quotes group by doc_id, ordinal having count(*) > 1;
