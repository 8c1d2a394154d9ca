-- a document's language shares add up to 1 (or to 0 for a page without letters)
select doc_id, ko_share, en_share, other_share
from stg_documents
where not (abs(ko_share + en_share + other_share - 1) < 1e-6 or ko_share + en_share + other_share = 0);
