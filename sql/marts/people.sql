-- people: everyone quoted, one row per person (the speakers mart resolves the names).
-- Grain: (person).
-- "Who is quoted most, and since when?" is one query; names lists every form the pages use.
create or replace view people as
select
    speaker as person,  -- the person (speakers.person): 'Lee Yong-sup'
    count(*) as n_quotes,  -- quotes attributed to the person
    count(distinct doc_id) as n_articles,  -- articles quoting the person
    list(distinct speaker_named order by speaker_named) as names,  -- every name the articles use, e.g. 'Mayor Lee'
    list(distinct speaker_title order by speaker_title) filter (where speaker_title is not null) as titles,  -- titles as written
    min(published_at) as first_quoted,  -- publication time of the earliest article quoting the person
    max(published_at) as last_quoted,  -- and of the latest
    list(distinct quote_language order by quote_language) as languages  -- languages of the quotes
from quotes
where speaker is not null
group by speaker;
