-- quotes: the columns the contract declares not null hold a value
select doc_id, ordinal
from stg_quotes
where doc_id is null
    or seq is null
    or ordinal is null
    or text is null;
