-- attachment_types counts every attachment once, under its extension
with by_extension as (
    select extension, count(*) as n_attachments from stg_attachments group by extension
)
select coalesce(e.extension, t.extension) as extension, e.n_attachments as expected, t.n_attachments as found
from by_extension as e
full join (select extension, sum(n_attachments) as n_attachments from attachment_types group by extension) as t
    on t.extension is not distinct from e.extension
where e.n_attachments is distinct from t.n_attachments;
