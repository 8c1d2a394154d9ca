-- documents: every *_source column holds one of the documented provenance values, and is set exactly when its field is
select doc_id, title_source, author_source, published_at_source, modified_at_source, department_source, event_at_source
from stg_documents
where title_source not in ('json_ld', 'opengraph', 'microdata', 'meta', 'html_title', 'board_table', 'heading', 'text_line')
    or author_source not in ('json_ld', 'opengraph', 'meta', 'board_table', 'byline', 'text_line')
    or published_at_source not in ('json_ld', 'microdata', 'opengraph', 'meta', 'time', 'board_table', 'byline', 'text_line', 'url')
    or modified_at_source not in ('json_ld', 'microdata', 'opengraph', 'meta', 'time', 'board_table', 'byline', 'text_line')
    or department_source not in ('board_table', 'byline', 'text_line')
    or event_at_source not in ('json_ld', 'microdata', 'opengraph', 'meta', 'time', 'board_table', 'byline', 'text_line')
    or (title is null) <> (title_source is null)
    or (author is null) <> (author_source is null)
    or (published_at is null) <> (published_at_source is null)
    or (modified_at is null) <> (modified_at_source is null)
    or (department is null) <> (department_source is null)
    or (event_at is null) <> (event_at_source is null);
