"""transforms/contacts.py (round 12, meta12): whom to call about a page, in both languages."""
from __future__ import annotations

from cityclips.transforms.contacts import (body_in_charge, close_spaced_label, find_contact, sentence_contact,
                                           spaced_label_contact)
from cityclips.transforms.pipeline import corpus_templates, process_page
from cityclips.transforms.records import Document, RawPage

# --- which line says it ---------------------------------------------------------------------------


def test_a_contact_card_beats_a_sentence_that_gives_a_number_for_something_else() -> None:
    english = ["Anyone experiencing symptoms should call the COVID-19 Testing and Assessment Centre at 867-393-3083.",
               "Media contact", "Pat Living", "Communications, Health and Social Services", "867-335-1531"]
    assert find_contact(english, [0], range(len(english))) \
        == ("Communications, Health and Social Services", "867-335-1531")
    korean = ["증상이 있으면 가까운 보건소(062-613-8900)로 연락해 주시기 바랍니다.", "문의처", "청년정책과", "062-613-2321"]
    assert find_contact(korean, [0], range(len(korean))) == ("청년정책과", "062-613-2321")


def test_a_labelled_inquiry_line_beats_a_card() -> None:
    english = ["Phone: 517-284-6135", "Media contact", "Cabinet Communications", "867-393-7478"]
    assert find_contact(english, [0], range(len(english))) == (None, "517-284-6135")
    korean = ["문의 : 063-240-2422", "문의처", "기업지원팀", "054-780-3422"]
    assert find_contact(korean, [0], range(len(korean))) == (None, "063-240-2422")


def test_a_cards_number_line_counts_whatever_rule_took_it() -> None:
    # lines 0-1 are the article's; the number's line (2) was taken by another rule, so only the page's order joins them
    english = ["Contact:", "Renee Parker", "Phone: 517-284-6135", "Committee Members"]
    assert find_contact(english, [0, 1], [0, 1, 3]) == (None, "517-284-6135")
    korean = ["문의처", "김민수 주무관", "청년정책과", "062-613-2321"]
    assert find_contact(korean, [0, 1, 2], [0, 1, 2]) == ("청년정책과", "062-613-2321")


def test_with_no_line_card_or_sentence_there_is_no_contact() -> None:
    assert find_contact(["The council met on Monday."], [0], [0]) == (None, None)
    assert find_contact(["시의회는 월요일에 열렸다."], [0], [0]) == (None, None)


# --- sentences --------------------------------------------------------------------------------------

def test_a_sentence_asking_about_the_page_names_the_department_in_both_languages() -> None:
    assert sentence_contact("If you have any questions, please contact the Harbor Commission Office prior to the "
                            "meeting at (310) 732-3444.") == ("Harbor Commission Office", "(310) 732-3444")
    assert sentence_contact("For more information, contact the Office of the Board of Trustees at 312-553-2515.") \
        == ("Office of the Board of Trustees", "312-553-2515")
    assert sentence_contact("자세한 사항은 교통정책과(062-613-2321)로 문의하면 된다.") == ("교통정책과", "062-613-2321")


def test_a_sentence_about_a_service_gives_the_number_and_no_department() -> None:
    assert sentence_contact("If interpretation or translation services are needed please call The Department of Civil "
                            "Rights, Inclusion & Opportunity at 313-224-4950.") == (None, "313-224-4950")
    assert sentence_contact("통역이 필요하면 인권담당관(062-613-2000)에게 연락 바랍니다.") == (None, "062-613-2000")


def test_a_sentence_that_names_no_department_gives_the_number_alone() -> None:
    assert sentence_contact("For more information, please call 517-284-6135.") == (None, "517-284-6135")
    assert sentence_contact("자세한 사항은 전화(062-613-2321)로 문의하시기 바랍니다.") == (None, "062-613-2321")


# --- a card the site repeats under every release ------------------------------------------------------

RELEASES = [("Work has ended on the Dawson ice bridge", "867-393-7478"),
            ("Caribou herd estimate released", "867-393-7449"),
            ("New housing units open in Dawson", "867-332-0480"),
            ("Visitor exit survey results", "867-332-7627")]
KOREAN_RELEASES = [("광주시, 시내버스 노선 개편", "062-613-2321"), ("광주시, 청년 일자리 박람회 개최", "062-613-2331"),
                   ("광주시, 도서관 두 곳 새로 열어", "062-613-2341"), ("광주시, 어르신 무료 버스 확대", "062-613-2351")]


def _release(title: str, phone: str, label: str, department: str, body: str, person: str) -> bytes:
    """A release as a text dump: its headline, its text, then the media contact the site prints under every one."""
    paragraphs = "\n\n".join(body.format(title=title, a=phone[-n - 4:][:4], b=n + 2) for n in range(3))
    return f"{title}\n\n{paragraphs}\n\n{label}\n\n{person}\n\n{department}\n\n{phone}\n".encode()


