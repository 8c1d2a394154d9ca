"""Round 11 (struct11): structure only inside the article, Korean and English."""
from __future__ import annotations

from cityclips.transforms.records import Block, CleanPage, Metadata
from cityclips.transforms.segment import segment_page


def segments(lines: list[tuple[str, str, str]], title: str = "보도자료 안내") -> list[tuple[str, str]]:
    """lines: (hint, text, dom path) of body blocks ('li' ones with the '•' of a <ul>); the (kind, text) of each
    segment but the title."""
    body = tuple(Block(i, text, hint, 0, "•" if hint == "li" else "", True, dom_path=path)
                 for i, (hint, text, path) in enumerate(lines, 1))
    page = CleanPage("page.html", "html", Metadata(title=title), body, (), ())
    return [(s.kind, s.text) for s in segment_page(page) if s.kind != "title"]


TABLE = "div.tableWrap/table.table_normal/tbody/tr"


def test_a_table_row_opening_with_a_bullet_is_a_field_korean() -> None:
    """'<th>• 폐기방법</th><td>- 빈 용기를 ...</td>' (a product record's table): one field, not a list item."""
    got = segments([("cell", "• 폐기방법 : - 빈 용기를 재사용하지 말 것. - 폐기 전 용기를 완전히 비울 것.", TABLE),
                    ("p", "사용방법", TABLE + "/th"),
                    ("p", "· 1일 10시간 사용을 권장하고 최대 15시간까지 사용 가능합니다.", TABLE + "/td")])
    assert got == [("paragraph", "• 폐기방법 : - 빈 용기를 재사용하지 말 것. - 폐기 전 용기를 완전히 비울 것."),
                   ("paragraph", "사용방법"), ("paragraph", "· 1일 10시간 사용을 권장하고 최대 15시간까지 사용 가능합니다.")]


def test_a_table_row_opening_with_a_bullet_is_a_field_english() -> None:
    got = segments([("cell", "• Disposal : - Do not reuse the empty container.", TABLE),
                    ("p", "- If swallowed: call a doctor at once.", TABLE + "/td")], title="Record")
    assert got == [("paragraph", "• Disposal : - Do not reuse the empty container."),
                   ("paragraph", "- If swallowed: call a doctor at once.")]


def test_numbered_rows_and_bullets_outside_a_cell_stay_items() -> None:
    """An agenda's numbered rows ('1. CALL TO ORDER') order the table: items; a '-' line in a cell's <p> or a box too."""
    got = segments([("cell", "1. CALL TO ORDER", TABLE), ("cell", "2. ROLL CALL", TABLE),
                    ("p", "- 직종 : 사무보조", TABLE + "/td/p"), ("p", "- Send comments to the clerk", "div.view")])
    assert got == [("list_item", "CALL TO ORDER"), ("list_item", "ROLL CALL"), ("list_item", "직종 : 사무보조"),
                   ("list_item", "Send comments to the clerk")]


DECK = "div.content/div.text-center.event-heading"


def test_headings_side_by_side_under_the_headline_are_its_deck_english() -> None:
    """A press release's highlight lines (<h3>s in one box before the text) head no section: summaries."""
    got = segments([("caption", "azadi ka amrit mahotsav", "div.content/div/img"),
                    ("heading", "Vice-President says the islands are a sacred land of sacrifice and an eternal symbol of "
                                "the freedom struggle", DECK + "/h3"),
                    ("heading", "“Bharat is one and will always remain one”: Vice-President", DECK + "/h3"),
                    ("p", "The Vice-President today inaugurated the campaign.", "div.content/p")], title="Release")
    assert [kind for kind, _ in got] == ["caption", "summary", "summary", "paragraph"]


def test_headings_side_by_side_under_the_headline_are_its_deck_korean() -> None:
    got = segments([("heading", "- 광주시, 4일 시청 대회의실에서 인공지능 산업 육성 전략 보고회 열고 기업 유치 방안과 예산 "
                                "지원 계획 등 발표", DECK + "/h3"),
                    ("heading", "- 강 시장 “인공지능 중심도시 완성”", DECK + "/h3"),
                    ("p", "광주시는 4일 보고회를 열었다.", "div.content/p")], title="보도자료")
    assert [kind for kind, _ in got] == ["summary", "summary", "paragraph"]


