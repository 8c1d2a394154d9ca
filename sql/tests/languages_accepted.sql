-- document and segment languages are two-letter lower-case codes ('en', 'ko', ...) or 'und'
select 'documents' as table_name, doc_id, null as seq, language
from stg_documents
where not (regexp_full_match(language, '[a-z]{2}') or language = 'und')
union all
select 'segments' as table_name, doc_id, seq, language
from stg_segments
where not (regexp_full_match(language, '[a-z]{2}') or language = 'und');
