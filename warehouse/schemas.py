"""The table contract: every Parquet table, declared once, each column with its description and rules.

From these declarations come the row builders (rows.py), the staging views (staging.py), the
generic data tests (checks.py) and docs/tables.md (docs.py); see warehouse/contract.py and the
README's "Adding a column". Add columns freely; never rename or retype one silently: downstream
users' queries depend on these names.
"""
from __future__ import annotations

import pyarrow as pa

from cityclips.transforms.rules import LINE_RULES
from cityclips.warehouse.contract import column, table

SCHEMA_VERSION = "1"

TS = pa.timestamp("us")  # site-local wall-clock time, no zone: the sites publish local times
SHA256 = "[0-9a-f]{64}"
LANGUAGE = "[a-z]{2}|und"  # ISO 639-1 codes, 'und' when undetermined
EARLIEST_PUBLICATION = "timestamp '1990-01-01'"  # before any city had a web site: a misread date
# Publication times are site-local and processed_at is UTC (Korea is UTC+9): a day of slack.
LATEST_PUBLICATION = "processed_at + interval 1 day"

SOURCE_FORMATS = {"text": "a scraped text dump (.txt)", "html": "an HTML page (.html, .htm)"}
PAGE_KINDS = {
    "article": "one dated item: it shows or its markup gives when it was published, its URL is an item's, "
               "it links the previous and next item, or it shows a date field near its top",
    "listing": "a board list or search results: its rows are in links",
    "static": "content that is no dated item: overviews, directions, glossaries (a 'last modified' date makes none)",
    "error": "an error page", "home": "a site's front page",
}
ATTACHMENT_SOURCES = {
    "link_text": "a link whose text is the file name ('공고문.hwp (71KB)')",
    "link_target": "a link to a document the page shows as a download (a file-type icon, a size beside it, a row "
                   "or box labelled as attachments), named by its title or its URL's file name",
    "text_line": "a line that lists the file ('1.jpg[size: 783.2 KB, Download: 1]')",
    "field_row": "inside a metadata row ('첨부 : 현황.xls [size: 1.32 MB, Download: 63]')",
}
SEGMENT_KINDS = {
    "title": "the headline", "summary": "a sub-headline line under the title",
    "heading": "a section heading", "paragraph": "body prose", "list_item": "an item of a (nested) list",
    "caption": "a photo caption", "note": "a remark such as '※ ...'",
}
LANGUAGE_METHODS = {
    "script": "the letters' script decided (Hangul, kana, Han), or there were no letters",
    "function_words": "English told by its function words",
    "langid": "py3langid's answer, Latin text",
    "langdetect": "seeded langdetect's answer, other scripts",
    "default": "too short or unclear to tell: the site's default language",
}
REJECT_REASONS = {
    "empty": "the file is empty or only whitespace",
    "binary": "the file holds binary data (NUL or control bytes)",
    "too_large": "over the page size limit (--max-page-mb); not read whole",
    "undecodable": "too many characters could not be decoded as UTF-8 or CP949",
    "no_article": "every line was removed as boilerplate",
    "timeout": "processing took longer than the page budget",
    "too_many_nodes": "the HTML holds more elements than the page budget allows",
    "too_many_lines": "the page holds more lines than the page budget allows",
    "unreadable": "the file could not be read (permissions, vanished, I/O error)",
    "outside_inputs": "the path resolves outside the input folders (a link out of them)",
    "warc_malformed": "a WARC record that cannot be parsed", "warc_truncated": "a WARC record cut short",
    "not_a_page": "a WARC record that is not a page (an image, a PDF)", "redirect": "an HTTP 3xx response",
    "error": "an unexpected error in the pipeline: a bug, named in detail",
}
# Rules the cleaner applies by structure; the named line rules come from transforms/rules.py.
STRUCTURAL_RULES = {
    "metadata": "the metadata line (author, date, views)",
    "attachment": "an attachment entry", "attachment_header": "the heading of the attachment list",
    "attachment_note": "a note a file's link points to (aria-describedby): an accessibility or format notice",
    "breadcrumb": "the breadcrumb trail", "category": "the section name above the title",
    "contact": "the contact footer (department, phone)", "related": "a related-articles list",
    "template": "a line recurring on many pages of the site (corpus template)",
    "dom_template": "a block at a DOM path whose texts are site chrome on the site's other articles",
    "before_title": "chrome above the headline", "title_repeat": "the headline repeated in the body",
    "outside_region": "outside the page's main content region", "hidden": "hidden text",
    "region_edge": "a chrome line at the edge of the content region", "link_line": "a line that is mostly a link",
    "teaser_feed": "teasers for other pages (headline link and summary) after the article, inside its region",
    "html_comments": "an HTML comment",
    "article_tail": "a box after the article's text that is the site's (tags, share, next/previous, notices)",
    "page_stamp": "the same sentences stamped in several places of one page (a source note in each section)",
    "login_widget": "a small box around a login prompt (a comment or question form for members)",
    "section_description": "a board's one-line description under its name",
    "card_feed": "a grid of cards for other pages (title, date, a link away), no prose of their own",
    "empty_field": "a field label with no value", "control_help": "help for a button or link of the site's",
    "form_field": "a form field's label or instruction, in a form kept for the page's text around it",
    "deep_nesting": "markup nested deeper than the parser keeps, flattened (what was dropped)",
    "html_*": "markup dropped as chrome: html_<tag> (nav, header, footer, form, ...), html_chrome_class, "
              "html_link_menu, html_table_caption, html_head",
}
BOILERPLATE_RULES = {**{rule.name: "named line rule (transforms/rules.py)" for rule in LINE_RULES}, **STRUCTURAL_RULES}

