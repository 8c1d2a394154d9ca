-- language_mix: letters and segments per document, segment kind and language.
-- Grain: (doc_id, kind, language).
-- Letters weigh languages as documents.ko_share/en_share do, so
-- summing share_of_document over a document's kinds gives its share of that language ('und'
-- segments, such as dates and numbers, have almost no letters).
create or replace view language_mix as
with mix as (
    select
        doc_id,
        kind,
        language,
        count(*) as n_segments,
        sum(letters)::bigint as letters
    from stg_segments
    group by
        doc_id,
        kind,
        language
),
kind_letters as (
    select
        doc_id,
        kind,
        sum(letters) as letters
    from stg_segments
    group by
        doc_id,
        kind
),
document_letters as (
    select
        doc_id,
        sum(letters) as letters
    from stg_segments
    group by doc_id
)
select
    m.doc_id,
    d.title,  -- the article's headline
    d.language as article_language,  -- the document's main language
    m.kind,  -- segment kind: title, summary, heading, paragraph, list_item, caption or note
    m.language,  -- segment language: 'en', 'ko', ... or 'und'
    m.n_segments,  -- segments of this kind in this language
    m.letters,  -- letters in those segments
    m.letters / nullif(k.letters, 0) as share_of_kind,  -- share of the document's letters in this kind (null when it has none)
    m.letters / nullif(t.letters, 0) as share_of_document  -- share of all the document's letters (null when it has none)
from mix as m
join kind_letters as k on k.doc_id = m.doc_id and k.kind = m.kind
join document_letters as t on t.doc_id = m.doc_id
left join stg_documents as d on d.doc_id = m.doc_id;
