-- language shares lie in 0-1 and add up to 1 (or to 0 for a page without letters)
select doc_id, ko_share, en_share, other_share
from stg_documents
where ko_share not between 0 and 1
    or en_share not between 0 and 1
    or other_share not between 0 and 1
    or not (abs(ko_share + en_share + other_share - 1) < 1e-6 or ko_share + en_share + other_share = 0);
