"""Property tests (hypothesis) on the pure pipeline.

- no input makes process_page fail: it returns a Document or a Reject, and never the 'error' reject
  that stands for an exception it caught;
- cleaning is idempotent where it can be: re-processing a page rebuilt from a document (its title,
  a blank line, its body_text) removes none of the body lines again and finds the same title;
- every segment's text comes from the page: it is a substring of the page's kept lines (the lines
  the cleaner did not remove, joined, whitespace collapsed), markers stripped from list items;
- a Parquet round trip through the warehouse writer returns the rows unchanged.

Examples are derandomised so a failure reproduces on every run and machine.
"""
from __future__ import annotations

import html
import re
from collections import Counter
from datetime import datetime

import pyarrow.parquet as pq
from hypothesis import HealthCheck, Phase, event, given, settings
from hypothesis import strategies as st

from cityclips.transforms.decode import normalise_text
from cityclips.transforms.pipeline import process_page
from cityclips.transforms.records import Document, RawPage, Reject
from cityclips.warehouse.rows import tables_for
from cityclips.warehouse.schemas import TABLES
from cityclips.warehouse.store import Warehouse

PROPERTY_SETTINGS = settings(max_examples=100, deadline=None, derandomize=True, database=None,
                             suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

CHROME_LINES = ["Shortcut to the text", "본문 바로가기", "주메뉴 바로가기", "Gwangju city", "모바일메뉴 열기", "전체메뉴",
                "검색", "Login", "Sitemap", "홈 > 광주소식 > 보도자료", "Home > News > News Clips", "목록", "인쇄",
                "Copyright © Gwangju Metropolitan City. All rights reserved.", "담당부서 : 대변인실 (062-613-2000)",
                "첨부파일", "보도자료.hwp[size: 58.5 KB, Download: 34]", "News Clips", "보도자료"]
METADATA_LINES = ["Name : admin Date : 2020-01-07 13:25 57", "작성자 : 대변인실 작성일 : 2024-01-02 10:00 조회수 : 15",
                  "Date : 2023-05-04 Views : 1234"]
MARKERS = ["①", "②", "-", "○", "·", "1.", "2.", "가.", "(1)", "*", "▶", "※", "□", "|"]
WORDS = st.sampled_from(["Gwangju", "city", "budget", "citizens", "the", "and", "opened", "new", "library",
                         "광주시는", "예산을", "확보했다고", "밝혔다", "시민", "지원", "사업", "2024", "AI", "“quoted”",
                         "said", "Mayor", "Lee", "(", ")", ",", ".", "—", "’s"])
PROSE = st.lists(WORDS, min_size=3, max_size=25).map(" ".join)


@st.composite
def article_pages(draw) -> str:
    """A text dump shaped like the scraped pages: chrome, a headline, metadata, body lines, footer."""
    lines = draw(st.lists(st.sampled_from(CHROME_LINES), max_size=5))
    lines += [draw(PROSE.filter(lambda t: len(t) < 120)), draw(st.sampled_from(METADATA_LINES)), ""]
    for _ in range(draw(st.integers(1, 12))):
        kind = draw(st.sampled_from(["prose", "prose", "item", "chrome", "blank", "bullet"]))
        if kind == "prose":
            lines.append(draw(PROSE))
        elif kind == "item":
            lines.append(f"{draw(st.sampled_from(MARKERS))} {draw(PROSE)}")
        elif kind == "bullet":
            lines.append(f"{' ' * draw(st.sampled_from([2, 4]))}• {draw(PROSE)}")
        elif kind == "chrome":
            lines.append(draw(st.sampled_from(CHROME_LINES)))
        else:
            lines.append("")
    lines += draw(st.lists(st.sampled_from(CHROME_LINES), max_size=3))
    return "\n".join(lines)


@st.composite
def html_pages(draw) -> str:
    """Simple HTML articles: headings, paragraphs with inline tags and entities, lists, chrome elements."""
    parts = ["<html><head><title>City news</title><script>var x = 1;</script></head><body>",
             "<nav><ul>" + "".join(f"<li><a href='#'>{c}</a></li>" for c in CHROME_LINES[:5]) + "</ul></nav>",
             f"<h1>{draw(PROSE)}</h1>"]
    for _ in range(draw(st.integers(1, 8))):
        kind = draw(st.sampled_from(["p", "p", "inline", "h2", "ul", "ol", "br"]))
        if kind == "p":
            parts.append(f"<p>{draw(PROSE)}</p>")
        elif kind == "inline":
            parts.append(f"<p>{draw(PROSE)} <b>{draw(PROSE)}</b> &amp; <a href='#'>{draw(PROSE)}</a></p>")
        elif kind == "h2":
            parts.append(f"<h2>{draw(PROSE)}</h2>")
        elif kind == "br":
            parts.append(f"<p>{draw(PROSE)}<br>{draw(PROSE)}</p>")
        else:
            items = draw(st.lists(PROSE, min_size=1, max_size=4))
            parts.append(f"<{kind}>" + "".join(f"<li>{item}</li>" for item in items) + f"</{kind}>")
    parts.append("<footer>Copyright © Gwangju Metropolitan City.</footer></body></html>")
    return "".join(parts)


def _collapse(text: str) -> str:
    return " ".join(text.split())


# --- no input makes the pipeline fail ----------------------------------------------------------------

def _never_fails(raw: RawPage) -> Document | Reject:
    result = process_page(raw)
    event(f"reject {result.reason}" if isinstance(result, Reject) else "document")
    assert isinstance(result, (Document, Reject))
    assert not (isinstance(result, Reject) and result.reason == "error"), result.detail
    return result


@PROPERTY_SETTINGS
@given(text=st.text(max_size=3000), fmt=st.sampled_from(["text", "html"]))
def test_arbitrary_text_never_fails(text, fmt):
    _never_fails(RawPage(f"page.{'html' if fmt == 'html' else 'txt'}", text.encode("utf-8", "surrogatepass"), fmt))


MIN_CORRUPTED_PAGE_CHARS = 500
KOREAN_PROSE = st.lists(st.sampled_from(["광주시는", "예산을", "확보했다고", "밝혔다", "시민", "지원", "사업", "인공지능",
                                         "산업을", "육성한다"]), min_size=5, max_size=15).map(" ".join)
MIN_HANGUL = 60  # stray bytes are judged against the page's other non-ASCII characters (decode.STRAY_BYTES_RATIO)


@st.composite
def corrupted_pages(draw, encodings=("utf-8", "euc-kr"), min_hangul=MIN_HANGUL, max_junk=3) -> tuple[bytes, bytes]:
    """(page, corrupted page): an article text dump of some Korean prose, encoded as UTF-8 or EUC-KR,
    and the same bytes with up to three short runs of arbitrary bytes (no NUL: a NUL makes a file
    binary) written over them, as a truncated download or a bad transcoding leaves them."""
    text = draw(article_pages())
    while len(text) < MIN_CORRUPTED_PAGE_CHARS or sum("가" <= c <= "힣" for c in text) < min_hangul:
        text += "\n" + draw(KOREAN_PROSE if min_hangul else PROSE)
    page = text.encode(draw(st.sampled_from(encodings)), "replace")
    data = bytearray(page)
    for _ in range(draw(st.integers(1, 3))):
        junk = draw(st.binary(min_size=1, max_size=max_junk).map(lambda b: b.replace(b"\0", b"?")))
        at = draw(st.integers(0, len(data)))
        data[at:at + len(junk)] = junk
    return page, bytes(data)


@PROPERTY_SETTINGS
@given(data=st.binary(max_size=5000), fmt=st.sampled_from(["text", "html"]))
def test_arbitrary_bytes_never_fail(data, fmt):
    _never_fails(RawPage(f"page.{'html' if fmt == 'html' else 'txt'}", data, fmt))


# measured on 100 derandomised examples each (issue 19): Korean pages 91 documents and 9 undecodable
# at first (a junk byte on an ASCII line went to the detector, and no codec fitted), 97 and 3 once the
# detector reads the dense lines (transforms/decode.py _dense_lines); mostly-English UTF-8 pages with
# one bad byte 100 of 100
MIN_KOREAN_DOCUMENT_SHARE = 0.94
MIN_ENGLISH_DOCUMENT_SHARE = 0.95
SHARE_SETTINGS = settings(max_examples=100, deadline=None, derandomize=True, database=None,
                          phases=[Phase.generate],  # a share is measured, not one failure shrunk
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


def _document_share(strategy) -> tuple[float, Counter]:
    """Share of corrupted pages that stay documents (of those whose clean page is one), and the
    outcomes of the corrupted pages by reject reason."""
    outcomes: Counter = Counter()

    @SHARE_SETTINGS
    @given(pages=strategy)
    def measure(pages: tuple[bytes, bytes]) -> None:
        page, corrupted = pages
        assert isinstance(_never_fails(RawPage("site/page.txt", page, "text")), Document)
        after = _never_fails(RawPage("site/page.txt", corrupted, "text"))
        outcomes["document" if isinstance(after, Document) else after.reason] += 1

    measure()
    return outcomes["document"] / sum(outcomes.values()), outcomes


def test_a_few_bad_bytes_keep_most_korean_documents_documents():
    """Arbitrary bytes alone (the test above) take a reject path every time (binary, undecodable,
    empty, no_article); arbitrary bytes written over a page of Korean prose (UTF-8 or EUC-KR) leave
    a document, its bad bytes replaced, for a measured share of examples (issue 19). The rest may
    only be 'undecodable', never an error or another reason."""
    share, outcomes = _document_share(corrupted_pages())
    assert share >= MIN_KOREAN_DOCUMENT_SHARE, outcomes
    assert set(outcomes) <= {"document", "undecodable"}, outcomes


def test_one_bad_byte_keeps_mostly_english_documents_documents():
    share, outcomes = _document_share(corrupted_pages(encodings=("utf-8",), min_hangul=0, max_junk=1))
    assert share >= MIN_ENGLISH_DOCUMENT_SHARE, outcomes
    assert set(outcomes) <= {"document", "undecodable"}, outcomes


@PROPERTY_SETTINGS
@given(page=article_pages(), encoding=st.sampled_from(["utf-8", "cp949", "utf-8-sig", "utf-16"]))
def test_article_shaped_pages_never_fail(page, encoding):
    _never_fails(RawPage("site/page.txt", page.encode(encoding, "replace"), "text"))


@PROPERTY_SETTINGS
@given(page=html_pages())
def test_html_pages_never_fail(page):
    _never_fails(RawPage("site/page.html", page.encode(), "html"))


# --- cleaning is idempotent ----------------------------------------------------------------------------

def _rebuilt(document: Document) -> RawPage:
    """A page holding only what the document kept: the title where the cleaner looks for it, then the body.

    A text page gets a metadata line under the title (the anchor the cleaner finds a text title by); an
    HTML page gets the title as <h1> and one <p> per body line.
    """
    title, body = document.metadata.title, document.body_text
    if document.source_format == "html":
        paragraphs = "".join(f"<p>{html.escape(line)}</p>" for line in body.split("\n"))
        return RawPage(document.source_path, f"<html><body><h1>{html.escape(title)}</h1>{paragraphs}</body></html>"
                       .encode(), "html")
    return RawPage(document.source_path, f"{title}\n{METADATA_LINES[0]}\n\n{body}".encode(), "text")


def _assert_clean_again(document: Document) -> None:
    """Nothing of the body is removed again, and the title is found again.

    One exception holds by design: a body line that repeats the title word for word is, once it sits
    right under the title, the headline's repeat, which the cleaner drops (rule title_repeat).
    """
    again = process_page(_rebuilt(document))
    title = _collapse(document.metadata.title)
    body_lines = {line for line in document.body_text.split("\n") if _collapse(line) != title}
    if isinstance(again, Reject):
        assert again.reason == "no_article" and not body_lines, f"the rebuilt page was rejected: {again}"
        return
    removed_again = [(r.text, r.rule) for r in again.removed if r.text in body_lines]
    assert not removed_again, f"article lines removed on the second pass: {removed_again}"
    assert again.metadata.title == document.metadata.title


@PROPERTY_SETTINGS
@given(page=article_pages())
def test_cleaning_a_clean_text_page_removes_nothing_more(page):
    document = process_page(RawPage("site/page.txt", page.encode(), "text"))
    event("document" if isinstance(document, Document) else f"reject {document.reason}")
    if isinstance(document, Document) and document.metadata.title:
        _assert_clean_again(document)


@PROPERTY_SETTINGS
@given(page=html_pages())
def test_cleaning_a_clean_html_page_removes_nothing_more(page):
    document = process_page(RawPage("site/page.html", page.encode(), "html"))
    event("document" if isinstance(document, Document) else f"reject {document.reason}")
    if isinstance(document, Document) and document.metadata.title:
        _assert_clean_again(document)


# --- segments come from the page -----------------------------------------------------------------------

def _kept_text(page: str, document: Document) -> str:
    """The page's lines that the cleaner kept (title included), whitespace collapsed."""
    removed = {r.line_no for r in document.removed}
    lines = normalise_text(page).split("\n")
    return _collapse(" ".join(line for number, line in enumerate(lines, start=1) if number not in removed))


@PROPERTY_SETTINGS
@given(page=article_pages())
def test_every_text_segment_comes_from_the_kept_lines(page):
    document = process_page(RawPage("site/page.txt", page.encode(), "text"))
    if not isinstance(document, Document):
        return
    kept = _kept_text(page, document)
    for segment in document.segments:
        assert _collapse(segment.text) in kept, f"{segment.kind} {segment.text!r} is not in the page"
        if segment.kind == "list_item" and segment.marker and segment.marker != "•":
            assert not segment.text.startswith(f"{segment.marker} "), "list marker left in the text"
            assert re.search(re.escape(segment.marker) + r"\s*" + re.escape(_collapse(segment.text)), kept), \
                f"marker {segment.marker!r} does not precede {segment.text!r} in the page"


@PROPERTY_SETTINGS
@given(page=html_pages())
def test_every_html_segment_comes_from_the_page_text(page):
    import lxml.html
    document = process_page(RawPage("site/page.html", page.encode(), "html"))
    if not isinstance(document, Document):
        return
    page_text = "".join("".join(lxml.html.document_fromstring(page).find("body").itertext()).split())
    for segment in document.segments:
        assert "".join(segment.text.split()) in page_text, f"{segment.kind} {segment.text!r} is not in the page"


# --- Parquet round trip ---------------------------------------------------------------------------------

@settings(max_examples=40, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(pages=st.lists(st.one_of(article_pages().map(lambda p: RawPage("site/a.txt", p.encode(), "text")),
                                html_pages().map(lambda p: RawPage("site/b.html", p.encode(), "html")),
                                st.binary(max_size=300).map(lambda b: RawPage("site/c.txt", b, "text"))),
                      min_size=1, max_size=4))
def test_parquet_round_trip_returns_identical_rows(pages, tmp_path_factory):
    results = [process_page(RawPage(f"{i}/{raw.source_path}", raw.data, raw.source_format)) for i, raw in enumerate(pages)]
    tables = tables_for(results, "run-1", datetime(2026, 1, 2, 3, 4, 5, 678901))
    writer = Warehouse(tmp_path_factory.mktemp("roundtrip")).begin()
    for name, table in tables.items():
        path = writer.write(name, table, "part")
        if path is None:
            assert table.num_rows == 0
            continue
        back = pq.read_table(path)
        assert back.schema.equals(TABLES[name], check_metadata=False)
        assert back.to_pylist() == table.to_pylist()
