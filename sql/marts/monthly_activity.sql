-- monthly_activity: articles, documents, views and attachments per publication month, language and category.
-- Grain: (month, language, category).
-- n_articles counts distinct articles (copies once, in the cell of the article's canonical copy);
-- n_documents and views count pages, so a re-scraped copy counts twice there. Documents without a publication date (static pages such as
-- city overviews) are left out: count them in articles with "where published_at is null".
create or replace view monthly_activity as
select
    published_month as month,  -- first day of the month (date_trunc of published_at)
    language,  -- the documents' main language
    category,  -- section name; null when the page names none
    count(*) as n_documents,  -- documents published that month
    coalesce(sum(view_count), 0)::bigint as views,  -- view counts at scrape time, summed
    sum(n_attachments)::bigint as n_attachments,  -- files listed on those documents
    sum(attachment_bytes)::bigint as attachment_bytes,  -- total size of those files, where shown
    count(*) filter (where is_canonical) as n_articles,  -- distinct articles published that month (copies once)
    coalesce(sum(article_view_count) filter (where is_canonical), 0)::bigint as article_views  -- each distinct article's highest view count, summed
from articles
where published_at is not null
group by
    published_month,
    language,
    category;
