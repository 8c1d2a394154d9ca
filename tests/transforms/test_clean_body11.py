"""transforms/clean.py, round 11 (body11): a recurring sentence amid the page's own text is the page's."""
from __future__ import annotations

from cityclips.transforms.clean import clean_blocks
from cityclips.transforms.records import Block
from cityclips.transforms.template import block_signatures, line_signature

_BOX = "body/div.event/div.event-desc/p"


def _clean(texts: list[str], recurring: list[str]):
    page = [Block(n, text, "p", dom_path=_BOX) for n, text in enumerate(texts, 1)]
    templates = frozenset(line_signature(text) for text in recurring)
    clean = clean_blocks("e.html", "html", page, templates, signatures=block_signatures(page))
    return [b.text for b in clean.body], {line.text: line.rule for line in clean.removed}


def test_a_standing_sentence_between_a_meetings_own_paragraphs_is_kept_english() -> None:
    standing = "Only the Mayor appointed and vetted Commissioners may make motions and vote."
    body, rules = _clean(["Howard Street SSA #19 Commissioners Meeting",
                          "The commissioners meet monthly to discuss initiatives, review programs and approve the budget.",
                          standing,
                          "Meetings are held every third Wednesday of the month at the Factory Theater on Howard Street.",
                          "Subscribe to our newsletter for the latest events and offers."],
                         recurring=[standing, "Subscribe to our newsletter for the latest events and offers."])
    assert standing in body
    assert rules["Subscribe to our newsletter for the latest events and offers."] == "template"  # at the edge: chrome


def test_a_standing_sentence_between_a_notices_own_paragraphs_is_kept_korean() -> None:
    standing = "위원회의 의결은 시장이 위촉하고 검증한 위원만 발의하고 표결할 수 있습니다."
    tail = "이 누리집의 모든 콘텐츠는 저작권법의 보호를 받는 저작물입니다 이용에 주의하세요."
    body, rules = _clean(["제19차 상가활성화 위원회 회의",
                          "위원회는 매월 한 차례 모여 상권 활성화 사업과 예산 집행 계획을 논의하고 의결합니다.",
                          standing,
                          "회의는 매월 셋째 주 수요일 오전 하워드 거리 주민센터 대회의실에서 열립니다.",
                          tail],
                         recurring=[standing, tail])
    assert standing in body
    assert rules[tail] == "template"


def test_a_recurring_sentence_next_to_other_recurring_lines_still_goes() -> None:
    lines = ["Our office is open Monday to Friday, from nine in the morning until five in the afternoon.",
             "Call us or write to us with any question about the programme and its deadlines."]
    own = [f"Item {n}: the board will review the annual budget, the audit report and the plans of department {n}."
           for n in range(1, 9)]
    body, rules = _clean(["Board Meeting", *own, lines[0], lines[1]], recurring=lines)
    assert all(rules[line] == "template" for line in lines)


# --- a line of fields with a view count under the article is the page's counter ------------------------

_PROSE_EN = ["The ministry said on Monday that the country had crossed a new milestone in its clean energy programme.",
             "Officials added that manufacturing of solar modules had grown fast in the last ten years."]
_PROSE_KO = ["시는 올해 신재생에너지 설비 용량이 처음으로 목표치를 넘어섰다고 밝혔다.",
             "시 관계자는 지역 기업의 태양광 모듈 생산도 빠르게 늘고 있다고 말했다."]


def _clean_page(texts: list[str]):
    page = [Block(n, text, "p", dom_path="body/form/div.container/div.release") for n, text in enumerate(texts, 1)]
    return clean_blocks("r.html", "html", page, signatures=block_signatures(page))


def test_a_counter_line_under_the_article_is_metadata_english() -> None:
    clean = _clean_page(["India Achieves a Milestone", *_PROSE_EN, "(Release ID: 2296782) Views : 1121"])
    assert "(Release ID: 2296782) Views : 1121" not in [b.text for b in clean.body]
    assert ("metadata", "(Release ID: 2296782) Views : 1121") in [(r.rule, r.text) for r in clean.removed]
    assert clean.metadata.view_count == 1121


def test_a_counter_line_under_the_article_is_metadata_korean() -> None:
    clean = _clean_page(["신재생에너지 목표 달성", *_PROSE_KO, "(보도번호 : 2296) 조회수 : 1,121"])
    assert "(보도번호 : 2296) 조회수 : 1,121" not in [b.text for b in clean.body]
    assert clean.metadata.view_count == 1121


