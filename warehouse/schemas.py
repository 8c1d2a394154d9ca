"""The table contract: every Parquet table's schema, declared once, with a description per column.

docs/tables.md is generated from this module (`python -m cityclips.warehouse.docs`). Add columns freely;
never rename or retype one silently: downstream users' queries depend on these names.
"""
from __future__ import annotations

import pyarrow as pa

SCHEMA_VERSION = "1"


def _f(name: str, dtype: pa.DataType, description: str, nullable: bool = True) -> pa.Field:
    return pa.field(name, dtype, nullable=nullable, metadata={"description": description})


TS = pa.timestamp("us")  # site-local wall-clock time, no zone: the sites publish local times

DOCUMENTS = pa.schema([
    _f("doc_id", pa.string(), "Stable id: the first 16 hex chars of sha256 of the source path's bytes.", False),
    _f("source_path", pa.string(), "Path of the input file relative to the input folder (or to the common parent "
                                   "of several input folders), '/'-separated; bytes that are not UTF-8 are "
                                   "written \\xHH (docs/reliability.md).", False),
    _f("source_format", pa.string(), "'text' (a scraped text dump) or 'html'.", False),
    _f("content_sha256", pa.string(), "sha256 of the file's bytes; equal for duplicate files.", False),
    _f("source_bytes", pa.int64(), "Size of the input file in bytes.", False),
    _f("encoding", pa.string(), "Codec the page was decoded with: utf-8, utf-8-sig, cp949, ...", False),
    _f("replaced_chars", pa.int32(), "Bytes that could not be decoded and became U+FFFD.", False),
    _f("encoding_confidence", pa.float64(), "How sure the decoder was of `encoding`, 0-1: 1.0 for a byte order mark, "
                                            "valid UTF-8 or a declared charset that decodes cleanly; else "
                                            "charset-normalizer's 1 - mess ratio, lowered by replaced characters; null for pages "
                                            "processed before this column existed."),
    _f("language", pa.string(), "Language with the largest letter share: 'en', 'ko', another ISO code, or 'und'.", False),
    _f("ko_share", pa.float64(), "Share of the document's letters in Korean segments (0-1).", False),
    _f("en_share", pa.float64(), "Share of the document's letters in English segments (0-1).", False),
    _f("other_share", pa.float64(), "Share of letters in segments of any other language (0-1).", False),
    _f("title", pa.string(), "Article headline (never the section or site name)."),
    _f("category", pa.string(), "Section name from the breadcrumb or the line above the title, e.g. 'News Clips', '보도자료'."),
    _f("author", pa.string(), "Author as the metadata line gives it, e.g. 'admin', '대변인실'."),
    _f("published_at", TS, "Publication date and time, site local time; null for static pages."),
    _f("view_count", pa.int64(), "View count at scrape time."),
    _f("contact_department", pa.string(), "Department named in the contact footer."),
    _f("contact_phone", pa.string(), "Phone number in the contact footer, as written."),
    _f("modified_at", TS, "Last modification date and time the page states (article:modified_time, JSON-LD "
                          "dateModified, '수정 ...', 'Updated ...'), site local time."),
    _f("department", pa.string(), "Department that registered or answers for the page (등록부서, 담당부서, 작성부서, "
                                  "Department fields)."),
    _f("site_name", pa.string(), "Name the site gives itself (og:site_name, the JSON-LD publisher or WebSite), "
                                 "e.g. '광주일보', 'Seoul Metropolitan Government'."),
    _f("title_source", pa.string(), "Where title came from: json_ld, opengraph, microdata, meta, html_title (markup; "
                                    "when the page shows the same headline, the markup that confirmed it), "
                                    "board_table ('제목 :' field), heading (a visible heading), text_line; null "
                                    "when title is null."),
    _f("author_source", pa.string(), "Where author came from: json_ld, meta, opengraph, board_table (a 'th : td' row "
                                     "or dl field list), byline ('By ...', '기자명 ...'), text_line (a text dump's "
                                     "metadata line); null when author is null."),
    _f("published_at_source", pa.string(), "Where published_at came from: json_ld, microdata, opengraph, meta "
                                           "(<meta name=date>, Dublin Core), time (<time datetime>), board_table, "
                                           "byline ('입력 ...', 'Posted ...'), text_line; null when it is null."),
    _f("modified_at_source", pa.string(), "Where modified_at came from (the values of published_at_source)."),
    _f("department_source", pa.string(), "Where department came from: board_table, byline or text_line."),
    _f("body_text", pa.string(), "The cleaned text: every segment but the title and the captions, list markers kept, one per line.", False),
    _f("n_segments", pa.int32(), "Number of segments, title included.", False),
    _f("n_chars", pa.int32(), "Characters in body_text.", False),
    _f("n_removed_lines", pa.int32(), "Lines removed as boilerplate (see the boilerplate table).", False),
    _f("parse_ms", pa.float64(), "Milliseconds spent processing the page.", False),
    _f("processed_at", TS, "When the page was processed (UTC).", False),
    _f("run_id", pa.string(), "The run that processed the page (see runs).", False),
    _f("url", pa.string(), "The page's URL: the WARC record's target URI, else the page's <link rel=canonical> or "
                           "og:url, else --base-url joined with source_path; null when none is known."),
    _f("site", pa.string(), "The URL's host, lower-cased, without port or a leading 'www.' ('gwangju.go.kr'); "
                            "null without a URL."),
    _f("fetched_at", TS, "When the crawler fetched the page (UTC, the WARC-Date); null for files."),
    _f("http_status", pa.int32(), "HTTP status of the fetch (WARC input); null for files."),
    _f("content_type", pa.string(), "HTTP Content-Type of the fetch, charset included (WARC input); null for files."),
    _f("page_kind", pa.string(), "article (dated, or an article URL), listing (a board list or search results: its "
                                 "rows are in links), static (undated content: overviews, directions), error, or home (a site's "
                                 "front page).",
       False),
    _f("language_shares", pa.map_(pa.string(), pa.float64()),
       "Share of the document's letters in each language found ('ko', 'en', 'de', 'zh', ...; 'und' left out), "
       "summing to 1; empty when it has no letters. ko_share and en_share are two of these.", False),
])

