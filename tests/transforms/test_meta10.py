"""Round 10 (meta10): soft hyphens, reversed path titles, reworded headings, unlabelled bylines, contacts."""
from __future__ import annotations

from cityclips.transforms.decode import normalise_text
from cityclips.transforms.pipeline import process_page
from cityclips.transforms.reconcile import reconcile_metadata, title_hints
from cityclips.transforms.records import Document, MarkupMetadata, Metadata, RawPage


def html_doc(html: str) -> Document:
    doc = process_page(RawPage("page.html", html.encode("utf-8"), "html"))
    assert isinstance(doc, Document), doc
    return doc


# --- soft hyphens -----------------------------------------------------------------------------------

def test_soft_hyphens_leave_text_in_both_languages() -> None:
    assert normalise_text("Attor\u00adney Gen\u00ader\u00adal") == "Attorney General"
    assert normalise_text("광주\u00ad광역시 보도\u00ad자료") == "광주광역시 보도자료"


def test_a_headline_written_with_soft_hyphens_is_the_title_without_them() -> None:
    body = "<p>" + "The office filed the lawsuit in state court on Tuesday after a long investigation. " * 3 + "</p>"
    doc = html_doc(f"<html><body><main><h1>Attor\u00adney Gen\u00ader\u00adal Sues Snap\u00adchat</h1>{body}</main></body></html>")
    assert doc.metadata.title == "Attorney General Sues Snapchat"
    korean = "<p>" + "광주광역시는 시민 안전 대책을 발표했다고 밝혔다. 대책은 올해 안에 시행된다. " * 3 + "</p>"
    doc = html_doc(f"<html><body><main><h1>광주\u00ad광역시 시민 안전 대책 발표</h1>{korean}</main></body></html>")
    assert doc.metadata.title == "광주광역시 시민 안전 대책 발표"


# --- a <title> written as a path from the page to the site -------------------------------------------

def test_a_reversed_path_title_gives_no_middle_step_as_a_headline_hint() -> None:
    korean = MarkupMetadata(titles=(("html_title", "상세보기 < 공고 < 암질환 사용약제 및 요법 < 약제기준정보 < 건강보험심사평가원"),))
    hints = [text for _, text in title_hints(korean)]
    assert "암질환 사용약제 및 요법" not in hints and not any("<" in hint for hint in hints)
    english = MarkupMetadata(titles=(("html_title", "Details < Public Notices < Drug Benefit Standards < Review Service"),))
    assert "Drug Benefit Standards" not in [text for _, text in title_hints(english)]


def test_a_path_titles_end_step_does_not_replace_a_visible_headline_line() -> None:
    korean = MarkupMetadata(titles=(("html_title", "상세보기 < 공고 < 약제기준정보 < 건강보험심사평가원"),))
    line = Metadata(title="암환자에게 처방·투여하는 약제에 대한 공고 개정 안내", title_source="text_line")
    assert reconcile_metadata(korean, line).title == line.title
    english = MarkupMetadata(titles=(("html_title", "Event Details < Calendar < Board of Elections"),))
    line = Metadata(title="Board meeting on the certification of the primary", title_source="text_line")
    assert reconcile_metadata(english, line).title == line.title
    # a visible pick of a word or two still gives way to the path's end step
    assert reconcile_metadata(english, Metadata(title="Calendar", title_source="text_line")).title == "Event Details"


# --- a visible heading that rewords the markup's headline -------------------------------------------

def test_a_heading_that_rewords_the_markup_headline_stays_in_both_languages() -> None:
    shown = "Parliament paves way for the use of EU funds to finance natural disaster recovery"
    og = "EP paves way for the use of EU funds to finance natural disaster recovery | News | European Parliament"
    english = MarkupMetadata(titles=(("opengraph", og), ("meta", og), ("html_title", og)))
    meta = reconcile_metadata(english, Metadata(title=shown, title_source="heading"))
    assert (meta.title, meta.title_source) == (shown, "opengraph")
    og = "광주광역시 새 공원 30곳 올해 안에 개장 | 보도자료 | 광주광역시청"
    korean = MarkupMetadata(titles=(("opengraph", og), ("meta", og)))
    shown = "광주시 새 공원 30곳 올해 안에 개장"
    assert reconcile_metadata(korean, Metadata(title=shown, title_source="heading")).title == shown
    # a heading that shares a word or two with the markup's headline is another line: the markup wins
    other = reconcile_metadata(korean, Metadata(title="광주시 새 소식 모음 안내", title_source="heading"))
    assert other.title != "광주시 새 소식 모음 안내"