DOCUMENTS = table(
    "One row per processed page.",
    column("doc_id", pa.string(), "Stable id: the first 16 hex chars of sha256 of the source path's bytes.", key=True),
    column("source_path", pa.string(), "Path of the input file relative to the input folder (or to the common parent "
                                       "of several input folders), '/'-separated; bytes that are not UTF-8 are "
                                       "written \\xHH (docs/reliability.md).", nullable=False),
    column("source_format", pa.string(), "How the page was read.", nullable=False, accepted=SOURCE_FORMATS),
    column("content_sha256", pa.string(), "sha256 of the file's bytes; equal for duplicate files.", nullable=False,
           pattern=SHA256),
    column("source_bytes", pa.int64(), "Size of the input file in bytes.", nullable=False, at_least=0),
    column("encoding", pa.string(), "Codec the page was decoded with: utf-8, utf-8-sig, cp949, ...", nullable=False),
    column("replaced_chars", pa.int32(), "Bytes that could not be decoded and became U+FFFD.", nullable=False,
           at_least=0),
    column("encoding_confidence", pa.float64(), "How sure the decoder was of `encoding`, 0-1: 1.0 for a byte order "
                                                "mark, valid UTF-8 or a declared charset that decodes cleanly; else "
                                                "charset-normalizer's 1 - mess ratio, lowered by replaced characters; "
                                                "null for pages processed before this column existed.",
           at_least=0, at_most=1),
    column("language", pa.string(), "Language with the largest letter share: 'en', 'ko', another ISO code, or 'und'.",
           nullable=False, pattern=LANGUAGE),
    column("ko_share", pa.float64(), "Share of the document's letters in Korean segments.", nullable=False,
           at_least=0, at_most=1),
    column("en_share", pa.float64(), "Share of the document's letters in English segments.", nullable=False,
           at_least=0, at_most=1),
    column("other_share", pa.float64(), "Share of letters in segments of any other language.", nullable=False,
           at_least=0, at_most=1),
    column("title", pa.string(), "Article headline (never the section or site name)."),
    column("category", pa.string(), "Section name from the breadcrumb or the line above the title, "
                                    "e.g. 'News Clips', '보도자료'."),
    column("author", pa.string(), "Author as the metadata line gives it, e.g. 'admin', '대변인실'."),
    column("published_at", TS, "Publication date and time, site local time; null for static pages.",
           at_least=EARLIEST_PUBLICATION, at_most=LATEST_PUBLICATION),
    column("view_count", pa.int64(), "View count at scrape time.", at_least=0),
    column("contact_department", pa.string(), "Department named in the contact footer."),
    column("contact_phone", pa.string(), "Phone number in the contact footer, as written."),
    column("modified_at", TS, "Last modification date and time the page states (article:modified_time, JSON-LD "
                              "dateModified, '수정 ...', 'Updated ...'), site local time.",
           at_least=EARLIEST_PUBLICATION, at_most=LATEST_PUBLICATION),
    column("department", pa.string(), "Department that registered or answers for the page (등록부서, 담당부서, 작성부서, "
                                      "Department fields)."),
    column("site_name", pa.string(), "Name the site gives itself (og:site_name, the JSON-LD publisher or WebSite), "
                                     "e.g. '광주일보', 'Seoul Metropolitan Government'."),
    column("title_source", pa.string(), "Where title came from: json_ld, opengraph, microdata, meta, html_title (markup; "
                                        "when the page shows the same headline, the markup that confirmed it), "
                                        "board_table ('제목 :' field), heading (a visible heading), text_line; null "
                                        "when title is null."),
    column("author_source", pa.string(), "Where author came from: json_ld, meta, opengraph, board_table (a 'th : td' "
                                         "row or dl field list), byline ('By ...', '기자명 ...'), text_line (a text "
                                         "dump's metadata line); null when author is null."),
    column("published_at_source", pa.string(), "Where published_at came from: json_ld, microdata, opengraph, meta "
                                               "(<meta name=date>, Dublin Core), time (<time datetime>), board_table, "
                                               "byline ('입력 ...', 'Posted ...', a dated element such as "
                                               "<span class=post-date>), text_line, url (the day the canonical "
                                               "URL's path gives, on a page that shows no date); null when it is null."),
    column("modified_at_source", pa.string(), "Where modified_at came from (the values of published_at_source)."),
    column("department_source", pa.string(), "Where department came from: board_table, byline or text_line."),
    column("body_text", pa.string(), "The cleaned text: every segment but the title and the captions, list markers "
                                     "kept, one per line.", nullable=False),
    column("n_segments", pa.int32(), "Number of segments, title included.", nullable=False, at_least=0),
    column("n_chars", pa.int32(), "Characters in body_text.", nullable=False, at_least=0),
    column("n_removed_lines", pa.int32(), "Lines removed as boilerplate (see the boilerplate table).", nullable=False,
           at_least=0),
    column("parse_ms", pa.float64(), "Milliseconds spent processing the page.", nullable=False, at_least=0),
    column("processed_at", TS, "When the page was processed (UTC).", nullable=False),
    # no reference to runs: warehouses published without the flow (tests, tools) hold no runs row
    column("run_id", pa.string(), "The run that processed the page (see runs).", nullable=False),
    column("url", pa.string(), "The page's URL: the WARC record's target URI, else the page's <link rel=canonical> or "
                               "og:url, else --base-url joined with source_path; null when none is known."),
    column("site", pa.string(), "The URL's host, lower-cased, without port or a leading 'www.' ('gwangju.go.kr'); "
                                "null without a URL."),
    column("fetched_at", TS, "When the crawler fetched the page (UTC, the WARC-Date); null for files."),
    column("http_status", pa.int32(), "HTTP status of the fetch (WARC input); null for files.", at_least=100,
           at_most=599),
    column("content_type", pa.string(), "HTTP Content-Type of the fetch, charset included (WARC input); null for files."),
    column("page_kind", pa.string(), "What kind of page it is.", nullable=False, accepted=PAGE_KINDS),
    column("language_shares", pa.map_(pa.string(), pa.float64()),
           "Share of the document's letters in each language found ('ko', 'en', 'de', 'zh', ...; 'und' left out), "
           "summing to 1; empty when it has no letters. ko_share and en_share are two of these.", nullable=False),
    column("duplicate_group", pa.string(), "The page's article: doc_id of the article's first copy by source path; "
                                           "its own doc_id when it has no copy. Count distinct articles with "
                                           "count(distinct duplicate_group).", nullable=False),
    column("canonical_doc_id", pa.string(), "doc_id of the article's most complete copy (most article text, then "
                                            "the first by source path): the copy to read; its own doc_id when it "
                                            "has no copy.", nullable=False),
    column("file_modified_at", TS, "Modification time of the input file (UTC): when a crawl wrote it, so when the "
                                   "page was seen. Null when unknown."),
    column("event_at", TS, "When the event the page announces takes place (a meeting, a course, a festival): its "
                           "start, site local time, from a JSON-LD Event's startDate or a labelled field ('Meeting "
                           "Date', '행사일시'). published_at stays when the page was posted; null when the page "
                           "announces no event or gives no date for it.",
           at_least=EARLIEST_PUBLICATION),
    column("event_at_source", pa.string(), "Where event_at came from (the values of published_at_source: json_ld, "
                                           "board_table for a labelled field, byline for a dated element in the "
                                           "event's box, ...); null when event_at is null."),
)

