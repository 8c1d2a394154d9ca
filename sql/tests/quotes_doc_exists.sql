-- every quote belongs to a document
select q.doc_id, q.ordinal from stg_quotes as q anti join stg_documents as d using (doc_id);
