-- stg_attachments: files listed on a page.
create or replace view stg_attachments as
select
    doc_id,
    ordinal,
    name,
    extension,
    size_bytes,
    downloads
from raw.attachments;
