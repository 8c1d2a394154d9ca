-- page_kind is one of the kinds transforms/page_kind.py decides
select doc_id, page_kind
from stg_documents
where page_kind is null or page_kind not in ('article', 'listing', 'static', 'error', 'home');
