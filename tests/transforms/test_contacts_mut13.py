"""transforms/contacts.py (round 13, mut13): the cases the mutation check left open (issue 19).

Fields of the institution in charge at their bounds, a letter-spaced label read with the page's next line, a
contact card whose lines another rule split, and where a sentence names its department. Korean and English where
the rule reads both (letter-spaced labels are Korean only).
"""
from __future__ import annotations

from cityclips.transforms.contacts import MAX_BODY_FIELD_CHARS, body_in_charge, find_contact, sentence_contact

# --- the field of the institution in charge ---------------------------------------------------------------


def test_a_sponsor_field_is_found_after_other_lines_of_the_article() -> None:
    assert body_in_charge(["The event is free and open to all.", "Sponsor: Civilian Oversight Board"], [0, 1]) \
        == "Civilian Oversight Board"
    assert body_in_charge(["행사는 누구나 무료로 참여할 수 있다.", "주관기관 : 청년사업담당관"], [0, 1]) == "청년사업담당관"


def test_a_label_alone_takes_the_next_line_and_a_label_on_the_last_line_gives_nothing() -> None:
    assert body_in_charge(["Sponsor:", "Civilian Oversight Board"], [0, 1]) == "Civilian Oversight Board"
    assert body_in_charge(["주관기관 :", "청년사업담당관"], [0, 1]) == "청년사업담당관"
    assert body_in_charge(["Sponsor:"], [0]) is None
    assert body_in_charge(["The event is free.", "주관기관 :"], [0, 1]) is None


def test_a_value_on_the_next_line_is_at_most_sixty_characters() -> None:
    english = "Office of Civilian Oversight and Community Relations Board AB"
    assert len(english) == 61
    assert body_in_charge(["Sponsor:", english[:60]], [0, 1]) == english[:60]
    assert body_in_charge(["Sponsor:", english], [0, 1]) is None
    korean = "광주광역시 청년정책과 청년일자리팀 " * 4
    assert body_in_charge(["주관기관 :", korean[:60]], [0, 1]) == korean[:60].strip()
    assert body_in_charge(["주관기관 :", korean[:61] + "팀"], [0, 1]) is None


def test_a_field_line_of_sixty_characters_is_read_and_one_of_sixty_one_is_not() -> None:
    english = "Sponsor: " + "Civilian Oversight Board of Saint Louis City Hall Annex"[:51]
    assert len(english) == 60 and body_in_charge([english], [0]) == english[len("Sponsor: "):]
    assert body_in_charge([english + "x"], [0]) is None
    korean = "주관기관 : " + "광주광역시청년정책과" * 6
    korean = korean[:60]
    assert len(korean) == 60 and body_in_charge([korean], [0]) == korean[len("주관기관 : "):]
    assert body_in_charge([korean + "과"], [0]) is None


# --- a letter-spaced label read with the page's next line -----------------------------------------------------


def test_a_letter_spaced_label_is_read_with_the_pages_next_line() -> None:
    lines = ["2025년 입주기업 모집 공고", "◦ 문 의 : 산업연구부 기업지원팀", "☎ 054)780-3422 / FAX 054)780-3468"]
    assert find_contact(lines, [0, 1], [0, 1, 2]) == ("산업연구부 기업지원팀", "054)780-3422")
    # the number's line need not be the article's: another rule may have taken it
    assert find_contact(lines, [0, 1], [0, 1]) == ("산업연구부 기업지원팀", "054)780-3422")
    # on the page's last line, the label has no next line
    assert find_contact(lines[:2], [0, 1], [0, 1]) == (None, None)


# --- a contact card whose lines another rule split ---------------------------------------------------------------


def test_a_card_is_read_over_the_lines_around_the_article_skipping_the_ones_between() -> None:
    # line 1 is site chrome between the card's lines: the card is read over the article's and its furniture's lines
    english = ["Media contact", "Follow us on Facebook", "Pat Living", "Cabinet Communications", "867-393-7478"]
    assert find_contact(english, [], [0, 2, 3, 4]) == ("Cabinet Communications", "867-393-7478")
    korean = ["문의처", "페이스북 공유하기", "김민수 주무관", "청년정책과", "062-613-2321"]
    assert find_contact(korean, [], [0, 2, 3, 4]) == ("청년정책과", "062-613-2321")


# --- where a sentence names its department ------------------------------------------------------------------------


def test_a_sentence_names_its_department_before_the_number_not_after_it() -> None:
    assert sentence_contact("062-613-2321로 자세한 사항을 문의할 수 있는 곳은 교통정책과") == (None, "062-613-2321")
    assert sentence_contact("자세한 사항은 교통정책과 062-613-2321로 문의") == ("교통정책과", "062-613-2321")
