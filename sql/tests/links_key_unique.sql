-- (doc_id, ordinal) identifies a link row, and no title is missing
select doc_id, ordinal, count(*) as n_rows
from stg_links
group by doc_id, ordinal
having count(*) > 1 or bool_or(title is null);
