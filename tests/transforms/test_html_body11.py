"""transforms/html.py, round 11 (body11): chrome inside the region that leaked, content that a weak name dropped."""
from __future__ import annotations

from cityclips.transforms.html import html_blocks

_PROSE_EN = ("<p>The ministry said on Monday that the country had crossed a new milestone in its clean energy "
             "programme, with more capacity installed this year than in any year before.</p>"
             "<p>Officials added that manufacturing of solar modules had grown fast, and that the targets set "
             "for the end of the decade were now within reach of the industry.</p>")
_PROSE_KO = ("<p>시는 올해 신재생에너지 설비 용량이 처음으로 목표치를 넘어섰다고 밝혔다. 태양광과 풍력 발전이 크게 늘어난 결과다.</p>"
             "<p>시 관계자는 지역 기업의 태양광 모듈 생산도 빠르게 늘고 있어 2030년 목표 달성이 가능할 것으로 내다봤다.</p>")


def _page(body: str, title: str = "Press Release") -> str:
    return f"<!DOCTYPE html><html><head><title>{title}</title></head><body>{body}</body></html>"


def _content(html: str) -> list[str]:
    return [b.text for b in html_blocks(html)[0] if not b.excluded_by]


def _removed(html: str) -> list[tuple[str, str]]:
    return [(r.rule, r.text) for r in html_blocks(html)[1]]


# --- a labelled row of links ('Read this release in: A , B , C , D') is a menu ----------------------

def test_a_labelled_row_of_links_is_a_menu_english() -> None:
    row = ("<div class='ReleaseLang'>Read this release in: <a href='?id=2'>Kannada</a> , <a href='?id=3'>Urdu</a> , "
           "<a href='?id=4'>Marathi</a> , <a href='?id=5'>Tamil</a> , <a href='?id=6'>Malayalam</a></div>")
    html = _page(f"<div class='content'><h2>India Achieves a Milestone</h2>{_PROSE_EN}{row}</div>")
    content = _content(html)
    assert not any("Kannada" in text or "Read this release in" in text for text in content)
    assert any(rule == "html_link_menu" and "Kannada" in text for rule, text in _removed(html))
    assert any(text.startswith("The ministry said on Monday") for text in content)


def test_a_labelled_row_of_links_is_a_menu_korean() -> None:
    row = ("<div>관련 사이트 : <a href='/a'>산업통상부</a>, <a href='/b'>환경부</a>, <a href='/c'>에너지공단</a>, "
           "<a href='/d'>기후에너지부</a></div>")
    html = _page(f"<div class='content'><h2>신재생에너지 목표 달성</h2>{_PROSE_KO}{row}</div>", title="보도자료")
    content = _content(html)
    assert not any("에너지공단" in text for text in content)
    assert any(rule == "html_link_menu" and "에너지공단" in text for rule, text in _removed(html))


def test_links_inside_a_sentence_are_not_a_labelled_row() -> None:
    row = ("<div>Partners: <a href='/a'>Solar Agency</a>, <a href='/b'>Wind Board</a>, <a href='/c'>Grid Office</a> "
           "and <a href='/d'>Hydro Council</a> signed the agreement on Friday.</div>")
    html = _page(f"<div class='content'><h2>India Achieves a Milestone</h2>{_PROSE_EN}{row}</div>")
    assert any("signed the agreement" in text for text in _content(html))


# --- a weak name the article's own items carry says nothing about one of them ------------------------

def test_an_item_named_like_the_notices_sections_is_kept_korean() -> None:
    sections = ("<li class='icon_arr4 mt10'><span>지원대상</span><br><p>창업 3년 이내의 중소기업으로서 엔젤투자자로부터 투자 의향서를 받은 "
                "기업이 신청할 수 있으며, 자세한 자격 요건은 첨부한 공고문을 참고하시기 바랍니다.</p></li>"
                "<li class='icon_arr4 mt10'><span>신청기간</span><br><span>2012.6.12.(화)∼7.31.(화) 18:00까지</span></li>"
                "<li class='icon_arr4 mt10'><span>업체선정</span><br><p>요건 심사와 현장 확인을 거친 뒤 분야별 전문가로 구성된 평가위원회가 "
                "대면 평가를 실시하여 우선순위에 따라 지원 과제를 선정합니다.</p></li>")
    html = _page(f"<div class='view'>{_PROSE_KO * 8}<h4>지원조건 및 내용</h4><ul>{sections}</ul></div>", title="지원사업")
    assert any("2012.6.12.(화)∼7.31.(화) 18:00까지" in text for text in _content(html))


def test_an_item_named_like_the_pages_sections_is_kept_english() -> None:
    sections = ("<li class='icon-item'><span>Eligibility</span><br><p>Small firms founded in the last three years that hold a "
                "letter of intent from an angel investor may apply, and the call gives the full conditions.</p></li>"
                "<li class='icon-item'><span>Application period</span><br><span>2012-06-12 ~ 2012-07-31 18:00</span></li>"
                "<li class='icon-item'><span>Selection</span><br><p>After a review of the papers and a site visit, a panel of "
                "experts interviews the applicants and ranks the projects for funding.</p></li>")
    html = _page(f"<div class='view'>{_PROSE_EN * 8}<h4>Terms of the grant</h4><ul>{sections}</ul></div>", title="Grant call")
    assert any("2012-06-12 ~ 2012-07-31 18:00" in text for text in _content(html))


def test_weak_named_boxes_whose_namesakes_hold_no_prose_still_go() -> None:
    meta = "<div class='post-meta'>Posted by the press office</div><div class='post-meta'>Filed under Energy</div>"
    html = _page(f"<div class='view'><h2>Terms of the grant</h2>{meta}{_PROSE_EN}{_PROSE_EN}</div>", title="Grant call")
    assert ("html_meta_class", "Posted by the press office") in _removed(html) or \
        "Posted by the press office" not in _content(html)
    assert "Filed under Energy" not in _content(html)


# --- a link line numbered outside its link is an agenda's item, not a teaser -----------------------------

def _agenda(item: str, heading: str, prose: str) -> str:
    return _page(f"<div class='content'><h2>{heading}</h2>{prose}{prose}"
                 f"<div style='margin-left:40pt'><span>{item}</span></div>{prose}</div>")


def test_a_numbered_link_line_is_kept_english() -> None:
    item = "2. <a href='/getmedia/c0661e84/2_Community-Rel'>RESOLUTION NO. 21-123 - AUTHORIZATION OF MEMBERSHIP DUES</a>"
    html = _agenda(item, "Regular Agenda", _PROSE_EN)
    assert any("RESOLUTION NO. 21-123" in text for text in _content(html))


def test_a_numbered_link_line_is_kept_korean() -> None:
    item = "가. <a href='/board/view?id=88'>2026년 상반기 주민참여예산 심의 결과 보고</a>"
    html = _agenda(item, "정기회 안건", _PROSE_KO)
    assert any("주민참여예산 심의 결과 보고" in text for text in _content(html))


def test_an_unnumbered_link_line_is_still_a_teaser() -> None:
    html = _agenda("<a href='/news/other-story'>Read the other story about the solar programme</a>", "Regular Agenda",
                   _PROSE_EN)
    assert ("link_line", "Read the other story about the solar programme") in _removed(html)