def test_short_headings_or_one_heading_over_the_text_stay_headings() -> None:
    """'Overview' over 'Background' are section titles (no line of a sentence's length); one long heading alone
    heads the first section."""
    got = segments([("heading", "Overview", DECK + "/h3"), ("heading", "Background", DECK + "/h3"),
                    ("p", "The city opened the hall.", "div.content/p")], title="Release")
    assert [kind for kind, _ in got] == ["heading", "heading", "paragraph"]
    got = segments([("heading", "광주시는 인공지능 산업 육성 전략 보고회를 열고 기업 유치 방안과 예산 지원 계획 등을 시민들에게 "
                                "자세히 알리기 위한 설명회를 열었다 그리고", DECK + "/h3"),
                    ("p", "광주시는 4일 보고회를 열었다.", "div.content/p")])
    assert [kind for kind, _ in got] == ["heading", "paragraph"]


VIEW = "div.viewCont/div.view/p"
FILES = "div.viewCont/div.fileBox/ul/li"


def test_a_list_beside_the_articles_text_is_no_list_of_the_article_korean() -> None:
    """An attachment box's notes ('<div class="fileBox"><ul><li>자료가 다운되지 않을 경우 ...') sit beside the box of
    the article's prose: paragraphs, not its list items; a list inside that box stays a list."""
    got = segments([("li", "자료가 다운되지 않을 경우 담당부서로 연락주시기 바랍니다.", FILES),
                    ("p", "「국민건강보험 요양급여의 기준에 관한 규칙」 제5조제4항의 규정에 따른 「암환자에게 처방·투여하는 "
                          "약제에 대한 요양급여의 적용기준 및 방법에 관한 세부사항」을 다음과 같이 개정합니다.", VIEW),
                    ("li", "자궁암에 병용요법 신설", "div.viewCont/div.view/ul/li"),
                    ("li", "난소암에 병용요법 추가", "div.viewCont/div.view/ul/li"),
                    ("p", "이 공고는 2025년 10월 1일부터 시행하며 시행일 이후 처방하는 약제부터 적용합니다.", VIEW)])
    assert [kind for kind, _ in got] == ["paragraph", "paragraph", "list_item", "list_item", "paragraph"]


def test_a_list_and_a_heading_beside_the_articles_text_english() -> None:
    """'<h2>Category:</h2><h4>BOC Meeting</h4>' in an event box beside the description: field values, not a section."""
    box = "div.evDetails/div.boxpop"
    got = segments([("heading", "BOC Meeting", box + "/h4"), ("li", "Board Meetings", box + "/ul/li"),
                    ("p", "The Board of Commissioners meets as a Committee of the Whole on the second Tuesday.",
                     "div.event/div.desc/p"),
                    ("heading", "Location", "div.event/div.desc/h3"),
                    ("p", "The meeting can be viewed online through the county's television channel.",
                     "div.event/div.desc/p")], title="Event")
    assert [kind for kind, _ in got] == ["paragraph", "paragraph", "paragraph", "heading", "paragraph"]


def test_without_two_prose_paragraphs_every_box_keeps_its_structure() -> None:
    """An agenda of lists with one line of text: no box of prose to measure against, the lists stay lists."""
    got = segments([("p", "The board meets at 6 pm in the council chamber of city hall.", "div.intro/p"),
                    ("li", "Call to order", "div.agenda/ol/li"), ("li", "Roll call", "div.agenda/ol/li")],
                   title="Agenda")
    assert [kind for kind, _ in got] == ["paragraph", "list_item", "list_item"]


