-- boilerplate_by_rule: lines the cleaner removed, per rule, over the whole corpus.
-- Grain: (rule).
-- The corpus total is the sum of n_lines; boilerplate_by_page breaks each rule down by page
-- (two views rather than grouping sets, so neither holds subtotal rows that would double a sum).
create or replace view boilerplate_by_rule as
with rule_lines as (
    select
        rule,
        count(*) as n_lines,
        count(distinct doc_id) as n_documents
    from stg_boilerplate
    group by rule
),
text_counts as (
    select
        rule,
        text,
        count(*) as n_lines
    from stg_boilerplate
    group by
        rule,
        text
),
common_texts as (
    select
        rule,
        list(text order by n_lines desc, text)[1:3] as common_texts
    from text_counts
    group by rule
)
select
    r.rule,  -- the rule that removed the lines (see the boilerplate table)
    r.n_lines,  -- lines removed by the rule
    r.n_documents,  -- pages it removed at least one line from
    r.n_lines / sum(r.n_lines) over () as share_of_lines,  -- share of all removed lines (0-1)
    c.common_texts  -- up to three most frequent removed texts, most frequent first
from rule_lines as r
join common_texts as c using (rule);
