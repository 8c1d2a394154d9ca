-- segments: the columns the contract declares not null hold a value
select doc_id, seq
from stg_segments
where doc_id is null
    or seq is null
    or kind is null
    or text is null
    or marker is null
    or depth is null
    or language is null
    or language_method is null
    or language_confidence is null
    or letters is null
    or source_line is null;