LINKS = table(
    "One row per item row of a listing page.",
    column("doc_id", pa.string(), "The listing page (documents.page_kind = 'listing') the row is on.", key=True,
           references="documents.doc_id"),
    column("ordinal", pa.int32(), "Position among the listing's rows, from 1.", key=True, at_least=1),
    column("title", pa.string(), "The row's link text: the title of the item it lists.", nullable=False),
    column("url", pa.string(), "The link's target, absolute when the page's URL is known; null for text dumps "
                               "and script links."),
    column("posted_at", TS, "The date the row shows (site local, no time of day)."),
    column("view_count", pa.int64(), "The view count the row shows.", at_least=0),
)

SEGMENTS = table(
    "One row per segment (title, heading, paragraph, list item, ...) of a document, in reading order.",
    column("doc_id", pa.string(), "Document the segment belongs to.", key=True, references="documents.doc_id"),
    column("seq", pa.int32(), "Reading order from 0; contiguous within a document.", key=True, at_least=0),
    column("kind", pa.string(), "What the segment is.", nullable=False, accepted=SEGMENT_KINDS),
    column("text", pa.string(), "Segment text, without its list marker.", nullable=False),
    column("marker", pa.string(), "List marker as written ('①', '-', '1.', '○', '가.', '•'); '' when none.",
           nullable=False),
    column("depth", pa.int32(), "List nesting from 0.", nullable=False, at_least=0),
    column("parent_seq", pa.int32(), "seq of the enclosing list item, null at depth 0.", references="segments.seq",
           within=("doc_id",)),
    column("heading_seq", pa.int32(), "seq of the heading the segment falls under, null before the first heading.",
           references="segments.seq", within=("doc_id",)),
    column("ordinal", pa.int32(), "1 for 'First, ...' / '첫째, ...' paragraphs, 2 for 'Second, ...'; else null.",
           at_least=1),
    column("language", pa.string(), "Segment language: 'en', 'ko', 'ja', 'zh', ... or 'und'.", nullable=False,
           pattern=LANGUAGE),
    column("language_method", pa.string(), "How the language was decided.", nullable=False, accepted=LANGUAGE_METHODS),
    column("language_confidence", pa.float64(), "0-1; 1.0 for clean script decisions.", nullable=False,
           at_least=0, at_most=1),
    column("letters", pa.int32(), "Letters in the text (the weight in language shares).", nullable=False, at_least=0),
    column("source_line", pa.int32(), "Line number (text) or block number (HTML) in the source page.",
           nullable=False, at_least=0),
)

