-- attachment extensions are lower case without the dot (attachments.file_type depends on it)
select doc_id, ordinal, extension
from stg_attachments
where extension <> lower(extension) or extension like '.%' or extension like '% %';