def test_a_typed_enclosing_square_is_a_bullet_of_its_own_korean_and_english() -> None:
    """U+20DE typed alone before a space ('⃞ 총 6 항목 : ...') is a second-level bullet under '○'."""
    body = tuple(Block(i, text, "p", 0, "", True, dom_path="div.view/p") for i, text in enumerate(
        ["○ 공고개정 내역", "\u20de 총 6 항목 : 신설 3 항목, 변경 3 항목", "\u20de Six items: three new, three changed"], 1))
    page = CleanPage("page.html", "html", Metadata(title="공고"), body, (), ())
    got = [(s.kind, s.marker, s.depth, s.text) for s in segment_page(page) if s.kind != "title"]
    assert got == [("list_item", "○", 0, "공고개정 내역"), ("list_item", "\u20de", 1, "총 6 항목 : 신설 3 항목, 변경 3 항목"),
                   ("list_item", "\u20de", 1, "Six items: three new, three changed")]


AGENDA = "div.event/div.desc"


def test_numbered_headings_with_nothing_between_are_an_agendas_items_english() -> None:
    got = segments([("heading", "1. Call to Order and Roll Call", AGENDA + "/h4"),
                    ("heading", "2. Public Speakers", AGENDA + "/h4"), ("heading", "3. Transaction Report", AGENDA + "/h4"),
                    ("li", "Acquisitions", AGENDA + "/ol/li"), ("p", "4. Consent Agenda", AGENDA + "/p"),
                    ("heading", "5. Adjournment", AGENDA + "/h4")], title="Committee")
    assert got == [("list_item", "Call to Order and Roll Call"), ("list_item", "Public Speakers"),
                   ("list_item", "Transaction Report"), ("list_item", "Acquisitions"), ("list_item", "Consent Agenda"),
                   ("list_item", "Adjournment")]


def test_numbered_headings_with_nothing_between_are_items_korean() -> None:
    got = segments([("heading", "1. 개회", AGENDA + "/h4"), ("heading", "2. 국민의례", AGENDA + "/h4"),
                    ("heading", "3. 안건 심의", AGENDA + "/h4")])
    assert got == [("list_item", "개회"), ("list_item", "국민의례"), ("list_item", "안건 심의")]


def test_numbered_titles_over_their_text_stay_headings_korean_and_english() -> None:
    got = segments([("heading", "1. 사업개요", AGENDA + "/h4"), ("p", "청년 창업기업의 해외 진출을 돕는 사업입니다.", AGENDA + "/p"),
                    ("heading", "2. Eligibility", AGENDA + "/h4"), ("p", "Residents of the city may apply.", AGENDA + "/p")])
    assert [kind for kind, _ in got] == ["heading", "paragraph", "heading", "paragraph"]


def test_with_little_prose_a_list_outside_the_main_element_is_not_the_articles_english() -> None:
    """An event page of field rows inside <main>, a search pop-up's suggestions beside it: paragraphs."""
    got = segments([("cell", "Date : Tuesday, September 18, 2018", "body/main/section/article/table/tr"),
                    ("p", "View All Events", "body/main/section/footer"),
                    ("heading", "Events & Services", "body/section.search-modal/div/h3"),
                    ("li", "Computer Classes", "body/section.search-modal/div/ul/li"),
                    ("li", "Teen Center", "body/section.search-modal/div/ul/li")], title="Meeting")
    assert [kind for kind, _ in got] == ["paragraph", "paragraph", "paragraph", "paragraph", "paragraph"]


def test_with_little_prose_a_list_outside_the_main_element_is_not_the_articles_korean() -> None:
    got = segments([("cell", "일시 : 2025. 6. 19.(목)", "body/main/div.view/table/tr"),
                    ("li", "모집 대상 : 청년", "body/main/div.view/ul/li"), ("li", "모집 인원 : 10명", "body/main/div.view/ul/li"),
                    ("li", "청년수당", "body/div.popup/ul/li"), ("li", "청년월세", "body/div.popup/ul/li")])
    assert [kind for kind, _ in got] == ["paragraph", "list_item", "list_item", "paragraph", "paragraph"]
    # the same lines with no <main> or <article> around the text: nothing says where the article is
    got = segments([("cell", "일시 : 2025. 6. 19.(목)", "body/div.wrap/div.view/table/tr"),
                    ("li", "청년수당", "body/div.popup/ul/li"), ("li", "청년월세", "body/div.popup/ul/li")])
    assert [kind for kind, _ in got] == ["paragraph", "list_item", "list_item"]


