-- every removed line belongs to a document
select b.doc_id, b.line_no from stg_boilerplate as b anti join stg_documents as d using (doc_id);
