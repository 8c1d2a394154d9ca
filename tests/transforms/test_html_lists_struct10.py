"""Round 10 (struct10), html list emission: lists that are a board view's boxes or a byline's fields."""
from __future__ import annotations

from cityclips.transforms.html import html_blocks

ARTICLE_KO = "은행연합회는 16일 금융소비자보호 모범규준 개정안을 예고했다고 밝혔다."
ARTICLE_EN = "The program office said on Monday that applications for the spring camp are open."


def _page(body: str, title: str = "공지") -> str:
    return f"<!DOCTYPE html><html><head><title>{title}</title></head><body><main>{body}</main></body></html>"


def _texts(html: str, hint: str) -> list[str]:
    return [b.text for b in html_blocks(html)[0] if b.hint == hint and not b.excluded_by]


# --- a board view laid out as items named for their role ------------------------------------------

def test_items_each_named_for_a_role_are_boxes_not_a_list_korean() -> None:
    html = _page(f"<p>{ARTICLE_KO}</p><ul class='viewInfo'><li class='title_result'>제2025-4차 규제심의위원회 의사록</li>"
                 "<li class='item'><span>담당부서</span> <span>상생금융부</span></li>"
                 "<li class='txt'>ㅇ안건<br>- 제1호 : 운용규약 개정(안)<br></li></ul>")
    assert _texts(html, "li") == []
    assert "제2025-4차 규제심의위원회 의사록" in _texts(html, "p")


def test_items_each_named_for_a_role_are_boxes_not_a_list_english() -> None:
    html = _page(f"<p>{ARTICLE_EN}</p><ul><li class='headline'>Spring camp</li><li class='byline'>Program office</li>"
                 "<li class='body'>Apply by May 5.<br>Bring a form.<br></li></ul>", "Notice")
    assert _texts(html, "li") == []
    assert "Program office" in _texts(html, "p")


def test_items_alike_or_unnamed_stay_a_list() -> None:
    same = "".join(f"<li class='item{i}'>Step {i}: fill in the form</li>" for i in range(1, 4))  # 'item0' masked
    html = _page(f"<p>{ARTICLE_EN}</p><ul>{same}</ul><ul><li class='first'>서류 제출</li><li>면접</li>"
                 "<li class='last'>최종 발표</li></ul><ul><li class='a'>Budget</li><li class='b'>Parks</li></ul>")
    assert _texts(html, "li") == ["Step 1: fill in the form", "Step 2: fill in the form", "Step 3: fill in the form",
                                  "서류 제출", "면접", "최종 발표", "Budget", "Parks"]


# --- a byline's values as a list -------------------------------------------------------------------

def test_a_name_among_a_date_and_a_count_is_a_byline_not_a_list_korean() -> None:
    html = _page(f"<div class='title'>공고 개정 안내</div><ul class='writer'><li>약제기준부</li><li>2025-09-25</li>"
                 f"<li>1,504</li></ul><p>{ARTICLE_KO}</p>")
    assert _texts(html, "li") == []


def test_a_name_among_a_date_and_a_count_is_a_byline_not_a_list_english() -> None:
    html = _page(f"<ul><li>Press Office</li><li>05/12/2024</li><li>2,310</li></ul><p>{ARTICLE_EN}</p>", "Notice")
    assert _texts(html, "li") == []


def test_dates_alone_or_words_with_one_number_stay_a_list() -> None:
    html = _page(f"<p>{ARTICLE_EN}</p><ul><li>2025-01-05</li><li>2025-02-05</li></ul>"
                 "<ul><li>서류 심사</li><li>2025. 12. 24.</li><li>면접</li></ul>")
    assert _texts(html, "li") == ["2025-01-05", "2025-02-05", "서류 심사", "2025. 12. 24.", "면접"]


def _kept(body: str, prose: str, title: str) -> list[str]:
    """The body's blocks of a page with a menu and a footer around an article of two paragraphs (a region is found)."""
    nav = "<nav><ul>" + "".join(f"<li><a href='/m{i}'>Menu {i}</a></li>" for i in range(8)) + "</ul></nav>"
    html = (f"<!DOCTYPE html><html><head><title>{title}</title></head><body>{nav}<div class='content'><h2>{title}</h2>"
            f"<p>{prose}</p><p>{prose}</p>{body}</div><footer><p>Copyright 2006 All rights reserved.</p></footer></body></html>")
    return [b.text for b in html_blocks(html)[0] if not b.excluded_by]


def test_short_lines_of_a_role_box_are_the_body_not_its_edge_korean() -> None:
    body = ("<ul class='viewInfo'><li class='title_result'>제2025-4차 규제심의위원회 의사록</li>"
            "<li class='item'>담당부서 상생금융부</li><li class='txt'>ㅇ안건<br>ㅇ회의 주요내용 : 첨부 의사록 참조. 끝.<br></li></ul>")
    prose = "은행연합회는 16일 금융소비자보호 모범규준 개정안을 예고했다고 밝혔다. 의견은 다음 달 4일까지 받는다고 설명했다."
    assert "ㅇ회의 주요내용 : 첨부 의사록 참조. 끝." in _kept(body, prose, "공지")


def test_short_lines_of_a_role_box_are_the_body_not_its_edge_english() -> None:
    body = ("<ul><li class='headline'>Spring camp</li><li class='byline'>Program office</li>"
            "<li class='body'>Agenda<br>Minutes: see the attached file.<br></li></ul>")
    assert "Minutes: see the attached file." in _kept(body, ARTICLE_EN + " " + ARTICLE_EN, "Notice")


# --- one sentence's clauses laid out as a list ------------------------------------------------------

def test_clauses_ending_in_semicolons_are_the_sentences_lines_english() -> None:
    html = _page(f"<p>{ARTICLE_EN}</p><p>To receive a filing date, submit: </p><ul>"
                 "<li>an indication that a patent is sought;</li><li>the applicant's address; and</li>"
                 "<li>a document that describes an invention.</li></ul>", "Glossary")
    assert _texts(html, "li") == []
    assert any("the applicant's address; and" in b.text for b in html_blocks(html)[0] if b.hint != "li")


def test_clauses_ending_in_semicolons_are_the_sentences_lines_korean() -> None:
    html = _page(f"<p>{ARTICLE_KO}</p><p>제출 서류는 다음과 같다.</p><ol><li>신청서 1부;</li><li>사업계획서 1부; 및</li>"
                 "<li>재무제표 사본 1부를 제출한다.</li></ol>")
    assert _texts(html, "li") == []
    assert "사업계획서 1부; 및" in _texts(html, "p")


def test_items_that_are_sentences_of_their_own_stay_a_list() -> None:
    html = _page(f"<p>{ARTICLE_EN}</p><ol><li>Enter the access code.</li><li>Press the pound key.</li></ol>"
                 "<ul><li>신청서 1부;</li><li>사업계획서 1부;</li></ul>")
    assert _texts(html, "li") == ["Enter the access code.", "Press the pound key.", "신청서 1부;", "사업계획서 1부;"]
