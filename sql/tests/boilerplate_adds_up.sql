-- boilerplate_by_rule and boilerplate_by_page each count every removed line once
with lines as (
    select rule, count(*) as n_lines from stg_boilerplate group by rule
),
by_rule as (
    select rule, sum(n_lines) as n_lines from boilerplate_by_rule group by rule
),
by_page as (
    select rule, sum(n_lines) as n_lines, sum(len(texts)) as n_texts from boilerplate_by_page group by rule
)
select rule, l.n_lines as expected, r.n_lines as by_rule, p.n_lines as by_page, p.n_texts
from lines as l
full join by_rule as r using (rule)
full join by_page as p using (rule)
where l.n_lines is distinct from r.n_lines
    or l.n_lines is distinct from p.n_lines
    or l.n_lines is distinct from p.n_texts;
