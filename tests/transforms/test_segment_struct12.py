"""Round 12 (struct12): headings and list items on real pages, Korean and English."""
from __future__ import annotations

from cityclips.transforms.records import Block, CleanPage, Metadata
from cityclips.transforms.segment import segment_page


def kinds(lines: list[tuple[str, str]], title: str | None = None) -> list[tuple[str, str]]:
    body = tuple(Block(i, text, hint, blank_before=True) for i, (hint, text) in enumerate(lines, start=1))
    page = CleanPage("page.html", "html", Metadata(title=title), body, (), ())
    return [(s.kind, s.text) for s in segment_page(page) if s.kind != "title"]


def test_a_title_inside_another_word_of_the_first_heading_is_no_restatement_korean() -> None:
    # '공지' is a piece of '인공지능': the heading is a section of its own, not the title again
    assert kinds([("heading", "인공지능 교육 안내"), ("p", "시는 올해 인공지능 교육을 다섯 차례 연다.")], title="공지")[0] == \
        ("heading", "인공지능 교육 안내")
    assert kinds([("heading", "광주시 공지 사항"), ("p", "시는 올해 인공지능 교육을 다섯 차례 연다.")], title="공지")[0] == \
        ("paragraph", "광주시 공지 사항")


def test_a_title_inside_another_word_of_the_first_heading_is_no_restatement_english() -> None:
    assert kinds([("heading", "Meetings in Summertime"), ("p", "The board meets every other week in the hall.")],
                 title="Time")[0] == ("heading", "Meetings in Summertime")
    assert kinds([("heading", "Board Meeting Time"), ("p", "The board meets every other week in the hall.")],
                 title="Meeting Time")[0] == ("paragraph", "Board Meeting Time")


def marked(lines: list[tuple[str, str, str, str]]) -> list[tuple[str, str]]:
    """lines: (hint, text, marker, dom path); the (kind, text) of each segment."""
    body = tuple(Block(i, text, hint, 0, marker, True, dom_path=path) for i, (hint, text, marker, path) in
                 enumerate(lines, 1))
    page = CleanPage("page.html", "html", Metadata(title="Page"), body, (), ())
    return [(s.kind, s.text) for s in segment_page(page) if s.kind != "title"]


CARD = "body/main/div.card"


def test_a_heading_followed_by_a_higher_one_or_itself_again_heads_nothing_english() -> None:
    # f1112: '<h5>Chamber sittings</h5>' twice in a card, then the next <h3>: labels of empty boxes
    got = marked([("heading", "Senate", "", f"{CARD}/h3.h0"), ("heading", "Chamber sittings", "", f"{CARD}/div/h5"),
                  ("heading", "Chamber sittings", "", f"{CARD}/div/h5"), ("heading", "House of Commons", "", f"{CARD}/h3"),
                  ("p", "The bill was read a first time in the House of Commons.", "", f"{CARD}/p")])
    assert got[:4] == [("heading", "Senate"), ("paragraph", "Chamber sittings"), ("paragraph", "Chamber sittings"),
                       ("heading", "House of Commons")]  # a larger heading over a smaller one still opens a section


def test_a_heading_followed_by_a_higher_one_or_itself_again_heads_nothing_korean() -> None:
    got = marked([("heading", "사업 안내", "", f"{CARD}/h3"), ("heading", "신청 현황", "", f"{CARD}/div/h4"),
                  ("heading", "신청 현황", "", f"{CARD}/div/h4"), ("heading", "추진 배경", "", f"{CARD}/h3"),
                  ("p", "시는 올해 청년 일자리 사업을 다섯 가지로 나누어 추진한다.", "", f"{CARD}/p")])
    assert [k for k, _ in got] == ["heading", "paragraph", "paragraph", "heading", "paragraph"]
    # two of one rank with other words side by side are left as they are
    got = marked([("heading", "사업 개요", "", f"{CARD}/h3"), ("heading", "추진 배경", "", f"{CARD}/h3"),
                  ("p", "시는 올해 청년 일자리 사업을 다섯 가지로 나누어 추진한다.", "", f"{CARD}/p")])
    assert [k for k, _ in got] == ["heading", "heading", "paragraph"]