ATTACHMENTS = table(
    "One row per file listed on a page.",
    column("doc_id", pa.string(), "Document the attachment is listed on.", key=True, references="documents.doc_id"),
    column("ordinal", pa.int32(), "Position in the page's attachment list, from 1.", key=True, at_least=1),
    column("name", pa.string(), "File name as listed.", nullable=False),
    # attachments.file_type groups by it, so it must be lower case without the dot
    column("extension", pa.string(), "Lower-case extension without the dot ('jpg', 'hwp', 'pdf'); '' when none.",
           nullable=False, pattern=r"[^A-Z.\s]*"),
    column("size_bytes", pa.int64(), "Size in bytes, KB = 1024 and MB = 1024^2, rounded.", at_least=0),
    column("downloads", pa.int64(), "Download count shown on the page.", at_least=0),
    column("url", pa.string(), "The file's link, absolute when the page's URL is known (else as the page wrote it); "
                               "null for a script link ('javascript:fnDown(3)') and for files a text line names."),
    column("source", pa.string(), "Where on the page the file was read.", nullable=False, accepted=ATTACHMENT_SOURCES),
    column("withheld", pa.bool_(), "True when the page lists the file but says it is not public ('비공개 문서', "
                                   "'Not publicly available'); null when it says nothing of it."),
)

