-- attachment_types: attachments summarised by file_type and extension.
-- Grain: (file_type, extension).
-- Sizes and downloads the pages do not show count as nothing.
create or replace view attachment_types as
select
    file_type,  -- image, document, spreadsheet, archive, media or other
    extension,
    count(*) as n_attachments,  -- files of this extension
    count(distinct doc_id) as n_documents,  -- pages listing at least one
    coalesce(sum(size_bytes), 0)::bigint as total_bytes,  -- total size of the files whose size is shown
    count(*) - count(size_bytes) as n_without_size,  -- files whose page shows no size
    coalesce(sum(downloads), 0)::bigint as downloads  -- download counts summed (missing counts as 0)
from attachments
group by
    file_type,
    extension;