def category_segments(lines: list[tuple[str, str]], category: str) -> list[str]:
    body = tuple(Block(i, text, hint, 0, "", True, dom_path="div.content/" + hint) for i, (hint, text) in enumerate(lines, 1))
    page = CleanPage("page.html", "html", Metadata(title="공고", category=category), body, (), ())
    return [s.kind for s in segment_page(page) if s.kind != "title"]


def test_a_heading_naming_the_pages_category_is_no_section_korean() -> None:
    """'<h1>사업공고</h1>' under the breadcrumb '홈 > 알림마당 > 사업공고': the board's name."""
    assert category_segments([("title", "사업공고"), ("p", "해남군 기업지원 사업을 공고합니다."), ("heading", "신청 방법"),
                              ("p", "온라인으로 신청합니다.")], "홈 > 알림마당 > 사업공고") == [
        "paragraph", "paragraph", "heading", "paragraph"]


def test_a_heading_naming_the_pages_category_is_no_section_english() -> None:
    assert category_segments([("title", "Calendar"), ("p", "View all calendars."), ("heading", "Meeting Options"),
                              ("p", "Attend in person.")], "Calendar") == ["paragraph", "paragraph", "heading", "paragraph"]
    # a heading that only contains a word of it is the article's own
    assert category_segments([("heading", "Calendar of events"), ("p", "Attend in person.")], "Calendar") == [
        "heading", "paragraph"]


STORY = "div.sec_body/div.news_detail"


def test_a_short_box_between_the_storys_paragraphs_is_a_subheading_korean() -> None:
    got = segments([("p", "가난과 장애를 딛고 일어선 소년공이 변호사 출신 정치인을 거쳐 대통령에 당선됐다. 그의 삶을 돌아본다.", STORY + "/p"),
                    ("caption", "1978년 소년공 시절의 모습", STORY + "/figure/figcaption"),
                    ("p", "이름조차 없던 소년공", STORY + "/div.border_org"),
                    ("p", "1963년 10월 가을. 이 당선인은 경북 안동 농가에서 5남2녀 중 다섯째로 태어났다고 전해진다.", STORY + "/p")])
    assert [kind for kind, _ in got] == ["paragraph", "caption", "heading", "paragraph"]


def test_a_short_box_between_the_storys_paragraphs_is_a_subheading_english() -> None:
    got = segments([("p", "The council approved the budget on Monday after a long debate about the new library.", STORY + "/p"),
                    ("p", "A library for the east side", STORY + "/div.subhead"),
                    ("p", "The library will open in 2027 on the site of the old bus depot, the mayor said.", STORY + "/p")],
                   title="Budget")
    assert [kind for kind, _ in got] == ["paragraph", "heading", "paragraph"]


def test_a_short_paragraph_a_sentence_or_a_label_in_a_box_stays_a_paragraph() -> None:
    prose = ("p", "The council approved the budget on Monday after a long debate about the new library.", STORY + "/p")
    for line in (("p", "A library for the east side", STORY + "/p"), ("p", "연합뉴스 제공.", STORY + "/div.credit"),
                 ("p", "Photo: City of Detroit", STORY + "/div.credit")):
        assert [kind for kind, _ in segments([prose, line, prose], title="Budget")] == ["paragraph"] * 3


def test_a_numbered_title_over_hangul_ordinal_items_is_a_heading_korean() -> None:
    """'1. 사업개요' over '가. (사업명) ...' (the official outline 1. > 가.): a section title; a noun ending in 요 is
    no sentence end, a polite '-세요' is."""
    box = "table/tr/td/p"
    got = segments([("p", "1. 사업개요", box), ("p", "가. (사업명) 스마트 관광산업 일자리사업", box),
                    ("p", "나. (사업기간) 사업 선정 ~2025. 10. 31.", box)])
    assert got == [("heading", "사업개요"), ("list_item", "(사업명) 스마트 관광산업 일자리사업"),
                   ("list_item", "(사업기간) 사업 선정 ~2025. 10. 31.")]
    got = segments([("p", "1. 꼭 신청하세요", box), ("p", "가. 온라인 접수", box)])
    assert [kind for kind, _ in got] == ["list_item", "list_item"]
