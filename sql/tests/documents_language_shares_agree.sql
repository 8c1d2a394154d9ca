-- language_shares holds every language found: it sums to 1 (or is empty for a page without letters),
-- and its 'ko' and 'en' entries are ko_share and en_share
select doc_id, language_shares, ko_share, en_share
from stg_documents
where not (cardinality(language_shares) = 0 or abs(list_sum(map_values(language_shares)) - 1) < 1e-6)
    or abs(coalesce(language_shares['ko'], 0) - ko_share) > 1e-6
    or abs(coalesce(language_shares['en'], 0) - en_share) > 1e-6;
