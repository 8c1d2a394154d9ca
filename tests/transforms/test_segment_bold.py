"""transforms/segment.py, round 13 (bold13): bold paragraphs as headings, when their shape and place say so too.

Each condition of _bold_headings has an English and a Korean case that flips when the condition is removed.
"""
from __future__ import annotations

import pytest

from cityclips.transforms.records import Block, CleanPage, Metadata
from cityclips.transforms.segment import segment_page

BOX = "body/div.content"

# line = (text, how): how holds 'b' (bold), 'c' (centred); a hint and a path of its own may follow
PROSE = {
    "en": ["The European Parliament adopted a legislative resolution on the proposal for a directive on taxation.",
           "This directive should establish rules extending the concept of a permanent establishment, as agreed.",
           "Member States could apply accelerated depreciation to tangible fixed assets acquired by companies."],
    "ko": ["광주광역시는 올해 청년 일자리 사업을 다섯 가지로 나누어 추진한다고 4일 밝혔다. 사업비는 모두 120억 원이다.",
           "시는 지난해 청년 고용률이 전국 평균보다 낮아 새로운 대책이 필요하다고 판단했다. 올해는 예산을 늘렸다.",
           "올해 사업비는 시비와 국비가 절반씩 들어가며, 상반기 안에 모든 사업의 참여자를 모집할 계획이다."],
}
HEADING = {"en": "Significant presence", "ko": "추진 배경"}
SECOND = {"en": "Tax incentives", "ko": "사업 내용"}


def segments(lines: list[tuple], title: str = "Page") -> list[tuple[str, str]]:
    """(kind, text) of the segments of a body of HTML blocks: (text, how[, hint[, dom path]])."""
    body = []
    for n, line in enumerate(lines, 1):
        text, how = line[0], line[1]
        hint = line[2] if len(line) > 2 else "p"
        path = line[3] if len(line) > 3 else f"{BOX}/{'p' if hint == 'p' else 'ul/li'}"
        body.append(Block(n, text, hint, 0, "•" if hint == "li" else "", True, path, bold="b" in how,
                          centered="c" in how))
    page = CleanPage("page.html", "html", Metadata(title=title), tuple(body), (), ())
    return [(s.kind, s.text) for s in segment_page(page) if s.kind != "title"]


def kind_of(lines: list[tuple], text: str, title: str = "Page") -> str:
    return next(k for k, t in segments(lines, title) if t == text)


def _marker_of(lines: list[tuple], text: str) -> str:
    body = tuple(Block(n, t, "p", 0, "", True, f"{BOX}/p", bold="b" in how) for n, (t, how) in enumerate(lines, 1))
    page = CleanPage("page.html", "html", Metadata(title="Page"), body, (), ())
    return next(s.marker for s in segment_page(page) if s.text == text)


def article(lang: str, heading: str, how: str = "b", following: str | None = None) -> list[tuple]:
    """Prose, then a bold line, then prose, then a second bold heading over prose (f1204's shape)."""
    one, two, three = PROSE[lang]
    return [(one, ""), (heading, how), (following or two, ""), (SECOND[lang], "b"), (three, "")]


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_a_short_bold_paragraph_over_prose_is_a_heading(lang: str) -> None:
    got = segments(article(lang, HEADING[lang]))
    assert got == [("paragraph", PROSE[lang][0]), ("heading", HEADING[lang]), ("paragraph", PROSE[lang][1]),
                   ("heading", SECOND[lang]), ("paragraph", PROSE[lang][2])]
    plain = segments([(t, "") for t, _ in article(lang, HEADING[lang])])  # bold is the evidence
    assert all(kind == "paragraph" for kind, _ in plain)


