-- stg_boilerplate: every line the cleaner removed, with the rule that removed it.
create or replace view stg_boilerplate as
select
    doc_id,
    line_no,
    text,
    rule
from raw.boilerplate;
