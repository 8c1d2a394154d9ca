-- attachments: the columns the contract declares not null hold a value
select doc_id, ordinal
from stg_attachments
where doc_id is null
    or ordinal is null
    or name is null
    or extension is null;
