-- every page's group is named by one of its copies, and its canonical copy is a document of the same group
select d.doc_id, d.duplicate_group, d.canonical_doc_id
from stg_documents as d
left join stg_documents as named on named.doc_id = d.duplicate_group and named.duplicate_group = d.duplicate_group
left join stg_documents as canonical on canonical.doc_id = d.canonical_doc_id and canonical.duplicate_group = d.duplicate_group
where named.doc_id is null
    or canonical.doc_id is null
    or d.canonical_doc_id is distinct from (select any_value(o.canonical_doc_id) from stg_documents as o
                                            where o.duplicate_group = d.duplicate_group
                                            having count(distinct o.canonical_doc_id) = 1);
