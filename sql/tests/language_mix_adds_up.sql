-- language_mix holds every segment and letter of every document once
with segment_totals as (
    select doc_id, count(*) as n_segments, sum(letters) as letters from stg_segments group by doc_id
),
mix_totals as (
    select doc_id, sum(n_segments) as n_segments, sum(letters) as letters from language_mix group by doc_id
)
select doc_id, s.n_segments as expected_segments, m.n_segments, s.letters as expected_letters, m.letters
from segment_totals as s
full join mix_totals as m using (doc_id)
where s.n_segments is distinct from m.n_segments or s.letters is distinct from m.letters;