QUOTES = table(
    "One row per direct quote found in a document.",
    column("doc_id", pa.string(), "Document the quote is in.", key=True, references="documents.doc_id"),
    column("seq", pa.int32(), "Segment (seq) holding the quote.", nullable=False, references="segments.seq",
           within=("doc_id",)),
    column("ordinal", pa.int32(), "Position among the document's quotes, from 0.", key=True, at_least=0),
    column("speaker", pa.string(), "Speaker as named, pronouns resolved to the last named speaker "
                                   "('he' -> 'Mayor Lee'); the speakers mart resolves it to a person."),
    column("speaker_as_written", pa.string(), "Speaker exactly as the attribution writes it."),
    column("text", pa.string(), "The quoted passage without quote marks or a trailing comma.", nullable=False),
)

BOILERPLATE = table(
    "One row per line the cleaner removed from a page, with the rule that removed it.",
    # not a reference to documents: a rejected page's removed lines carry its rejects.doc_id
    column("doc_id", pa.string(), "Document the line was removed from (or rejected page: rejects.doc_id).",
           nullable=False),
    column("line_no", pa.int32(), "Line (text) or block (HTML) number in the source page.", nullable=False,
           at_least=0),
    column("text", pa.string(), "The removed text.", nullable=False),
    column("rule", pa.string(), "What removed it.", nullable=False, accepted=BOILERPLATE_RULES),
)

REJECTS = table(
    "One row per input file that could not be processed.",
    # a key: a file rejected again by a re-run replaces its old row (warehouse/incremental.py stale_rejects)
    column("source_path", pa.string(), "Input file that could not be processed.", key=True),
    column("reason", pa.string(), "Why, in one word.", nullable=False, accepted=REJECT_REASONS),
    column("detail", pa.string(), "One sentence saying what was wrong.", nullable=False),
    column("source_bytes", pa.int64(), "Size of the file in bytes (-1 when it could not be read).", nullable=False,
           at_least=-1),
    column("content_sha256", pa.string(), "sha256 of the bytes ('' when unreadable or too large).", nullable=False,
           pattern=f"({SHA256})?"),
    column("run_id", pa.string(), "The run that rejected it (see runs).", nullable=False),
    column("doc_id", pa.string(), "The id the page would have as a document: the boilerplate rows of a rejected page "
                                  "(no_article) carry it."),
)

