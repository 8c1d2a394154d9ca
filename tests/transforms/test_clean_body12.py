"""transforms/clean.py, round 12 (body12): a 'Related ...' heading takes what its own box holds after it."""
from __future__ import annotations

import pytest

from cityclips.transforms.clean import clean_blocks
from cityclips.transforms.records import Block

_ARTICLE = "body/main/article/div.body"
_RELATED = "body/main/article/div.related"
CASES = {
    "en": ("Related Events", ["The Board of Trustees will hold a regular meeting on June 2, 2026.",
                              "Meeting Location: Administrative Office, Room #007"],
           [("p", "View the Full Calendar", ""), ("caption", "College logo", "/div.card/div.thumb"),
            ("p", "Vendor payments processed.", "/div.card/div.summary"), ("p", "All day", "/div.card/div.when"),
            ("p", "All Locations", "/div.card/div.where")]),
    "ko": ("관련 문서", ["서울시는 청년수당 12월분을 지급한다. 지급 대상은 참여자 5천 명이다.",
                     "수당은 매달 25일에 참여자 계좌로 들어간다."],
           [("p", "전체 목록 보기", ""), ("caption", "서울시 로고", "/div.card/div.thumb"),
            ("p", "2025년 서울 청년수당 9월분 지급(1차)", "/div.card/div.summary"), ("p", "부분공개", "/div.card/div.when"),
            ("p", "미래청년기획관 청년사업담당관", "/div.card/div.where")])}


def _page(lang: str, excluded_card_line: bool = False) -> tuple[list[str], dict[str, str]]:
    header, article, cards = CASES[lang]
    blocks = [Block(1, "June Board Meeting", "title", dom_path="body/main/article/h1")]
    blocks += [Block(len(blocks) + 1, text, "p", dom_path=f"{_ARTICLE}/p") for text in article]
    blocks.append(Block(len(blocks) + 1, header, "heading", dom_path=f"{_RELATED}/h2"))
    for hint, text, below in cards:
        blocks.append(Block(len(blocks) + 1, text, hint, dom_path=_RELATED + below, blank_before=True))
        if excluded_card_line and hint == "caption":  # a card's date the walk kept out (html_meta_class)
            blocks.append(Block(len(blocks) + 1, "June 02, 2026", "heading", dom_path=_RELATED + "/div.card/h3",
                                blank_before=True, excluded_by="html_meta_class"))
    blocks.append(Block(len(blocks) + 1, "Updated April 14, 2026", "p", dom_path="body/main/div.modified",
                        blank_before=True))
    clean = clean_blocks("e.html", "html", blocks)
    return [b.text for b in clean.body], {line.text: line.rule for line in clean.removed}


@pytest.mark.parametrize("lang", ["en", "ko"])
@pytest.mark.parametrize("excluded", [False, True])
def test_a_related_heading_takes_the_cards_of_its_box(lang: str, excluded: bool) -> None:
    header, article, cards = CASES[lang]
    body, rules = _page(lang, excluded)
    for _, text, _ in cards:
        assert rules.get(text) == "related", (lang, text, rules)
    assert rules[header] == "related"
    for text in article:
        assert text in body
    assert "Updated April 14, 2026" not in rules or rules["Updated April 14, 2026"] != "related"  # outside the box


# --- a board's one-sentence description is the board's, as its name is ------------------------------

BOARDS = {"en": ("News", "The latest news and notices from the Department of Justice.",
                 "Department opens the new regional court",
                 ["The department opened its new regional court on Monday, officials said.",
                  "The court will hear civil and family cases from three counties."]),
          "ko": ("공지사항", "수출지원기반활용사업에서 알려드리는 최근 소식과 정보입니다.",
                 "[모집공고] 2025년 수출바우처사업 참여기업 모집",
                 ["산업통상자원부는 수출바우처사업 참여기업을 다음과 같이 모집한다.", "신청은 6월 5일까지 온라인으로 받는다."])}


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_a_boards_description_under_its_name_leaves_the_body(lang: str) -> None:
    name, description, headline, texts = BOARDS[lang]
    blocks = [Block(1, name, "heading", dom_path="body/article/form/h2.title", excluded_by="region_edge"),
              Block(2, description, "p", dom_path="body/article/form/p.subtitle"),
              Block(3, headline, "heading", dom_path="body/article/form/div.view/div.info/h3")]
    blocks += [Block(4 + n, text, "p", dom_path="body/article/form/div.view/div.con/p") for n, text in enumerate(texts)]
    clean = clean_blocks("b.html", "html", blocks, html_title=headline, title_hints=(("title", headline),))
    assert clean.metadata.category == name and clean.metadata.title == headline
    assert [b.text for b in clean.body] == texts
    assert {line.text: line.rule for line in clean.removed}[description] == "section_description"


@pytest.mark.parametrize("header, story", [
    ("Related News", "\"The market is largely factoring in a reasonable recovery,\" said a report from the bank."),
    ("관련 기사", "시장 관계자는 “경기 회복이 이미 주가에 반영됐다”고 말했다.")])
def test_a_related_heading_ends_with_its_box(header: str, story: str) -> None:
    # the heading stands alone in its box; the next box is the story going on, not the related list
    blocks = [Block(1, "Markets rally on earnings", "title", dom_path="body/article/h1"),
              Block(2, header, "heading", dom_path="body/article/div.related/h3"),
              Block(3, story, "p", dom_path="body/article/div.story/p"),
              Block(4, "Analysts expect the index to close the year higher, the report said.", "p",
                    dom_path="body/article/div.story/p", blank_before=True)]
    clean = clean_blocks("r.html", "html", blocks)
    assert story in [b.text for b in clean.body]
    assert {line.text: line.rule for line in clean.removed}[header] == "related"