def test_a_text_dumps_headings_have_no_rank() -> None:
    got = kinds([("heading", "추진 배경"), ("heading", "사업 개요"), ("p", "시는 올해 청년 일자리 사업을 추진한다.")])
    assert [k for k, _ in got] == ["heading", "heading", "paragraph"]


FILES = "body/div.view/ul.list-attachment/li"


def test_the_rest_of_an_item_whose_first_line_is_a_file_is_no_item_korean() -> None:
    # f1109: '<li><p class="title-down">지급명단.xlsx</p>비공개 문서</li>': the file line is the attachment box's,
    # and '비공개 문서' has no item to continue
    got = marked([("li", "(붙임1) 2025년 12월 지급명단.xlsx", "•", f"{FILES}/p.title-down"),
                  ("li", "비공개 문서", "", FILES), ("li", "(붙임2) 2025년 사업 운영계획.hwpx", "•", f"{FILES}/p.title-down"),
                  ("li", "비공개 문서", "", FILES)])
    assert [k for k, _ in got] == ["paragraph"] * 4


def test_the_rest_of_an_item_whose_first_line_is_a_file_is_no_item_english() -> None:
    got = marked([("li", "Meeting agenda.pdf", "•", f"{FILES}/a"), ("li", "Posted by the clerk", "", FILES),
                  ("li", "Budget hearings", "•", "body/ul/li"), ("li", "Monday and Tuesday", "", "body/ul/li/p"),
                  ("li", "Public comment", "•", "body/ul/li")])
    assert got == [("paragraph", "Meeting agenda.pdf"), ("paragraph", "Posted by the clerk"),
                   ("list_item", "Budget hearings Monday and Tuesday"), ("list_item", "Public comment")]


def test_a_list_of_one_short_line_is_no_list_english() -> None:
    # f207: '<h3>Event Type</h3><ul class="event-categories"><li>Board Meetings</li></ul>'; r324 'This event has passed.'
    got = marked([("heading", "Event Type", "", "body/div/h3"), ("li", "Board Meetings", "•", "body/div/ul.cats/li"),
                  ("heading", "Event Description", "", "body/div/h2"),
                  ("p", "Board meetings are held on the fourth Thursday of each month.", "", "body/div/p"),
                  ("li", "Parks", "•", "body/div/ul/li"), ("li", "Roads", "•", "body/div/ul/li")])
    assert got[1] == ("paragraph", "Board Meetings")
    assert got[-2:] == [("list_item", "Parks"), ("list_item", "Roads")]


def test_a_list_of_one_short_line_is_no_list_korean() -> None:
    # r111: '<ul class="tab_title"><li>기업정보</li></ul>', f213: a board's field list whose other rows went to metadata
    got = marked([("li", "기업정보", "•", "body/div.tab/ul.tab_title/li"),
                  ("li", "고시공고번호 : 안성시 공고 제2025-718호", "•", "body/div.view_info/ul/li.view_write"),
                  ("p", "「장애인복지법」에 따라 장애인사용자동차표지 부당사용 차량에 대하여 사전통지서를 발송합니다.", "", "body/div/p")])
    assert [k for k, _ in got] == ["paragraph", "paragraph", "paragraph"]


def test_a_lone_long_line_or_a_lone_sub_item_stays_an_item() -> None:
    # f1108's one related link, dev r108's footnote; a typed item's sub-list of one ('5. Consent Agenda')
    got = marked([("li", "Our Clean Future: A Yukon strategy for climate change, energy and a green economy", "•",
                   "body/div.related/ul/li/p"),
                  ("p", "5. Consent Agenda", "", "body/div/p"), ("li", "Approval of the minutes", "•", "body/div/ul/li"),
                  ("li", "* IRIS(Integrated R&D Information System): 각 부처 및 전문기관별로 운영하던 시스템을 통합한 시스템", "•",
                   "body/div.view/ul/li")])
    assert [k for k, _ in got] == ["list_item", "list_item", "list_item", "list_item"]