RUNS = table(
    "One row per pipeline run.",
    column("run_id", pa.string(), "Run id: UTC start time and a random suffix.", key=True),
    column("started_at", TS, "When the run started (UTC): the command's start for `cityclips run`, else the flow's.",
           nullable=False),
    column("finished_at", TS, "When the run ended, database built (UTC).", nullable=False, at_least="started_at"),
    column("input_roots", pa.string(), "Inputs given to the run, ';'-separated.", nullable=False),
    column("pages_seen", pa.int64(), "Input files discovered.", nullable=False, at_least=0),
    column("pages_processed", pa.int64(), "Pages processed in this run (new or changed).", nullable=False,
           at_least=0),
    column("pages_unchanged", pa.int64(), "Pages skipped because their content was unchanged.", nullable=False,
           at_least=0),
    column("pages_rejected", pa.int64(), "Pages rejected (see rejects).", nullable=False, at_least=0),
    column("pages_removed", pa.int64(), "Pages of earlier runs no longer in the input; their rows were dropped.",
           nullable=False, at_least=0),
    column("counts_json", pa.string(), "JSON: rows per table, rejects by reason, removed lines by rule, languages, "
                                       "seconds per stage (the runs mart unpacks it).", nullable=False),
    column("pipeline_version", pa.string(), "cityclips version that ran.", nullable=False),
    column("code_fingerprint", pa.string(), "The run's code fingerprint (manifest.code_fingerprint: version, source "
                                            "and options); counts_json's reprocessed_for_code says how many "
                                            "unchanged pages it extracted again because other code or options made "
                                            "them. Null for runs before round 10.", pattern=r"[^:]+:[0-9a-f]{16}"),
)

MANIFEST = table(
    "Internal state for incremental runs (one row per input file); not part of the analyst contract.",
    column("source_path", pa.string(), "Input path relative to its root.", nullable=False),
    column("content_sha256", pa.string(), "sha256 of the bytes last processed.", nullable=False),
    column("size", pa.int64(), "File size when last seen.", nullable=False),
    column("mtime_ns", pa.int64(), "File modification time when last seen (ns).", nullable=False),
    column("status", pa.string(), "'document' or 'reject'.", nullable=False),
    column("template_group", pa.string(), "Template group (site folder and script) the page counted in.",
           nullable=False),
    column("signatures", pa.list_(pa.uint64()), "64-bit signatures of the page's short lines (template detection).",
           nullable=False),
    column("run_id", pa.string(), "Run that last processed the page.", nullable=False),
    column("fingerprint", pa.binary(), "MinHash of the page's article text (transforms/dedup.py); null before dedup."),
    column("article_chars", pa.int32(), "Characters of the page's article text (the most complete copy is canonical)."),
    column("dom_paths", pa.list_(pa.uint64()), "Signatures of the DOM paths of the page's HTML blocks, in block order."),
    column("dom_texts", pa.list_(pa.uint64()), "Line signature (0 when none) of the block at each of dom_paths."),
    column("duplicate_group", pa.string(), "The page's duplicate group when last processed (see documents)."),
    column("canonical_doc_id", pa.string(), "Its group's canonical page when last processed (see documents)."),
    column("code_fingerprint", pa.string(), "The code that made the page's rows: cityclips version, ':', 16 hex of "
                                            "sha256 of the extraction code's source, its libraries' versions and "
                                            "the extraction options (flows/code_version.py). A run with another "
                                            "fingerprint extracts the page again; null before round 10 (older "
                                            "code: extracted again once)."),
    internal=True,
)

TABLES: dict[str, pa.Schema] = {
    "documents": DOCUMENTS, "segments": SEGMENTS, "attachments": ATTACHMENTS, "quotes": QUOTES,
    "boilerplate": BOILERPLATE, "rejects": REJECTS, "runs": RUNS, "manifest": MANIFEST, "links": LINKS,
}
# Tables whose rows belong to a page and are replaced when the page changes.
PAGE_TABLES = ("documents", "segments", "attachments", "quotes", "boilerplate", "links")
