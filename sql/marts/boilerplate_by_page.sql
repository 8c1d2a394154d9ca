-- boilerplate_by_page: lines the cleaner removed from each page, per rule, with the texts themselves.
-- Grain: (doc_id, rule).
-- Read it next to the page to check the cleaner; boilerplate_by_rule has the
-- corpus totals per rule.
create or replace view boilerplate_by_page as
select
    b.doc_id,
    coalesce(d.source_path, r.source_path) as source_path,  -- the page (a document, or a rejected page)
    d.title,  -- the article's headline (null for a rejected page)
    b.rule,  -- the rule that removed the lines
    count(*) as n_lines,  -- lines this rule removed from this page
    list(b.line_no order by b.line_no) as line_nos,  -- line (text) or block (HTML) numbers of those lines
    list(b.text order by b.line_no) as texts  -- the removed texts, in page order
from stg_boilerplate as b
left join stg_documents as d using (doc_id)
left join stg_rejects as r using (doc_id)
group by
    b.doc_id,
    coalesce(d.source_path, r.source_path),
    d.title,
    b.rule;
