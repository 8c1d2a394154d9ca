-- segment kinds are the documented ones
select doc_id, seq, kind from stg_segments
where kind not in ('title', 'summary', 'heading', 'paragraph', 'list_item', 'caption', 'note');