# --- the small box around a login prompt is the site's form -------------------------------------------

WIDGETS = {"ko": ("채용 담당자에게 질문하기", "*로그인 후 작성 가능합니다.",
                  ["이 댓글에 대한 법적 책임은 작성자에게 귀속됩니다.", "권리침해구제: 인터넷피해구제센터 (remedy.kocsc.or.kr)"],
                  ["- 직종 : 사무보조 (어업경영체 등록 조사원 업무 지원)", "- 계약기간 : 10개월", "지원을 희망하시면 연락 부탁드립니다."]),
           "en": ("Ask the recruiter a question", "* Please log in to comment.",
                  ["You are legally responsible for what you post.", "Comments are reviewed before they appear."],
                  ["- Duties: office support for the fisheries register", "- Term: 10 months",
                   "Please get in touch if you wish to apply."])}


def _widget_page(lang: str, inside_text: bool = False) -> tuple[list[str], dict[str, str]]:
    title, prompt, notes, text = WIDGETS[lang]
    body = "body/div.view/div.cont"
    widget = f"{body}/div.qna" if not inside_text else body
    blocks = [Block(1, "Job post", "title", dom_path="body/div.view/h1")]
    blocks += [Block(len(blocks) + 1, line, "p", dom_path=f"{body}/p") for line in text]
    blocks.append(Block(len(blocks) + 1, title, "p", dom_path=f"{widget}/div.head/p.title"))
    blocks.append(Block(len(blocks) + 1, prompt, "p", dom_path=f"{widget}/div.head/p.note"))
    blocks += [Block(len(blocks) + 1, note, "li", dom_path=f"{widget}/ul/li") for note in notes]
    if inside_text:
        blocks += [Block(len(blocks) + 1, line, "p", dom_path=f"{body}/p") for line in text]
    clean = clean_blocks("w.html", "html", blocks, title_hints=(("title", "Job post"),))
    return [b.text for b in clean.body], {line.text: line.rule for line in clean.removed}


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_the_box_around_a_login_prompt_is_the_sites_form(lang: str) -> None:
    title, prompt, notes, text = WIDGETS[lang]
    body, rules = _widget_page(lang)
    assert body == text
    assert rules[prompt] == "login_prompt"
    assert [rules[line] for line in (title, *notes)] == ["login_widget"] * 3


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_a_login_prompt_among_the_pages_own_lines_takes_none_of_them(lang: str) -> None:
    title, prompt, notes, text = WIDGETS[lang]
    body, rules = _widget_page(lang, inside_text=True)
    assert all(line in body for line in text)


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_a_login_prompt_in_a_short_posts_box_takes_none_of_its_prose(lang: str) -> None:
    # a board post of three sentences and the prompt under them in one box of four lines
    posts = {"ko": ["광주시는 다음 달부터 시내버스 노선 세 곳을 새로 연다. 출퇴근 시간에는 배차 간격을 10분으로 줄인다.",
                    "노선 변경 내용은 시 누리집과 각 정류장 안내판에서 확인할 수 있다.", "시민 의견은 이달 말까지 받는다."],
             "en": ["The city opens three new bus routes next month, and buses will run every ten minutes at rush hour.",
                    "Route changes are listed on the city's website and at every stop.",
                    "Residents may comment until the end of the month."]}
    prompt = WIDGETS[lang][1]
    blocks = [Block(1, "Bus routes", "title", dom_path="body/div.view/h1")]
    blocks += [Block(n + 2, line, "p", dom_path="body/div.view/div.cont/p") for n, line in enumerate(posts[lang])]
    blocks.append(Block(5, prompt, "p", dom_path="body/div.view/div.cont/p"))
    clean = clean_blocks("w.html", "html", blocks, title_hints=(("title", "Bus routes"),))
    assert [b.text for b in clean.body] == posts[lang]


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_a_related_heading_among_the_articles_paragraphs_takes_only_its_list(lang: str) -> None:
    # the heading sits in the article's own box: the run is its list, up to the next paragraph, as in a text dump
    texts = {"en": (["The city opens three new bus routes next month, and buses will run every ten minutes at rush hour.",
                     "Route changes are listed on the city's website and at every stop, officials said on Monday."],
                    ["Night buses return", "Fares stay the same"], "Residents may comment until the end of the month."),
             "ko": (["광주시는 다음 달부터 시내버스 노선 세 곳을 새로 연다. 출퇴근 시간에는 배차 간격을 10분으로 줄인다.",
                     "노선 변경 내용은 시 누리집과 각 정류장 안내판에서 확인할 수 있다고 시는 밝혔다."],
                    ["심야버스 다시 달린다", "요금은 그대로"], "시민 의견은 이달 말까지 받는다.")}
    article, related, closing = texts[lang]
    header = {"en": "Related News", "ko": "관련 기사"}[lang]
    box = "body/article/div.body"
    blocks = [Block(1, "Bus routes", "title", dom_path="body/article/h1")]
    blocks += [Block(len(blocks) + 1, line, "p", dom_path=f"{box}/p", blank_before=True) for line in article]
    blocks.append(Block(len(blocks) + 1, header, "heading", dom_path=f"{box}/h3", blank_before=True))
    blocks += [Block(len(blocks) + 1, line, "li", dom_path=f"{box}/ul/li", blank_before=True) for line in related]
    blocks.append(Block(len(blocks) + 1, closing, "p", dom_path=f"{box}/p", blank_before=True))
    clean = clean_blocks("r.html", "html", blocks, title_hints=(("title", "Bus routes"),))
    rules = {line.text: line.rule for line in clean.removed}
    assert [rules[line] for line in related] == ["related", "related"]
    assert closing in [b.text for b in clean.body]
