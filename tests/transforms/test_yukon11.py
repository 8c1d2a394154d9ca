"""Round 11 (yukon11): structure a news release's markup states, read from small pages in English and Korean.

A <blockquote> naming its speaker in its own footer or cite is a quote with that speaker, whatever its marks;
its footer is the attribution, never the page's footer. A box named for a link widget ('quick', 'menu') that
holds no link and a list of sentences is the article's (a 'quick facts' field), in the body and after it. A
contact card ('Media contact' / a name / a department / a number) says whom to call, after the body too.
"""
from __future__ import annotations

from cityclips.transforms.clean import clean_blocks
from cityclips.transforms.pipeline import process_page
from cityclips.transforms.records import Block, RawPage
from cityclips.transforms.tail_boxes import article_tail

ENGLISH_BODY = ("<p>The territory completed a new population estimate for the caribou herd this week, working "
                "with partners across the border and in the communities along the coast.</p>"
                "<p>Since the last count in 2013, the population has grown from an estimated 198,000 to 218,000 "
                "caribou, and the herd has grown at a rate of 3.7 per cent each year since then.</p>")
KOREAN_BODY = ("<p>광주광역시는 올해 청년 일자리 사업의 참여자를 모집한다고 밝혔다. 모집 인원은 지난해보다 두 배 늘어난 "
               "오백 명이며 시는 지역 기업과 함께 교육과 채용을 연계할 계획이다.</p>"
               "<p>참여자는 여섯 달 동안 지역 기업에서 일하며 매달 활동비를 받는다. 시는 사업이 끝난 뒤에도 "
               "정규직 전환을 돕기 위해 상담과 교육을 이어갈 예정이다.</p>")

ENGLISH_FACTS = ("Based on the new estimate, biologists are 95 per cent certain the herd is between 202,000 and 235,000.",
                 "A total of 198,104 caribou were photographed and counted in July of last year by the survey team.",
                 "The technical committee is responsible for the research and monitoring of the herd by agencies.")
KOREAN_FACTS = ("참여 대상은 공고일 현재 광주에 사는 만 19세에서 39세까지의 미취업 청년으로 소득 기준은 없다.",
                "신청은 다음 달 말까지 청년 포털에서 받으며 선발 결과는 개별 문자로 알린다고 시는 설명했다.",
                "선발된 청년은 지역 기업에서 여섯 달 동안 일하며 직무 교육과 상담을 함께 받는 방식으로 참여한다.")


def _page(body: str, title: str, lang: str, after: str = "") -> RawPage:
    """A release: its title, its body field, and after it (after) the fields that follow."""
    html = (f"<html lang='{lang}'><head><title>{title}</title></head><body><main><article>"
            f"<h1>{title}</h1><div class='node__content'><div class='field field--name-body'>{body}</div>{after}</div>"
            "</article></main>"
            "<footer class='site-footer'><p>Copyright 2026</p></footer></body></html>")
    return RawPage(f"site/{lang}.html", html.encode("utf-8"), "html")


def _quote(text: str, speaker: str) -> str:
    return (f"<div class='field field--name-field-quote'><blockquote class='blockquote'><div class='content'>"
            f"<p>{text}</p></div><footer class='blockquote-footer'><cite class='attribution'><p>{speaker}</p>"
            "</cite></footer></blockquote></div>")


def test_a_blockquote_with_its_own_footer_is_a_quote_of_the_speaker_it_names() -> None:
    english = _quote("This year’s successful and strong count demonstrates our excellent collaborative management "
                     "with our partners.", "Minister of Environment Pauline Frost")
    doc = process_page(_page(ENGLISH_BODY + english, "New population estimate", "en"))
    assert [(q.speaker, q.text[:20]) for q in doc.quotes] == [("Minister of Environment Pauline Frost",
                                                               "This year’s successf")]
    assert "Minister of Environment Pauline Frost" in [s.text for s in doc.segments]  # not dropped as a footer
    korean = _quote("“청년이 머무는 도시를 만들기 위해 일자리와 주거를 함께 지원하겠습니다.”", "― 강기정 광주광역시장")
    doc = process_page(_page(KOREAN_BODY + korean, "청년 일자리 참여자 모집", "ko"))
    assert [(q.speaker, q.text[:10]) for q in doc.quotes] == [("강기정 광주광역시장", "청년이 머무는 도시")]


