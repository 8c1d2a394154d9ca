-- boilerplate: the columns the contract declares not null hold a value
select doc_id, line_no
from stg_boilerplate
where doc_id is null
    or line_no is null
    or text is null
    or rule is null;
