-- attachments: every file listed on a page, with its article and a file_type grouping of its extension.
-- Grain: one row per stg_attachments(doc_id, ordinal).
-- file_type: image (jpg, jpeg, png, gif), document (pdf, hwp, hwpx, hwt, doc,
-- docx, odt, rtf, txt, ppt, pptx, odp), spreadsheet (xls, xlsx, ods, csv), archive (zip, 7z, alz, egg),
-- media (audio and video: mp3, mp4, m4a, m4v, wav, wma, wmv, mov, avi, mkv, webm, flv), other (anything else, or
-- no extension).
create or replace view attachments as
with typed as (
    select
        *,
        case
            when extension in ('jpg', 'jpeg', 'png', 'gif') then 'image'
            when extension in ('pdf', 'hwp', 'hwpx', 'hwt', 'doc', 'docx', 'odt', 'rtf', 'txt', 'ppt', 'pptx', 'odp')
                then 'document'
            when extension in ('xls', 'xlsx', 'ods', 'csv') then 'spreadsheet'
            when extension in ('zip', '7z', 'alz', 'egg') then 'archive'
            when extension in ('mp3', 'mp4', 'm4a', 'm4v', 'wav', 'wma', 'wmv', 'mov', 'avi', 'mkv', 'webm', 'flv')
                then 'media'
            else 'other'
        end as file_type
    from stg_attachments
)
select
    a.doc_id,
    a.ordinal,  -- position in the page's attachment list, from 1
    a.name,  -- file name as listed
    a.extension,
    a.file_type,  -- image, document, spreadsheet, archive, media or other (see the header)
    a.size_bytes,  -- size in bytes; null when the page shows none
    a.downloads,  -- download count; null when the page shows none
    a.url,  -- the file's link, absolute when the page's URL is known; null for script links and text lines
    a.source,  -- where on the page the file was read: link_text, link_target, text_line or field_row
    a.withheld,  -- true when the page lists the file but says it is not public; null when it says nothing
    d.title,  -- the article's headline
    d.category,
    d.published_at,
    d.language as article_language  -- the document's main language
from typed as a
left join stg_documents as d using (doc_id);