def test_quotes_side_by_side_each_keep_their_own_speaker() -> None:
    quotes = (_quote("Our government is proud to support the work of the organization on housing.", "Premier Sandy Silver")
              + _quote("We are proud to be providing affordable rental housing in the community.", "President Jackie Olson")
              + _quote("Funding rental housing projects like this one makes a real difference.",
                       "Larry Bagnell, Member of Parliament for Yukon"))
    doc = process_page(_page(ENGLISH_BODY + quotes, "New housing units open", "en"))
    assert [q.speaker for q in doc.quotes] == ["Premier Sandy Silver", "President Jackie Olson",
                                               "Larry Bagnell, Member of Parliament for Yukon"]


def test_a_blockquote_without_an_attribution_is_left_to_its_marks() -> None:
    excerpt = "<blockquote><p>Section 4 of the act applies to every contract signed after the first of April.</p></blockquote>"
    doc = process_page(_page(ENGLISH_BODY + excerpt, "Policy update", "en"))
    assert doc.quotes == ()


def _facts(items: list[str], label: str) -> str:
    lis = "".join(f"<li class='field__item'><p>{item}</p></li>" for item in items)
    return (f"<div class='field field--name-field-quick-facts field--label-above'><div class='field__label'>{label}</div>"
            f"<div class='field__item'><ul>{lis}</ul></div></div>")


def test_a_box_named_quick_that_holds_sentences_and_no_link_is_the_articles() -> None:
    english = list(ENGLISH_FACTS)
    doc = process_page(_page(ENGLISH_BODY + _facts(english, "Quick facts"), "New population estimate", "en"))
    assert [s.text for s in doc.segments if s.kind == "list_item"] == english
    korean = list(KOREAN_FACTS)
    doc = process_page(_page(KOREAN_BODY + _facts(korean, "주요 내용"), "청년 일자리 참여자 모집", "ko"))
    assert [s.text for s in doc.segments if s.kind == "list_item"] == korean


def test_a_quick_menu_of_links_is_still_dropped() -> None:
    menu = ("<div class='quick'><ul>" + "".join(f"<li><a href='/p{i}'>Service number {i}</a></li>" for i in range(5))
            + "</ul></div>")
    doc = process_page(_page(ENGLISH_BODY + menu, "New population estimate", "en"))
    assert not any("Service number" in s.text for s in doc.segments)


def test_the_article_tail_keeps_a_quotes_attribution() -> None:
    quote = "body/main/article/div.field/blockquote.blockquote/div.content/div.field__item/p"
    attribution = "body/main/article/div.field/blockquote.blockquote/footer.blockquote-footer/cite/div/p"
    text = "Our government is proud to support the work of the organization to make housing affordable. " * 3
    blocks = [Block(1, text, "p", dom_path=quote), Block(2, text, "p", dom_path=quote),
              Block(3, "Larry Bagnell, Member of Parliament for Yukon", "p", dom_path=attribution),
              Block(4, "강기정 광주광역시장", "p", dom_path=attribution)]
    assert article_tail(blocks, [True] * 4) == []
    other = [Block(1, text, "p", dom_path=quote), Block(2, text, "p", dom_path=quote),
             Block(3, "Share this page", "p", dom_path="body/main/article/div.field/div.extra/p")]
    assert article_tail(other, [True] * 3) == [2]


def test_the_article_tail_judges_a_box_named_for_a_link_widget_by_its_size() -> None:
    home = "body/main/article/div.field--name-body/p"
    facts = "body/main/article/div.field--name-field-quick-facts/div.field__item/ul/li/p"
    text = "Since the last count in 2013, the population has grown from an estimated 198,000 to 218,000. " * 3
    items = ["The technical committee is responsible for the research and monitoring of the herd by agencies.",
             "선발된 청년은 지역 기업에서 여섯 달 동안 일하며 직무 교육과 상담을 함께 받는 방식으로 참여한다.",
             "The current 3.7 per cent annual growth rate is similar to the rate of the 1970s and 1980s."]
    blocks = [Block(1, text, "p", dom_path=home), Block(2, text, "p", dom_path=home)] + [
        Block(3 + n, item, "li", marker="•", dom_path=facts) for n, item in enumerate(items)]
    assert article_tail(blocks, [True] * len(blocks)) == []
    shared = [Block(1, text, "p", dom_path=home), Block(2, text, "p", dom_path=home),
              Block(3, items[0], "li", marker="•", dom_path=facts.replace("quick-facts", "sidebar"))]
    assert article_tail(shared, [True] * 3) == [2]  # another chrome name is still a verdict after the body


