-- every link row belongs to a listing document
select l.doc_id, l.ordinal, d.page_kind
from stg_links as l
left join stg_documents as d using (doc_id)
where d.doc_id is null or d.page_kind <> 'listing';
