"""transforms/region.py and clean.py, round 11 (body11): a thin event's date box named 'date' is its fact."""
from __future__ import annotations

import pytest

from cityclips.transforms.html import html_blocks
from cityclips.transforms.pipeline import process_page
from cityclips.transforms.records import Document, RawPage

CASES = [("Board Meeting", "Tue, Jul 30 2024, 9 - 11am",
          "The RTA Board of Trustees will meet at 9 a.m. in the Main Office Board Room, 1240 West 6th Street."),
         ("이사회 정기회의", "2024년 7월 30일 (화) 오전 9시",
          "교통공사 이사회가 본사 대회의실에서 정기회의를 엽니다. 시민 누구나 방청할 수 있습니다.")]


def _page(title: str, when: str, desc: str) -> str:
    # a Drupal event: the date, the place and the body in blocks of their own inside the main column
    return (f"<!DOCTYPE html><html><head><title>{title}</title></head><body><main><h1>{title}</h1>"
            "<div class='main-region'>"
            f"<div class='block block-views block-views-blockevents-date-block'><div class='content'>"
            f"<div class='views-field'><h2 class='field-content'>{when}</h2></div></div></div>"
            f"<div class='block block-field-body'><div class='content'><div class='field__item'><p>{desc}</p>"
            "</div></div></div></div>"
            "<div class='links'><p>Visit 120 parks</p></div></main></body></html>")


@pytest.mark.parametrize("title, when, desc", CASES)
def test_a_thin_events_date_box_is_its_content_though_named_date(title: str, when: str, desc: str) -> None:
    content = [b.text for b in html_blocks(_page(title, when, desc))[0] if not b.excluded_by]
    assert when in content and desc in content


@pytest.mark.parametrize("title, when, desc", CASES)
def test_a_heading_that_states_only_when_is_a_paragraph(title: str, when: str, desc: str) -> None:
    # (the Korean date heading came out a paragraph before clean's rule too: segment reads it as no section)
    doc = process_page(RawPage("event.html", _page(title, when, desc).encode("utf-8"), "html"))
    assert isinstance(doc, Document), doc
    kinds = {s.text: s.kind for s in doc.segments}
    assert kinds.get(when) == "paragraph"