LINKS = pa.schema([
    _f("doc_id", pa.string(), "The listing page (documents.page_kind = 'listing') the row is on.", False),
    _f("ordinal", pa.int32(), "Position among the listing's rows, from 1.", False),
    _f("title", pa.string(), "The row's link text: the title of the item it lists.", False),
    _f("url", pa.string(), "The link's target, absolute when the page's URL is known; null for text dumps "
                           "and script links."),
    _f("posted_at", TS, "The date the row shows (site local, no time of day)."),
    _f("view_count", pa.int64(), "The view count the row shows."),
])

SEGMENTS = pa.schema([
    _f("doc_id", pa.string(), "Document the segment belongs to.", False),
    _f("seq", pa.int32(), "Reading order from 0; contiguous within a document.", False),
    _f("kind", pa.string(), "title, summary, heading, paragraph, list_item, caption or note.", False),
    _f("text", pa.string(), "Segment text, without its list marker.", False),
    _f("marker", pa.string(), "List marker as written ('①', '-', '1.', '○', '가.', '•'); '' when none.", False),
    _f("depth", pa.int32(), "List nesting from 0.", False),
    _f("parent_seq", pa.int32(), "seq of the enclosing list item, null at depth 0."),
    _f("heading_seq", pa.int32(), "seq of the heading the segment falls under, null before the first heading."),
    _f("ordinal", pa.int32(), "1 for 'First, ...' / '첫째, ...' paragraphs, 2 for 'Second, ...'; else null."),
    _f("language", pa.string(), "Segment language: 'en', 'ko', 'ja', 'zh', ... or 'und'.", False),
    _f("language_method", pa.string(), "'script' (Hangul/kana/Han share), 'langdetect', or 'default' (too short to tell).", False),
    _f("language_confidence", pa.float64(), "0-1; 1.0 for clean script decisions.", False),
    _f("letters", pa.int32(), "Letters in the text (the weight in language shares).", False),
    _f("source_line", pa.int32(), "Line number (text) or block number (HTML) in the source page.", False),
])

ATTACHMENTS = pa.schema([
    _f("doc_id", pa.string(), "Document the attachment is listed on.", False),
    _f("ordinal", pa.int32(), "Position in the page's attachment list, from 1.", False),
    _f("name", pa.string(), "File name as listed.", False),
    _f("extension", pa.string(), "Lower-case extension without the dot ('jpg', 'hwp', 'pdf').", False),
    _f("size_bytes", pa.int64(), "Size in bytes, KB = 1024 and MB = 1024^2, rounded."),
    _f("downloads", pa.int64(), "Download count shown on the page."),
])

