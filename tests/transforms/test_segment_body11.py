"""transforms/segment.py, round 11 (body11): a note keeps its mark '※' as its marker (the text reads as the page)."""
from __future__ import annotations

from cityclips.transforms.pipeline import process_page
from cityclips.transforms.records import Document, RawPage


def _document(html: str) -> Document:
    doc = process_page(RawPage("page.html", html.encode("utf-8"), "html"))
    assert isinstance(doc, Document), doc
    return doc


def test_a_note_keeps_its_mark_korean() -> None:
    doc = _document("<html><head><title>입주기업 모집</title></head><body><div class='view'><h1>입주기업 모집</h1>"
                    "<p>울진 해양바이오 연구단지의 입주기업을 다음과 같이 모집하오니 많은 참여 바랍니다.</p>"
                    "<p>- 입주보증금 : 임대료 12 개월분 선납</p><p>※ 임대료 연체시, 입주보증금 차감 후 소진시 퇴거 조치</p></div></body></html>")
    notes = [(s.marker, s.text) for s in doc.segments if s.kind == "note"]
    assert notes == [("※", "임대료 연체시, 입주보증금 차감 후 소진시 퇴거 조치")]
    assert "※ 임대료 연체시, 입주보증금 차감 후 소진시 퇴거 조치" in doc.body_text


def test_a_note_keeps_its_mark_english() -> None:
    doc = _document("<html><head><title>Tenant call</title></head><body><div class='view'><h1>Tenant call</h1>"
                    "<p>The research park invites companies to apply for its offices, as set out below.</p>"
                    "<p>※ Figures are provisional.</p></div></body></html>")
    notes = [(s.marker, s.text) for s in doc.segments if s.kind == "note"]
    assert notes == [("※", "Figures are provisional.")]
    assert "※ Figures are provisional." in doc.body_text
