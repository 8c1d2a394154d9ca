"""Round 14 (title14): a date alone is never a page's title; an <h1> that repeats the breadcrumb's last step is the
headline when the markup's title names the page so too (the breadcrumb ends at the page, not at a section)."""
from __future__ import annotations

from cityclips.transforms.clean import is_bare_date
from cityclips.transforms.pipeline import process_page
from cityclips.transforms.records import Document, RawPage

KOREAN_PROSE = "<p>" + "광주광역시는 시민 안전 대책을 발표했다고 밝혔다. 대책은 올해 안에 시행된다. " * 3 + "</p>"
ENGLISH_PROSE = "<p>" + "The office filed the lawsuit in state court on Tuesday after a long investigation. " * 3 + "</p>"


def title_of(head: str, body: str) -> str | None:
    doc = process_page(RawPage("page.html", f"<html><head>{head}</head><body>{body}</body></html>".encode("utf-8"), "html"))
    assert isinstance(doc, Document), doc
    return doc.metadata.title


def _release(crumbs: str, headline: str, date: str, prose: str) -> str:
    return (f"<nav><p>{crumbs}</p></nav><div class='page'><h1>{headline}</h1>"
            f"<div class='content'><h2>{date}</h2>{prose}{prose}</div></div>")


# --- a date alone is never the title ------------------------------------------------------------------

def test_a_bare_date_is_told_from_a_headline_with_a_date() -> None:
    for date in ("16 April 2020", "Thursday, April 16, 2020", "2025. 12. 06.", "2025. 12. 06.(토)", "2025년 12월 6일"):
        assert is_bare_date(date), date
    for line in ("Coronavirus update - 16 April 2020", "2025년 12월 6일 시민 안전 대책 발표", "Meeting 3/4/2025", "2020 Annual Report"):
        assert not is_bare_date(line), line


def test_a_date_heading_under_the_headline_is_not_the_title() -> None:
    # the <title>'s date part matches the page's date heading: the date says when, the <title> what
    for headline, date, site, prose in (
            ("Queensland coronavirus update", "16 April 2020", "Queensland Health", ENGLISH_PROSE),
            ("시민 안전 대책 발표", "2025. 12. 06.", "광주광역시", KOREAN_PROSE)):
        body = f"<div><h2>{date}</h2>{prose}{prose}</div>"
        title = title_of(f"<title>{headline} - {date} | {site}</title>", body)
        assert title != date and title.startswith(headline), title


# --- the breadcrumb's last step, named by the <title> too, is the headline ---------------------------

def test_an_h1_repeating_the_breadcrumbs_last_step_is_the_title() -> None:
    # a heading further down holds the headline's words too ('Stories of women in wartime' among the links): the
    # <h1> the breadcrumb ends at, named by the <title>, is the headline
    for crumbs, headline, longer, site, prose in (
            ("Home &gt; About Australia &gt; Australian Stories &gt; Women in wartime", "Women in wartime",
             "Stories of women in wartime", "australia.gov.au", ENGLISH_PROSE),
            ("홈 &gt; 광주 이야기 &gt; 전쟁 속 여성들", "전쟁 속 여성들", "광주의 전쟁 속 여성들", "광주광역시", KOREAN_PROSE)):
        body = (f"<nav><p>{crumbs}</p></nav><div class='page'><h1>{headline}</h1>"
                f"<div class='content'>{prose}{prose}<h3>{longer}</h3>{prose}</div></div>")
        assert title_of(f"<title>{headline} | {site}</title>", body) == headline


def test_the_breadcrumbs_last_step_stays_a_section_when_the_title_names_another_page() -> None:
    # the <h1> repeats the last step but the <title> names a page of its own: the step is the section's
    for crumbs, section, headline, site, prose in (
            ("Home &gt; News &gt; Media releases", "Media releases", "Queensland coronavirus update", "Queensland Health",
             ENGLISH_PROSE),
            ("홈 &gt; 알림 &gt; 보도자료", "보도자료", "시민 안전 대책 발표", "광주광역시", KOREAN_PROSE)):
        body = (f"<nav><p>{crumbs}</p></nav><div class='page'><h1>{section}</h1>"
                f"<div class='content'><h2>{headline}</h2>{prose}{prose}</div></div>")
        assert title_of(f"<title>{headline} | {site}</title>", body) == headline
