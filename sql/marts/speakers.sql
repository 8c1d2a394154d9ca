-- speakers: each speaker an article names, resolved to a person.
-- Grain: one row per distinct stg_quotes(doc_id, speaker as speaker_named) where speaker is not null.
-- Materialized: table.
-- A speaker is split into title and name: 'Gwangju Mayor Lee Yong-sup' -> 'Gwangju Mayor' + 'Lee Yong-sup',
-- '이용섭 광주시장' -> '광주시장' + '이용섭' (romanised names end in a hyphenated given name; Korean
-- names of 2-4 syllables come before the title). A full name is the person. A short form, 'Mayor Lee',
-- '이 시장' or 'The mayor', is the one person of that surname (and title) named in the same article,
-- else on the same site (the page's top folder); when none or several fit it stays as written. A
-- Korean name becomes its romanisation when some page gives it ('이용섭(Lee Yong-sup)' or
-- 'Lee Yong-sup (이용섭)'), so one person has one name in both languages. Pronouns were resolved
-- before ('he' -> the last named speaker: quotes.speaker_as_written keeps 'he'). A table, built once per
-- run: resolving every speaker against the site took about 1 s per query at 10,000 pages as a view.
create or replace view speakers as
with named as (
    select
        doc_id,
        speaker,
        count(*) as n_quotes
    from stg_quotes
    where speaker is not null
    group by
        doc_id,
        speaker
),
sites as (
    select
        doc_id,
        case when contains(source_path, '/') then split_part(source_path, '/', 1) else '' end as site
    from stg_documents
),
english as (
    select
        doc_id,
        speaker,
        regexp_extract(speaker, '^(?:(.*\S)\s+)?([A-Z][a-z]+)\s+([A-Z][a-z]+-[a-z]+)$', ['title', 'surname', 'given'])
            as full_form,
        regexp_extract(speaker, '^(?:(.*\S)\s+)?([A-Z][a-z]+)$', ['title', 'surname']) as short_form,
        regexp_extract(speaker, '^[Tt]he\s+(\w[\w ]*\w)$', 1) as title_only
    from named
    where not regexp_matches(speaker, '[가-힣]')
),
korean_parts as (
    select
        doc_id,
        speaker,
        regexp_extract(speaker, '^([가-힣]{1,4})\s+([가-힣]+)$', ['name', 'title']) as parts
    from named
    where regexp_matches(speaker, '[가-힣]')
),
korean as (
    select
        *,
        -- '광주시 관계자': a name ending like a place (시, 도, 군, 구, 청) is an office, not a person
        length(parts.name) between 2 and 4 and not regexp_matches(parts.name, '[시도군구청]$') as is_full_name
    from korean_parts
),
parsed as (
    select
        doc_id,
        speaker,
        false as is_korean,
        case
            when full_form.surname <> '' then nullif(full_form.title, '')
            when title_only <> '' then title_only
            else nullif(short_form.title, '')
        end as title,
        case
            when full_form.surname <> '' then full_form.surname || ' ' || full_form.given
            when title_only = '' then nullif(short_form.surname, '')
        end as name,
        case
            when full_form.surname <> '' then full_form.surname
            when title_only = '' then nullif(short_form.surname, '')
        end as surname,
        full_form.surname <> '' as is_full_name
    from english
    union all
    select
        doc_id,
        speaker,
        true as is_korean,
        coalesce(nullif(parts.title, ''), case when not contains(speaker, ' ') then speaker end) as title,
        nullif(parts.name, '') as name,
        case when length(parts.name) = 1 or is_full_name then left(parts.name, 1) end as surname,
        is_full_name
    from korean
),
romanised_mentions as (
    select
        unnest(regexp_extract_all(text, '([가-힣]{2,4})\s?\(([A-Z][a-z]+ [A-Z][a-z]+(?:-[a-z]+)?)\)', 1)) as hangul,
        unnest(regexp_extract_all(text, '([가-힣]{2,4})\s?\(([A-Z][a-z]+ [A-Z][a-z]+(?:-[a-z]+)?)\)', 2)) as roman
    from stg_segments
    where contains(text, '(')
    union all
    select
        unnest(regexp_extract_all(text, '([A-Z][a-z]+ [A-Z][a-z]+(?:-[a-z]+)?)\s?\(([가-힣]{2,4})\)', 2)) as hangul,
        unnest(regexp_extract_all(text, '([A-Z][a-z]+ [A-Z][a-z]+(?:-[a-z]+)?)\s?\(([가-힣]{2,4})\)', 1)) as roman
    from stg_segments
    where contains(text, '(')
),
romanisations as (
    select
        hangul,
        mode(roman) as roman
    from romanised_mentions
    group by hangul
),
people as (
    select
        p.doc_id,
        p.speaker,
        s.site,
        p.is_korean,
        p.title,
        coalesce(r.roman, p.name) as person,
        p.surname,
        split_part(coalesce(r.roman, p.name), ' ', 1) as roman_surname,
        r.roman is not null as romanised
    from parsed as p
    join sites as s using (doc_id)
    left join romanisations as r on p.is_korean and r.hangul = p.name
    where p.is_full_name
),
short_forms as (
    select
        p.*,
        s.site
    from parsed as p
    join sites as s using (doc_id)
    where not p.is_full_name and (p.surname is not null or p.title is not null)
),
candidates as (
    select
        f.doc_id,
        f.speaker,
        m.person,
        case when m.doc_id = f.doc_id then 'article' else 'site' end as scope
    from short_forms as f
    join people as m
        on m.site = f.site
        and (f.surname is null or f.surname in (m.surname, m.roman_surname))
        -- titles compare within one language ('Mayor' ends 'Gwangju Mayor', '시장' ends '광주시장'); across
        -- languages a surname must match
        and (f.title is null and f.surname is not null
             or f.is_korean = m.is_korean and m.title is not null
                and ends_with(lower(m.title), lower(string_split(f.title, ' ')[-1]))
             or f.is_korean <> m.is_korean and f.surname is not null)
),
resolved as (
    select
        doc_id,
        speaker,
        count(distinct person) filter (where scope = 'article') as in_article,
        count(distinct person) filter (where scope = 'site') as on_site,
        min(person) filter (where scope = 'article') as article_person,
        min(person) filter (where scope = 'site') as site_person
    from candidates
    group by
        doc_id,
        speaker
)
select
    n.doc_id,
    n.speaker as speaker_named,  -- the speaker as the quotes table names it (pronouns already resolved)
    p.title,  -- title as written: 'Gwangju Mayor', '광주시장', 'mayor' (from 'The mayor'); null when none
    p.name,  -- name as written: 'Lee Yong-sup', 'Lee' (a surname alone), '이용섭'; null when none
    case
        when p.is_full_name then m.person
        when r.in_article = 1 then r.article_person
        when r.in_article = 0 and r.on_site = 1 then r.site_person
        else n.speaker
    end as person,  -- the person: 'Lee Yong-sup' for every form above; the speaker as named when unresolved
    case
        when p.is_full_name and m.romanised then 'romanisation'
        when p.is_full_name then 'name'
        when r.in_article = 1 then 'article'
        when r.in_article = 0 and r.on_site = 1 then 'site'
        else 'unresolved'
    end as resolved_by,  -- name, romanisation (a Korean name a page romanises), article, site or unresolved
    n.n_quotes  -- quotes of this speaker in this article
from named as n
left join parsed as p on p.doc_id = n.doc_id and p.speaker = n.speaker
left join people as m on m.doc_id = n.doc_id and m.speaker = n.speaker
left join resolved as r on r.doc_id = n.doc_id and r.speaker = n.speaker;