def test_a_sentence_about_views_is_text() -> None:
    line = "At noon the release page showed Views : 1121, a record for the ministry."
    clean = _clean_page(["India Achieves a Milestone", *_PROSE_EN, line])
    assert line in [b.text for b in clean.body]


# --- a keyword row among a record's field rows is its field ------------------------------------------------

def _record(rows: list[str], path: str = "body/div.view_detail/ul.viewlist/li"):
    page = [Block(1, rows[0], "title", dom_path="body/div.view_detail/h4"), *(
        Block(n, text, "cell", dom_path=path) for n, text in enumerate(rows[1:], 2))]
    return clean_blocks("v.html", "html", page, signatures=block_signatures(page))


def test_a_keyword_row_of_a_records_fields_is_kept_korean() -> None:
    row = "키워드 : #산업통상부 #업무보고 #2026년도"
    clean = _record(["산업통상부 업무보고", "방송형태 : 뉴스", "촬영장소 : 정부세종컨벤션센터", "출연자 : 김정관 장관", row])
    assert row in [b.text for b in clean.body]


def test_a_keyword_row_of_a_records_fields_is_kept_english() -> None:
    row = "Tags: #budget #transit #2026"
    clean = _record(["Transit budget hearing", "Type: News", "Location: City Hall, Room 201", "Speaker: Mayor Kim", row])
    assert row in [b.text for b in clean.body]


def test_a_tag_row_alone_under_an_article_still_goes() -> None:
    row = "Tags: #budget #transit #2026"
    page = [Block(1, "Transit budget hearing", "title", dom_path="body/article/h1"),
            Block(2, "The council heard residents on the transit budget for three hours on Tuesday night.", "p",
                  dom_path="body/article/div.body/p"),
            Block(3, row, "cell", dom_path="body/article/ul.tags/li")]
    clean = clean_blocks("a.html", "html", page, signatures=block_signatures(page))
    assert ("tags", row) in [(r.rule, r.text) for r in clean.removed]


# --- a box of the same sentences in several places of one page is a stamp ------------------------------------

def _sections(stamp: list[str], sections: list[tuple[str, str]], stamp_path: str = "body/form/div/div.hiddendtail"):
    page, n = [], 1
    for heading, text in sections:
        for line in [(heading, "heading", "body/form/div/h4"), (text, "p", "body/form/div/div.area/p"),
                     *((s, "p", stamp_path) for s in stamp)]:
            page.append(Block(n, line[0], line[1], dom_path=line[2]))
            n += 1
    return clean_blocks("s.html", "html", page, signatures=block_signatures(page))


def test_a_stamp_repeated_under_every_section_goes_korean() -> None:
    stamp = ["[출처] Bizinfo 제공하는 지원사업정보입니다. (www.bizinfo.go.kr)", "RSS 및 티커 서비스를 이용하시면 더 많은 정보를 이용할 수 있습니다."]
    clean = _sections(stamp, [("사업개요", "초기기업의 사업화 성공률을 높이기 위하여 기술개발비를 지원하는 사업입니다."),
                              ("지원대상", "창업 3년 이내의 중소기업으로서 투자자의 투자 의향서를 받은 기업입니다."),
                              ("신청방법", "온라인으로 신청서를 내고 사업계획서와 투자계약서를 첨부하여야 합니다.")])
    body = [b.text for b in clean.body]
    assert not any(text in body for text in stamp)
    assert ("page_stamp", stamp[0]) in [(r.rule, r.text) for r in clean.removed]
    assert "창업 3년 이내의 중소기업으로서 투자자의 투자 의향서를 받은 기업입니다." in body


def test_a_stamp_repeated_under_every_section_goes_english() -> None:
    stamp = ["Source: this information is provided by the national business portal."]
    clean = _sections(stamp, [("Overview", "The programme funds the research of young firms that hold an investor's letter."),
                              ("Eligibility", "Firms founded in the last three years may apply with an investment contract."),
                              ("How to apply", "Applications are filed online with a business plan and the contract.")])
    assert stamp[0] not in [b.text for b in clean.body]


def test_a_sentence_repeated_among_other_text_of_its_box_stays() -> None:
    repeated = "Mayor Francois opened the item for public comment, hearing no comment, he closed the period."
    page, n = [], 1
    for item in ("a. Budget update.", "b. Parks plan.", "c. Street repairs."):
        for text in (item, repeated):
            page.append(Block(n, text, "p", dom_path="body/div.minutes/p"))
            n += 1
    clean = clean_blocks("m.html", "html", page, signatures=block_signatures(page))
    assert [b.text for b in clean.body].count(repeated) == 3
