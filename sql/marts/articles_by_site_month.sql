-- articles_by_site_month: articles, views and languages per site and publication month.
-- Grain: (site, month).
-- Sites come from the pages' URLs ('(unknown)' when a page has none); articles
-- without a publication date (static pages) are left out, as in monthly_activity.
create or replace view articles_by_site_month as
select
    coalesce(site, '(unknown)') as site,  -- the URL's host without 'www.'; '(unknown)' without a URL
    published_month as month,  -- first day of the publication month
    count(*) as n_articles,  -- articles published that month on that site
    count(*) filter (where language = 'ko') as n_korean,  -- of which mainly Korean
    count(*) filter (where language = 'en') as n_english,  -- of which mainly English
    count(*) filter (where language not in ('ko', 'en')) as n_other_language,  -- of which mainly another language
    coalesce(sum(view_count), 0)::bigint as views,  -- view counts at scrape time, summed
    min(fetched_at) as first_fetched_at,  -- earliest fetch among them (UTC); null for files
    max(fetched_at) as last_fetched_at  -- latest fetch among them (UTC); null for files
from articles
where page_kind = 'article'
    and published_at is not null
group by
    coalesce(site, '(unknown)'),
    published_month;