def _contact(label: str, lines: list[str]) -> str:
    return (f"<div class='field field--name-field-contact'><div class='field__label'>{label}</div>"
            f"<div class='field__item'><p>{'<br>'.join(lines)}</p></div></div>")


def _longer(body: str) -> str:
    """The body three times over, each copy told apart (repeated lines are a template's, not the article's)."""
    return "".join(body.replace("<p>", f"<p>{n} ") for n in ("First,", "Second,", "Third,"))


def test_a_media_contact_card_after_the_body_gives_its_department_and_phone() -> None:
    """Two people's cards after a body of a few paragraphs: the article tail takes them out of the body; the first
    says whom to call."""
    english = _contact("Media contact", ["Janine Workman", "Cabinet Communications", "867-393-7449", "j@gov.yk.ca",
                                         "Sophie Best", "Communications, Environment", "867-667-5237", "s@gov.yk.ca"])
    quote = _quote("This year’s successful and strong count demonstrates our excellent collaborative management "
                   "with state, territorial, First Nations and federal partners across the north.", "Premier Sandy Silver")
    facts = _facts(list(ENGLISH_FACTS), "Quick facts")
    meta = process_page(_page(ENGLISH_BODY, "New population estimate", "en", quote + facts + english)).metadata
    assert (meta.contact_department, meta.contact_phone) == ("Cabinet Communications", "867-393-7449")
    korean = _contact("문의처", ["김민수 주무관", "청년정책과", "062-613-1234", "kim@korea.kr",
                                 "이지은 주무관", "일자리정책과", "062-613-5678", "lee@korea.kr"])
    quote = _quote("“청년이 머무는 도시를 만들기 위해 일자리와 주거를 함께 지원하고 기업과 손잡고 교육을 늘리겠습니다.”",
                   "강기정 광주광역시장")
    facts = _facts(list(KOREAN_FACTS), "주요 내용")
    meta = process_page(_page(KOREAN_BODY, "청년 일자리 참여자 모집", "ko", quote + facts + korean)).metadata
    assert (meta.contact_department, meta.contact_phone) == ("청년정책과", "062-613-1234")


def test_a_contact_card_the_article_tail_takes_still_says_whom_to_call() -> None:
    home = "body/main/article/div.node__content/div.field--name-body/div.field__item/p"
    card = "body/main/article/div.node__content/div.field--name-field-contact/div.field__item/p"
    label = "body/main/article/div.node__content/div.field--name-field-contact/div.field__label"
    prose = ["Since the last count in 2013, the population has grown from an estimated 198,000 to 218,000 caribou, "
             "and the herd has grown every year since then.", "광주광역시는 올해 청년 일자리 사업의 참여자를 모집한다고 "
             "밝혔다. 모집 인원은 지난해보다 두 배 늘어난 오백 명이며 시는 지역 기업과 함께 교육과 채용을 연계할 계획이다."]
    for lines, want in ((["Media contact", "Janine Workman", "Cabinet Communications", "867-393-7449"],
                         ("Cabinet Communications", "867-393-7449")),
                        (["문의처", "김민수 주무관", "청년정책과", "062-613-1234"], ("청년정책과", "062-613-1234"))):
        blocks = [Block(1, "New population estimate", "title", dom_path="body/main/article/h1")] + [
            Block(2 + n, f"{n}. {prose[n % 2]}", "p", dom_path=home) for n in range(6)] + [
            Block(10 + n, line, "p", dom_path=label if n == 0 else card) for n, line in enumerate(lines)]
        page = clean_blocks("site/x.html", "html", blocks, frozenset(), "New population estimate", [])
        assert any(r.rule == "article_tail" and r.text == lines[2] for r in page.removed)
        assert (page.metadata.contact_department, page.metadata.contact_phone) == want
