-- every attachment belongs to a document
select a.doc_id, a.ordinal from stg_attachments as a anti join stg_documents as d using (doc_id);
