-- every segment belongs to a document
select s.doc_id, s.seq from stg_segments as s anti join stg_documents as d using (doc_id);