@pytest.mark.parametrize("lang,number,heading", [("en", "2.", "Eligibility"), ("ko", "1.", "사업 개요")])
def test_a_numbered_bold_line_is_a_heading_its_number_its_marker_unless_its_neighbour_is_numbered(
        lang: str, number: str, heading: str) -> None:
    assert kind_of(article(lang, f"{number} {heading}"), heading) == "heading"
    assert _marker_of(article(lang, f"{number} {heading}"), heading) == number  # kept, as a list item keeps its own
    one, two, _ = PROSE[lang]
    items = [(one, ""), (f"{number} {heading}", "b"), (f"3. {SECOND[lang]}", "b"), (two, "")]
    assert [k for k, _ in segments(items)][1:3] == ["list_item", "list_item"]  # a numbered list set in bold
    # r304: '4. Discussion' in bold over '5. Consent Agenda ...': the numbered list's items, one of them bold
    item = {"en": "5. Consent agenda items for approval today", "ko": "5. 동의 안건 일괄 승인의 건 및 기타 안건"}[lang]
    assert kind_of([(one, ""), (f"4. {heading}", "b"), (item, ""), (two, "")], heading) == "list_item"
    assert kind_of(article(lang, f"• {heading}"), heading) == "list_item"  # a bullet is an item's mark


@pytest.mark.parametrize("lang,marked,heading", [("en", "□ Background", "Background"), ("ko", "□ 모집개요", "모집개요")])
def test_a_marked_line_that_ends_in_a_noun_is_a_heading_with_its_mark_gone(lang: str, marked: str, heading: str) -> None:
    # '□ 모집개요': '개요' ends in 요 but is a noun, no polite sentence end ('□ 신청하세요' is one)
    assert kind_of(article(lang, marked, how=""), heading) == "heading"
    assert kind_of(article(lang, marked), heading) == "heading"
    if lang == "ko":
        assert kind_of(article(lang, "□ 꼭 신청하세요", how=""), "□ 꼭 신청하세요") == "paragraph"


SHAPES = {
    "en": ["Contact:", "The council approved the budget.", "“Proud of this work,” she said", "or Join via Zoom",
           "(Updated) Tax rules", "Bergisch Gladbach -", "Contact: Jane Doe", "Wednesday, July 31, 2024", "123-450-0000",
           "Notice of a special meeting of the board of trustees and of its executive committee today"],
    "ko": ["문의처:", "시는 예산을 확정했다", "“함께 해서 자랑스럽습니다” 홍길동 시장", "(재)환동해산업연구원장", "광주 -",
           "문의 : 일자리정책과", "3월 5일 수요일 오후 2시", "2025-30", " ".join(["광주광역시청년일자리사업"] * 9)],
}


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_a_bold_line_of_no_heading_shape_stays_a_paragraph(lang: str) -> None:
    # a label, a sentence, a quotation, the rest of a sentence, a bracket, a dateline, a field, a date, a number,
    # a long line
    longer = " ".join(PROSE[lang])  # longer than any of them: the shape alone decides
    for text in SHAPES[lang]:
        assert kind_of(article(lang, text, following=longer), text) == "paragraph", text


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_a_bold_line_in_a_list_table_or_quotation_stays_what_it_is(lang: str) -> None:
    one, two, _ = PROSE[lang]
    heading = HEADING[lang]
    for box in ("ul/li", "table/tbody/tr/td", "blockquote/footer/cite.attribution/div", "dl/dd"):
        lines = [(one, ""), (heading, "b", "p", f"{BOX}/{box}/p"), (two, "", "p", f"{BOX}/{box}/p"),
                 (SECOND[lang], "b"), (PROSE[lang][2], "")]
        assert kind_of(lines, heading) == "paragraph", box


