-- every removed line belongs to a document, or to a page rejected after cleaning (no_article)
with pages as (
    select doc_id from stg_documents
    union all
    select doc_id from stg_rejects where doc_id is not null
)
select b.doc_id, b.line_no from stg_boilerplate as b anti join pages using (doc_id);
