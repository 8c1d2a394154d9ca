"""Segmentation conventions on small hand-made pages, English and Korean, text and HTML."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from cityclips.transforms.pipeline import process_page
from cityclips.transforms.records import Document, RawPage


def segments_of(text: str, fmt: str = "text") -> list:
    doc = process_page(RawPage("page." + ("html" if fmt == "html" else "txt"), text.encode("utf-8"), fmt))
    assert isinstance(doc, Document), doc
    return list(doc.segments)


def items(segments) -> list[tuple]:
    return [(s.marker, s.depth, s.text[:12]) for s in segments if s.kind == "list_item"]


ENGLISH_NESTED = """News Clips

City budget for 2024 announced

Name : admin Date : 2024-01-05 09:30 12

<Key initiatives>

① Expansion of subway line 2
② Creation of quality jobs in five industries

<Five industries>
1. AI industry
2. Hydrogen industry

③ Safer streets for children

First, the city will open three new parks.

Second, the city will repair 40 bridges.

※ Figures are provisional.
"""


def test_circled_items_nest_numbered_items_and_get_their_heading_back() -> None:
    segments = segments_of(ENGLISH_NESTED)
    by_text = {s.text: s for s in segments}
    assert items(segments) == [("①", 0, "Expansion of"), ("②", 0, "Creation of "), ("1.", 1, "AI industry"),
                               ("2.", 1, "Hydrogen ind"), ("③", 0, "Safer street")]
    second = by_text["Creation of quality jobs in five industries"]
    assert by_text["AI industry"].parent_seq == second.seq
    key = by_text["Key initiatives"]
    assert key.kind == "heading" and by_text["Five industries"].kind == "heading"
    assert by_text["AI industry"].heading_seq == by_text["Five industries"].seq
    assert by_text["Safer streets for children"].heading_seq == key.seq  # the list resumes under its heading


def test_ordinal_prose_stays_paragraphs_with_an_ordinal_and_notes_lose_their_mark() -> None:
    segments = segments_of(ENGLISH_NESTED)
    ordinals = [(s.kind, s.ordinal) for s in segments if s.ordinal]
    assert ordinals == [("paragraph", 1), ("paragraph", 2)]
    assert [s.text for s in segments if s.kind == "note"] == ["Figures are provisional."]


KOREAN_PRESS = """보도자료

광주시, 인공지능 데이터센터 확충

작성자 : 대변인실 등록일 : 2024-03-02 10:15 조회수 : 1234

| 연산 능력 2배로

□ 추진 배경

○ 인공지능 기업의 수요 급증
 - 이용 신청 기업 412곳
  · 대기 기업 128곳
○ 지역 기업 지원 확대

첫째, 연산 자원을 늘린다.