LEADS = {"en": "A group would be formed when at least two companies or establishments meet the following conditions:",
         "ko": "다음 요건을 모두 갖춘 기업은 올해 청년 일자리 사업에 참여 신청을 할 수 있으며 그 요건은 다음과 같음:"}


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_a_table_that_lays_out_the_whole_page_is_no_table_of_the_article(lang: str) -> None:
    # eval/holdout 111: 'body/table/tr/td/table.bbs_view/tr/td.bbs_content/p' holds the prose and its bold '주요 행사'
    cell = "body/table/tr/td/table.bbs_view/tr/td.bbs_content"
    one, two, three = PROSE[lang]
    lines = [(one, "", "p", f"{cell}/p"), (HEADING[lang], "b", "p", f"{cell}/p"), (two, "", "p", f"{cell}/p"),
             (SECOND[lang], "b", "p", f"{cell}/table/tr/td/p"), (three, "", "p", f"{cell}/table/tr/td/p")]
    assert kind_of(lines, HEADING[lang]) == "heading"
    assert kind_of(lines, SECOND[lang]) == "paragraph"  # a table inside the text is one


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_a_bold_line_heads_only_plain_prose_or_a_list_in_its_own_box(lang: str) -> None:
    one, two, three = PROSE[lang]
    heading = HEADING[lang]
    short = {"en": "Robert Fleig, Director", "ko": "일자리정책과 김민수 주무관"}[lang]
    nexts = [((two, "b"), "paragraph"),  # bold prose after it: one bold block
             ((short, ""), "paragraph"),  # a field's value, a role: no prose
             ((two, "", "p", "body/div.sidebar/p"), "paragraph"),  # the next box's text
             ((two, "", "heading", f"{BOX}/h3"), "paragraph"),  # another heading
             ((two, "", "li"), "heading"),  # a list's item
             (({"en": "Yes", "ko": "예"}[lang], "", "li"), "paragraph"),  # a shorter line
             (({"en": "(1) Commission means the board", "ko": "(1) 사업명: 청년 일자리"}[lang], ""), "heading"),
             ((LEADS[lang], ""), "heading")]  # prose leading its list
    for following, want in nexts:
        lines = [(one, ""), (heading, "b"), following, (SECOND[lang], "b"), (three, ""), (one, ""), (two, "")]
        assert kind_of(lines, heading) == want, following
    assert kind_of([(one, ""), (heading, "b")], heading) == "paragraph"  # nothing after it


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_a_bold_line_beside_the_articles_prose_is_no_heading_of_it(lang: str) -> None:
    # the prose lies in div.text; a box beside it (a sidebar, an event box) is not the article's own text
    one, two, three = PROSE[lang]
    text, side = f"{BOX}/div.text/p", f"{BOX}/div.side"
    lines = [(one, "", "p", text), (two, "", "p", text), (HEADING[lang], "b", "p", f"{side}/p"),
             ("Event one", "", "li", f"{side}/ul/li"), (SECOND[lang], "b", "p", text), (three, "", "p", text)]
    assert kind_of(lines, HEADING[lang]) == "paragraph"
    assert kind_of(lines, SECOND[lang]) == "heading"


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_a_bold_line_between_two_typed_items_of_one_list_is_a_line_of_it(lang: str) -> None:
    # f102: '◦ 입주 공간 : ...' then a bold '인큐베이터 입주보육실 49 평 1 개실' then '◦ 소 재 지 : ...'
    one, two, three = PROSE[lang]
    item = {"en": "Office space for ten companies in the incubator", "ko": "입주 공간 : 입주보육실 10 평 7 개실과 15 평 2 개실"}[lang]
    heading = HEADING[lang]
    lines = [(one, ""), (f"◦ {item}", ""), (heading, "b"), (f"◦ {item} again", ""), (SECOND[lang], "b"), (three, "")]
    assert kind_of(lines, heading) == "paragraph"
    lines[3] = (f"- {item} again", "")  # an item of another family after it: the line heads that list
    assert kind_of(lines, heading) == "heading"
    lines[2], lines[3] = (f"2. {heading}", "b"), (f"◦ {item} again", "")  # a numbered title between two sections
    assert kind_of(lines, heading) == "heading"


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_a_bold_line_under_a_heading_is_its_subtitle(lang: str) -> None:
    # r316: '<h3>Executive Committee</h3><p><b>Notice of a Special Meeting of the ...</b></p><p>The board ...'
    one, two, three = PROSE[lang]
    lines = [(one, ""), ({"en": "Executive Committee", "ko": "운영위원회"}[lang], "", "heading", f"{BOX}/h3"),
             (HEADING[lang], "b"), (two, ""), (SECOND[lang], "b"), (three, "")]
    assert kind_of(lines, HEADING[lang]) == "paragraph"
    assert kind_of(lines, SECOND[lang]) == "heading"


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_a_bold_block_is_emphasis_but_a_number_may_stand_over_a_heading(lang: str) -> None:
    one, two, three = PROSE[lang]
    heading = HEADING[lang]
    deck = {"en": "Remarks of the Vice President", "ko": "부시장 인사말"}[lang]
    more = [(two, ""), (SECOND[lang], "b"), (three, ""), (one, ""), (two, ""), (three, "")]  # bold stays rare
    # a heading-shaped bold line above: a deck, a letterhead
    assert kind_of([(one, ""), (deck, "b"), (heading, "b")] + more, heading) == "paragraph"
    # r212: the rule's number over its name
    assert kind_of([(one, ""), ("123-450-0000", "b"), (heading, "b")] + more, heading) == "heading"
    # three bold lines in a row: an address block
    assert kind_of([(one, ""), ("123-450-0000", "b"), ("44113", "b"), (heading, "b")] + more, heading) == "paragraph"


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_the_title_again_in_bold_is_no_heading(lang: str) -> None:
    assert kind_of(article(lang, HEADING[lang]), HEADING[lang], title=f" {HEADING[lang].upper()} ") == "paragraph"


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_a_centred_bold_line_above_the_first_prose_is_the_notices_own_title(lang: str) -> None:
    # f1201: '<p align=center><b>2026학년도 ... 모집 공고</b></p>' over the notice's text
    one, two, three = PROSE[lang]
    notice = {"en": "Recruitment of Care Instructors", "ko": "초등돌봄교실 위탁강사 모집 공고"}[lang]
    lines = [(notice, "bc"), (one, ""), (HEADING[lang], "bc"), (two, ""), (SECOND[lang], "b"), (three, "")]
    assert kind_of(lines, notice) == "paragraph"
    assert kind_of(lines, HEADING[lang]) == "heading"  # centred after the prose began: a section's title
    lines[0] = (notice, "b")
    assert kind_of(lines, notice) == "heading"  # not centred: the first section's title


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_a_page_that_bolds_most_lines_has_no_bold_headings(lang: str) -> None:
    one, two, three = PROSE[lang]
    lines = [(one, "b"), (HEADING[lang], "b"), (two, ""), (SECOND[lang], "b"), (three, "")]
    assert kind_of(lines, HEADING[lang]) == "paragraph"  # three of five lines bold
    lines[0] = (one, "")
    assert kind_of(lines, HEADING[lang]) == "heading"  # two of five


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_a_lone_bold_line_opening_the_body_over_prose_is_its_byline_not_a_section(lang: str) -> None:
    one, two, three = PROSE[lang]
    byline = {"en": "By Agencia EFE", "ko": "글 홍길동 기자"}[lang]
    assert kind_of([(byline, "b"), (one, ""), (two, "")], byline) == "paragraph"
    assert kind_of([("A photo", "", "caption"), (byline, "b"), (one, ""), (two, "")], byline) == "paragraph"
    # the first of the page's bold headings, a numbered one, or one over a list opens a section
    assert kind_of([(byline, "b"), (one, ""), (HEADING[lang], "b"), (two, "")], byline) == "heading"
    assert kind_of([(f"1. {byline}", "b"), (one, ""), (two, "")], byline) == "heading"
    assert kind_of([(byline, "b"), (one, "", "li"), (two, "", "li"), (three, "")], byline) == "heading"