def _contacts(releases, label: str, department: str, body: str, person: str) -> list[tuple[str | None, str | None]]:
    pages = [RawPage(f"site/p{n}.txt", _release(title, phone, label, department, body, person), "text")
             for n, (title, phone) in enumerate(releases)]
    templates = corpus_templates(pages)
    docs = [process_page(page, templates) for page in pages]
    assert all(isinstance(doc, Document) for doc in docs)
    assert all(any(r.rule == "template" and r.text == label for r in doc.removed) for doc in docs)  # the card recurs
    return [(doc.metadata.contact_department, doc.metadata.contact_phone) for doc in docs]


def test_a_contact_card_the_site_repeats_still_says_whom_to_call() -> None:
    # 'Media contact' and 'Cabinet Communications' recur on every release (template lines); the number is the page's
    english = _contacts(RELEASES, "Media contact", "Cabinet Communications", "{title}: {a} residents took part this year, {b} more than the year before, the government said.",
                        "Sunny Patch")
    assert english == [("Cabinet Communications", phone) for _, phone in RELEASES]
    korean = _contacts(KOREAN_RELEASES, "문의처", "교통정책과", "광주시는 {title} 계획을 발표했다. 올해 {a}명이 참여했고 지난해보다 {b}명 늘었다고 밝혔다.",
                      "김민수 주무관")
    assert korean == [("교통정책과", phone) for _, phone in KOREAN_RELEASES]


# --- letter-spaced Korean labels ------------------------------------------------------------------------

def test_a_letter_spaced_korean_contact_label_reads_once_closed_up() -> None:
    assert spaced_label_contact("문 의 처 원스톱기업지원팀 김민지 (051-320-3546, epikmj@btp.or.kr )") \
        == ("원스톱기업지원팀 김민지", "051-320-3546")
    assert spaced_label_contact("◦ 문 의 : 산업연구부 기업지원팀", "☎ 054)780-3422 / FAX 054)780-3468") \
        == ("산업연구부 기업지원팀", "054)780-3422")
    line = "담 당 부 서 : 교통정책과 ☎ 062-613-2321"
    assert find_contact([line], [0], [0]) == ("교통정책과", "062-613-2321")


def test_single_syllables_that_are_no_label_and_english_lines_give_no_spaced_contact() -> None:
    assert spaced_label_contact("이 두 곳은 시민 누구나 이용할 수 있다 062-613-2321") is None
    assert spaced_label_contact("Contact : Transport Division 062-613-2321") is None  # no letter-spaced label
    assert close_spaced_label("Contact us") is None


def test_a_letter_spaced_contact_line_stays_in_the_notices_body() -> None:
    page = ("<html lang='ko'><head><title>2025년 입주기업 모집 공고</title></head><body><main><h1>2025년 입주기업 모집 공고</h1>"
            "<p>연구원은 입주보육실에 입주할 기업을 다음과 같이 공개 모집합니다. 많은 참여 바랍니다.</p>"
            "<ul><li>◦ 접수기간 : 연중 상시접수</li><li>◦ 문 의 처 원스톱기업지원팀 김민지 (051-320-3546)</li></ul>"
            "</main></body></html>")
    doc = process_page(RawPage("notice.html", page.encode(), "html"))
    assert (doc.metadata.contact_department, doc.metadata.contact_phone) == ("원스톱기업지원팀 김민지", "051-320-3546")
    assert any("원스톱기업지원팀" in segment.text for segment in doc.segments)


def test_a_korean_bodys_legal_form_is_no_word_of_the_department() -> None:
    from cityclips.transforms.metadata import parse_contact
    assert spaced_label_contact("◦ 문 의 : ( 재 ) 환동해산업연구원 기업지원팀", "☎ 054)780-3422") \
        == ("환동해산업연구원 기업지원팀", "054)780-3422")
    assert parse_contact("문의 : ㈜광주테크 기술팀 ☎ 062-613-2321") == ("광주테크 기술팀", "062-613-2321")
    # an English name's brackets are its own
    assert parse_contact("Contact : Transport Division (Roads) 062-613-2321") == ("Transport Division Roads", "062-613-2321")


# --- the institution in charge names the department of a number found alone --------------------------

def test_a_sponsor_field_names_the_department_of_a_number_found_alone_in_both_languages() -> None:
    english = ["Sponsor:", "Civilian Oversight Board", "Email:", "Dorothy Malone", "Phone:", "(314) 657-1600"]
    assert find_contact(english, range(6), range(6)) == ("Civilian Oversight Board", "(314) 657-1600")
    korean = ["주관기관 : 청년사업담당관", "문의 : 02-2133-4316"]
    assert find_contact(korean, [0, 1], [0, 1]) == ("청년사업담당관", "02-2133-4316")


def test_the_cards_own_department_stays_and_no_number_means_no_contact() -> None:
    lines = ["Organizer: Port of Los Angeles", "Media contact", "Jane Doe", "Harbor Commission Office", "(310) 732-3444"]
    assert find_contact(lines, [0], range(5)) == ("Harbor Commission Office", "(310) 732-3444")
    assert find_contact(["주관기관 : 청년사업담당관"], [0], [0]) == (None, None)
    assert body_in_charge(["Sponsor: 2025 budget"], [0]) is None  # a number is no institution's name