김민석 본부장은 “데이터센터 확충은 핵심 기반”이라며 “지역 기업들을 지원하겠다”고 말했다.
"""


def test_korean_press_release_depths_parents_and_quotes() -> None:
    segments = segments_of(KOREAN_PRESS)
    assert [(s.marker, s.depth, s.text) for s in segments if s.kind == "list_item"] == [
        ("○", 0, "인공지능 기업의 수요 급증"), ("-", 1, "이용 신청 기업 412곳"), ("·", 2, "대기 기업 128곳"),
        ("○", 0, "지역 기업 지원 확대")]
    list_items = [s for s in segments if s.kind == "list_item"]
    assert [s.parent_seq for s in list_items] == [None, list_items[0].seq, list_items[1].seq, None]
    assert [s.kind for s in segments[:3]] == ["title", "summary", "heading"]
    assert next(s for s in segments if s.text.startswith("첫째")).ordinal == 1
    assert all(s.language == "ko" for s in segments)
    doc = process_page(RawPage("ko.txt", KOREAN_PRESS.encode(), "text"))
    assert [(q.speaker, q.text) for q in doc.quotes] == [("김민석 본부장", "데이터센터 확충은 핵심 기반"),
                                                        ("김민석 본부장", "지역 기업들을 지원하겠다")]


HTML_LISTS = """<html><head><title>Bus routes | Daejeon</title></head><body>
<header><nav><a href="/">Home</a><a href="/a">A</a><a href="/b">B</a><a href="/c">C</a></nav></header>
<div class="location">Home &gt; News &gt; Press Releases</div>
<article><h3>New bus routes from March</h3>
<p>The city will change 12 bus routes from 1 March, it said on Monday.</p>
<h4>Changes</h4>
<ol><li>Route 101 goes to the station<ul><li>every 10 minutes</li></ul></li><li>Route 102 ends</li></ol>
<figure><img src="a.jpg" alt="bus"><figcaption>A new low-floor bus</figcaption></figure>
</article><footer>Copyright Daejeon</footer></body></html>"""


def test_html_ordered_and_nested_lists_keep_markup_depth_and_markers() -> None:
    segments = segments_of(HTML_LISTS, "html")
    assert items(segments) == [("1.", 0, "Route 101 go"), ("•", 1, "every 10 min"), ("2.", 0, "Route 102 en")]
    assert segments[0].kind == "title" and segments[0].text == "New bus routes from March"
    assert [s.text for s in segments if s.kind == "caption"] == ["A new low-floor bus"]
    nested = next(s for s in segments if s.text == "every 10 minutes")
    assert segments[nested.parent_seq].text == "Route 101 goes to the station"


def test_broken_lines_are_rejoined_only_where_they_belong_together() -> None:
    text = ("Title of the page\n\nName : admin Date : 2024-01-05 09:30 12\n\nThe city said the new centre,\n"
            "which opens in May, will serve 3,000 people.\n\nA second paragraph stands alone.\n")
    paragraphs = [s.text for s in segments_of(text) if s.kind == "paragraph"]
    assert paragraphs == ["The city said the new centre, which opens in May, will serve 3,000 people.",
                          "A second paragraph stands alone."]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(["① item one", "1. sub item", "- dash item", "○ 항목", "· 세부", "□ 제목",
                                 "<Heading>", "Plain paragraph text here.", "※ note", "| summary", "",
                                 "“Quoted speech here for all,” said Mayor Kim."]), min_size=1, max_size=25))
def test_segments_are_contiguous_non_empty_and_come_from_the_page(lines: list[str]) -> None:
    text = "Some headline\n\nName : admin Date : 2024-01-05 09:30 12\n\n" + "\n".join(lines)
    result = process_page(RawPage("p.txt", text.encode(), "text"))
    if not isinstance(result, Document):
        return
    assert [s.seq for s in result.segments] == list(range(len(result.segments)))
    squashed = "".join(text.split())
    for segment in result.segments:
        assert segment.text.strip()
        assert "".join(segment.text.split()) in squashed
        if segment.parent_seq is not None:
            parent = result.segments[segment.parent_seq]
            assert parent.kind == "list_item" and parent.depth < segment.depth


NUMBERED_HEADINGS = """Title of a static page

1. 추진배경

○ 폭염 일수 증가
○ 쉼터 이용 확대

2. Location

Jeju lies south of the peninsula.