QUOTES = pa.schema([
    _f("doc_id", pa.string(), "Document the quote is in.", False),
    _f("seq", pa.int32(), "Segment (seq) holding the quote.", False),
    _f("ordinal", pa.int32(), "Position among the document's quotes, from 0.", False),
    _f("speaker", pa.string(), "Speaker, pronouns resolved to the last named speaker ('he' -> 'Mayor Lee')."),
    _f("speaker_as_written", pa.string(), "Speaker exactly as the attribution writes it."),
    _f("text", pa.string(), "The quoted passage without quote marks or a trailing comma.", False),
])

BOILERPLATE = pa.schema([
    _f("doc_id", pa.string(), "Document the line was removed from (or rejected page: rejects.doc_id).", False),
    _f("line_no", pa.int32(), "Line (text) or block (HTML) number in the source page.", False),
    _f("text", pa.string(), "The removed text.", False),
    _f("rule", pa.string(), "What removed it: a named rule (skip_link, menu, button, ...), metadata, attachment, "
                            "contact, category, before_title, title_repeat, template, or html_<tag>.", False),
])

REJECTS = pa.schema([
    _f("source_path", pa.string(), "Input file that could not be processed.", False),
    _f("reason", pa.string(), "empty, binary, too_large, too_many_nodes, too_many_lines, undecodable, no_article, "
                              "unreadable, outside_inputs, error; for WARC records also warc_malformed, warc_truncated, "
                              "not_a_page (an image, a PDF), redirect (HTTP 3xx).", False),
    _f("detail", pa.string(), "One sentence saying what was wrong.", False),
    _f("source_bytes", pa.int64(), "Size of the file in bytes (-1 when it could not be read).", False),
    _f("content_sha256", pa.string(), "sha256 of the bytes ('' when unreadable).", False),
    _f("run_id", pa.string(), "The run that rejected it.", False),
    _f("doc_id", pa.string(), "The id the page would have as a document: the boilerplate rows of a rejected page "
                              "(no_article) carry it."),
])

RUNS = pa.schema([
    _f("run_id", pa.string(), "Run id: UTC start time and a random suffix.", False),
    _f("started_at", TS, "Start (UTC).", False),
    _f("finished_at", TS, "End (UTC).", False),
    _f("input_roots", pa.string(), "Inputs given to the run, ';'-separated.", False),
    _f("pages_seen", pa.int64(), "Input files discovered.", False),
    _f("pages_processed", pa.int64(), "Pages processed in this run (new or changed).", False),
    _f("pages_unchanged", pa.int64(), "Pages skipped because their content was unchanged.", False),
    _f("pages_rejected", pa.int64(), "Pages rejected (see rejects).", False),
    _f("pages_removed", pa.int64(), "Pages of earlier runs no longer in the input; their rows were dropped.", False),
    _f("counts_json", pa.string(), "JSON: rows per table, rejects by reason, removed lines by rule, languages, "
                                   "seconds per stage.", False),
    _f("pipeline_version", pa.string(), "cityclips version that ran.", False),
])

# Internal state for incremental runs; documented, but not part of the analyst contract.
MANIFEST = pa.schema([
    _f("source_path", pa.string(), "Input path relative to its root.", False),
    _f("content_sha256", pa.string(), "sha256 of the bytes last processed.", False),
    _f("size", pa.int64(), "File size when last seen.", False),
    _f("mtime_ns", pa.int64(), "File modification time when last seen (ns).", False),
    _f("status", pa.string(), "'document' or 'reject'.", False),
    _f("template_group", pa.string(), "Template group (site folder and script) the page counted in.", False),
    _f("signatures", pa.list_(pa.uint64()), "64-bit signatures of the page's short lines (template detection).", False),
    _f("run_id", pa.string(), "Run that last processed the page.", False),
])

TABLES: dict[str, pa.Schema] = {
    "documents": DOCUMENTS, "segments": SEGMENTS, "attachments": ATTACHMENTS, "quotes": QUOTES,
    "boilerplate": BOILERPLATE, "rejects": REJECTS, "runs": RUNS, "manifest": MANIFEST, "links": LINKS,
}
# Tables whose rows belong to a page and are replaced when the page changes.
PAGE_TABLES = ("documents", "segments", "attachments", "quotes", "boilerplate", "links")
