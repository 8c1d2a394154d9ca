-- the attachments mart has exactly one row per attachment, and attachment_types adds up to it
with attachment_rows as (
    select doc_id, ordinal, count(*) as n_attachments from stg_attachments group by doc_id, ordinal
),
mart_rows as (
    select doc_id, ordinal, count(*) as n_rows from attachments group by doc_id, ordinal
),
per_attachment as (
    select doc_id, ordinal, n_attachments as expected, n_rows as found, 'attachments' as mart
    from attachment_rows
    full join mart_rows using (doc_id, ordinal)
    where n_attachments is distinct from n_rows
),
per_extension as (
    select null as doc_id, null as ordinal, e.n as expected, t.n_attachments as found, 'attachment_types ' || coalesce(e.extension, t.extension, '(none)') as mart
    from (select extension, count(*) as n from stg_attachments group by extension) as e
    full join attachment_types as t on t.extension is not distinct from e.extension
    where e.n is distinct from t.n_attachments
)
select * from per_attachment
union all
select * from per_extension;
