"""transforms/clean.py (round 13, meta13): a contact card in a box its class names metadata, in both languages."""
from __future__ import annotations

from cityclips.transforms.pipeline import corpus_templates, process_page
from cityclips.transforms.records import Document, RawPage


def _contact(html: str) -> tuple[str | None, str | None]:
    raw = RawPage("site/page.html", html.encode("utf-8"), "html")
    doc = process_page(raw, corpus_templates([raw]))
    assert isinstance(doc, Document)
    return doc.metadata.contact_department, doc.metadata.contact_phone


_PAGE = ("<html><head><title>{title}</title></head><body><main><h1>{title}</h1><p>{text}</p><p>{text}</p></main>"
         "<div class='event-meta'><h3>{label}</h3><p>{office}</p><p>{phone_label}</p><p>{phone}</p></div></body></html>")


def test_a_card_in_a_meta_box_beside_the_article_says_whom_to_call() -> None:
    english = _PAGE.format(title="November 2017 Regular Board Meeting", label="Contact Information",
                           office="Office of the Board of Trustees", phone_label="Phone:", phone="312-553-2515",
                           text="The November regularly scheduled Board meeting of the Board of Trustees will be held "
                                "at the District Office on Thursday morning, and the public is invited to attend.")
    assert _contact(english) == ("Office of the Board of Trustees", "312-553-2515")
    korean = _PAGE.format(title="2025년 제3차 청년정책위원회 개최", label="연락처 정보", office="청년정책과", phone_label="전화 :",
                          phone="062-613-2321", text="광주광역시는 12월 6일 시청 3층 회의실에서 제3차 청년정책위원회를 열고 "
                                                     "내년도 청년 일자리 사업 계획을 심의한다고 밝혔다.")
    assert _contact(korean) == ("청년정책과", "062-613-2321")