def typed(lines: list[str]) -> list[tuple[str, str, str]]:
    """Typed lines of one HTML box; the (kind, marker, text) of each segment."""
    body = tuple(Block(i, text, "p", blank_before=True, dom_path="body/div.view/p") for i, text in enumerate(lines, 1))
    page = CleanPage("page.html", "html", Metadata(title="Page"), body, (), ())
    return [(s.kind, s.marker, s.text) for s in segment_page(page) if s.kind != "title"]


def test_a_lone_asterisk_line_is_a_footnote_korean() -> None:
    # f1109: '* 본 문서는 공문서로서의 법적 효력은 없으며 ...' under the document
    got = typed(["서울 청년수당 12월분 지급 명단을 붙임과 같이 알려드립니다.",
                 "* 본 문서는 공문서로서의 법적 효력은 없으며, 불법적 활용의 책임은 활용한 자에게 있습니다."])
    assert got[1] == ("note", "*", "본 문서는 공문서로서의 법적 효력은 없으며, 불법적 활용의 책임은 활용한 자에게 있습니다.")
    got = typed(["모집 개요", "* 사업기간 : 2026. 1. ~ 12.", "* 지원규모 : 10개 기업"])
    assert [kind for kind, _, _ in got[1:]] == ["list_item", "list_item"]  # asterisk lines side by side: a list


def test_a_lone_asterisk_line_is_a_footnote_english() -> None:
    got = typed(["The workshop is free and open to every resident of the county.", "* Registration closes at noon."])
    assert got[1] == ("note", "*", "Registration closes at noon.")
    got = typed(["Bring:", "* a photo ID", "* proof of address"])
    assert [kind for kind, _, _ in got[1:]] == ["list_item", "list_item"]


def test_an_asterisk_line_under_a_list_item_stays_in_the_list() -> None:
    # dev r107: '- 신청자격' then '* 업력기준 : ...': the item's own sub-item
    got = typed(["- 신청자격 : 창업 3년 이내 기업", "* 업력기준 : 접수마감일 기준 법인설립일로부터 3년 이내"])
    assert [kind for kind, _, _ in got] == ["list_item", "list_item"]
    got = typed(["- Eligibility: firms under three years old", "* counted from the closing date"])
    assert [kind for kind, _, _ in got] == ["list_item", "list_item"]


def test_a_list_of_bare_counts_is_no_list_korean_and_english() -> None:
    # dev r109: '<ul class="count_list"><li>8</li><li>7</li></ul>' under a clip (views, likes)
    korean = marked([("p", "세종특별자치시에서 열린 국무회의 영상입니다.", "", "body/div.view/p"),
                     ("li", "8", "•", "body/div.view/ul.count_list/li"), ("li", "7", "•", "body/div.view/ul.count_list/li")])
    english = marked([("p", "The council met on Monday to vote on the budget.", "", "body/div.view/p"),
                      ("li", "1,504", "•", "body/div.view/ul.counts/li"), ("li", "12", "•", "body/div.view/ul.counts/li")])
    assert [k for k, _ in korean] == [k for k, _ in english] == ["paragraph"] * 3
    dates = marked([("li", "2018. 7. 13.", "•", "body/ul/li"), ("li", "2018. 6. 21.", "•", "body/ul/li")])
    assert [k for k, _ in dates] == ["list_item", "list_item"]  # a meeting schedule's dates stay a list


def test_a_number_with_the_rest_of_its_item_numbers_a_step() -> None:
    # a recipe's '<li><span>1</span><p>Heat oven to 350°F.</p></li>': the item's number, not a count
    got = marked([("li", "1", "•", "body/ol.steps/li"), ("li", "Heat oven to 350°F.", "", "body/ol.steps/li/p"),
                  ("li", "2", "•", "body/ol.steps/li"), ("li", "Mix the butter and sugar.", "", "body/ol.steps/li/p")])
    assert got == [("list_item", "1 Heat oven to 350°F."), ("list_item", "2 Mix the butter and sugar.")]
