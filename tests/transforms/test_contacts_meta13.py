"""transforms/contacts.py and metadata.py (round 13, meta13): international numbers and the card an inquiry line
closes, in both languages (and German, whose press release r401 gave the shape)."""
from __future__ import annotations

from cityclips.transforms.contacts import closed_card, find_contact
from cityclips.transforms.metadata import (inquiry_sentence_phone, parse_contact, parse_contact_box,
                                           parse_inquiry_line)

# --- the international form ------------------------------------------------------------------------


def test_an_international_number_with_its_trunk_and_groups_is_read_whole() -> None:
    assert parse_inquiry_line("Phone: +43 (0) 50 11 50 - 3320") == "+43 (0) 50 11 50 - 3320"
    assert parse_inquiry_line("Tel: +43 1 711 00-3320") == "+43 1 711 00-3320"
    assert parse_inquiry_line("전화 : +82 (0)62 613 2321") == "+82 (0)62 613 2321"
    assert parse_inquiry_line("Telefon: +49 30 1234567") == "+49 30 1234567"


def test_a_number_the_national_form_reads_is_read_as_before() -> None:
    # after a country code, '646-558-8656' and '62-613-2321' keep the shape they had ('+82' is Korea's own prefix)
    assert inquiry_sentence_phone("For details, please call +1-646-558-8656.") == "646-558-8656"
    assert parse_contact("담당부서 : 교통정책과 +82 62-613-2321") == ("교통정책과", "+82 62-613-2321")


def test_a_plus_sign_before_a_few_digits_is_no_number() -> None:
    # under eight digits, or groups of one digit at the end: a score, a sum
    assert parse_inquiry_line("Phone: +3 12 14") is None
    assert parse_inquiry_line("연락처: +2 3 4 5 6") is None


# --- the card an inquiry line closes -----------------------------------------------------------------


def test_an_inquiry_line_takes_the_department_of_the_card_it_closes() -> None:
    german = ["Die Außenministerin eröffnete zudem einen Gedankenaustausch.", "Rückfragehinweis",
              "Bundesministerium für Europa, Integration und Äußeres", "Presseabteilung",
              "Telefon: +43 (0) 50 11 50 - 3320", "Fax: +43 (0) 50 11 50 - 213"]
    # the label's line was taken by another rule (a meta box's class): only the page's order joins it to the card
    assert find_contact(german, [0, 2, 3, 4], [0, 2, 3, 4]) == ("Presseabteilung", "+43 (0) 50 11 50 - 3320")
    english = ["The board meets monthly.", "Media contacts", "Office of the Attorney General", "Communications Office",
               "Phone: 517-284-6135"]
    assert find_contact(english, [0, 2, 3, 4], [0, 2, 3, 4]) == ("Communications Office", "517-284-6135")
    korean = ["사업 내용은 아래와 같습니다.", "문의처", "광주광역시", "청년정책과", "전화 : 062-613-2321"]
    assert find_contact(korean, [0, 2, 3, 4], [0, 2, 3, 4]) == ("청년정책과", "062-613-2321")


def test_an_inquiry_line_with_no_card_label_above_it_gives_its_number_alone() -> None:
    english = ["The board meets monthly.", "Office of the Attorney General", "Communications Office", "Phone: 517-284-6135"]
    assert find_contact(english, [0, 1, 2, 3], [0, 1, 2, 3]) == (None, "517-284-6135")
    korean = ["사업 내용은 아래와 같습니다.", "광주광역시", "청년정책과", "전화 : 062-613-2321"]
    assert find_contact(korean, [0, 1, 2, 3], [0, 1, 2, 3]) == (None, "062-613-2321")


def test_a_card_label_too_far_above_is_not_the_cards() -> None:
    lines = ["Contacts", "Jane Doe", "Office of the Mayor", "City Hall", "Room 5", "Phone: 517-284-6135"]
    assert closed_card(lines, 5, "517-284-6135") is None
    korean = ["문의처", "김민수", "청년정책과", "시청", "본관 3층", "전화 : 062-613-2321"]
    assert closed_card(korean, 5, "062-613-2321") is None


def test_german_card_labels_head_a_card() -> None:
    assert parse_contact_box(["Pressekontakt", "Stadt Wien", "Presseabteilung", "Telefon: +43 1 4000 81123"]) \
        == ("Presseabteilung", "+43 1 4000 81123")
    assert parse_contact_box(["Rückfragehinweis", "Stadt Wien", "Presseabteilung", "Telefon: +43 1 4000 81123"]) \
        == ("Presseabteilung", "+43 1 4000 81123")


# --- a card whose number has a label line of its own ----------------------------------------------------


def test_a_phone_label_alone_on_its_line_joins_the_number_under_it() -> None:
    english = ["Contact Information", "Office of the Board of Trustees", "Phone:", "312-553-2515"]
    assert parse_contact_box(english) == ("Office of the Board of Trustees", "312-553-2515")
    korean = ["연락처 정보", "청년정책과", "전화 :", "062-613-2321"]
    assert parse_contact_box(korean) == ("청년정책과", "062-613-2321")


def test_a_label_line_that_is_no_phone_label_still_ends_the_card() -> None:
    assert parse_contact_box(["Contact Information", "Office of the Board", "Email:", "312-553-2515"]) is None
    assert parse_contact_box(["연락처 정보", "청년정책과", "문의 :", "062-613-2321"]) is None