1. First item
2. Second item
"""


def test_a_numbered_line_standing_alone_is_a_heading_but_numbered_runs_stay_lists() -> None:
    segments = segments_of(NUMBERED_HEADINGS)
    assert [(s.kind, s.text) for s in segments if s.kind == "heading"] == [("heading", "추진배경"), ("heading", "Location")]
    assert items(segments) == [("○", 0, "폭염 일수 증가"), ("○", 0, "쉼터 이용 확대"), ("1.", 0, "First item"),
                               ("2.", 0, "Second item")]


def test_a_marked_sentence_or_field_line_is_not_a_heading() -> None:
    page = ("보도자료\n\n어린이 안전 캠페인 개최\n\n작성자 : 대변인실 등록일 : 2024-05-02 09:10 조회수 : 12\n\n"
            "□ 추진 배경\n\n□ 시는 4일 시청 광장에서 어린이 교통안전 캠페인을 열고 시민 500명과 함께 안전 수칙을 알렸다.\n\n"
            "■모집기간 : 2025.6.18.(수)~6.24.(화)\n")
    kinds = [(s.kind, s.text[:8]) for s in segments_of(page)]
    assert ("heading", "추진 배경") in kinds
    # '■' is a bullet (round 10): the field line is a list item, never a heading
    assert ("paragraph", "□ 시는 4일 ") in kinds and ("list_item", "모집기간 : 2") in kinds


def test_a_latin_o_marks_a_list_item_as_the_korean_circle_does() -> None:
    page = ("공지사항\n\n지원사업 모집 공고\n\n작성자 : 관리자 등록일 : 2025-06-20 10:00 조회수 : 3\n\n"
            "신청 안내는 다음과 같습니다.\n\no 사업기간 : 선정 후 ~ 2025. 9. 30.\no 접수방법 : 이메일 접수\n")
    assert [(marker, depth) for marker, depth, _ in items(segments_of(page))] == [("o", 0), ("o", 0)]


def test_a_numbered_title_over_bulleted_lines_is_a_section_heading_korean_and_english() -> None:
    # aba.or.kr's notice: '1. 신청안내<br>o 사업기간 : ...<br>2. 지원내용<br>o ...' in one box
    html = ("<html><body><article><h1>지원사업 모집 공고</h1><p>안양산업진흥원은 다음과 같이 지원사업 참여 기업을 모집합니다.</p>"
            "<div class='bbs_memo'>1. 신청안내<br>o 사업기간 : 선정 후 ~ 2025. 9. 30.<br>o 접수방법 : 이메일 접수<br>"
            "2. 지원내용<br>o 지원금액 : 기업 당 최대 3,000천원<br>"
            "3. Eligibility<br>- Companies in the centre<br>"
            "4. 문의 : 031-8045-6750<br>- 담당자 정현민<br>"
            "5. 접수된 서류는 반환되지 않습니다.<br>- 예외 없음</div></article></body></html>")
    segments = segments_of(html, "html")
    assert [s.text for s in segments if s.kind == "heading"] == ["신청안내", "지원내용", "Eligibility"]
    assert [(m, d, t[:4]) for m, d, t in items(segments) if m in ("o", "-")][:4] == [
        ("o", 0, "사업기간"), ("o", 0, "접수방법"), ("o", 0, "지원금액"), ("-", 0, "Comp")]
    # a field line or a sentence with a number is an item that heads its own sub-items
    assert [m for m, _, t in items(segments) if t.startswith(("문의", "접수된"))] == ["4.", "5."]


def test_a_numbered_line_over_indented_lines_of_a_text_dump_stays_a_nested_item() -> None:
    page = ("News Clips\n\nUlsan history\n\nName : admin Date : 2024-01-05 09:30 12\n\nMajor periods\n\n"
            "1. Joseon Dynasty\n - The naval command was stationed in Ulsan.\n2. Industrialization\n"
            " - In 1962 Ulsan became a Special Industrial Zone.\n")
    assert [(m, d) for m, d, _ in items(segments_of(page))] == [("1.", 0), ("-", 1), ("2.", 0), ("-", 1)]


def test_a_numbered_line_over_a_markup_list_stays_an_item() -> None:
    html = ("<html><body><article><h1>Agenda</h1><p>The committee will convene on Friday at 10:00 AM in Room C.</p>"
            "<p>5. Consent Agenda</p><ul><li>Approval of the June minutes</li></ul></article></body></html>")
    assert ("5.", 0, "Consent Agen") in items(segments_of(html, "html"))


def test_an_html_heading_that_is_a_whole_sentence_is_a_paragraph() -> None:
    html = ("<html><body><article><h1>Glossary</h1><h3>This glossary is a guide to the meaning of certain legal "
            "expressions used in these rules.</h3><h3>Contact us.</h3><p>Affidavit: a written statement of facts, "
            "sworn before a person who can take oaths, used as evidence in court.</p></article></body></html>")
    kinds = [(s.kind, s.text[:12]) for s in segments_of(html, "html")]
    assert ("paragraph", "This glossar") in kinds and ("heading", "Contact us.") in kinds
