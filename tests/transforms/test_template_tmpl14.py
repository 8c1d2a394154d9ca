"""transforms/template.py, round 14 (tmpl14): a series of documents of one site (a government's standards, a
council's rules) shares numbered clauses and headings word for word between each one's own clauses; a line that
is a clause of the page's own numbered series (numbered on from, or on to, a clause of the page's own) is the
page's text, not a template line. The site's chrome (a footer, a numbered box that starts its own numbering) is
still template."""
from __future__ import annotations

import pytest

from cityclips.transforms.records import Block
from cityclips.transforms.template import TemplateStats, block_signatures, clause_number, page_signatures, template_rules

# three standards of one site: each has its own clauses, and the clauses every standard of the series shares
OWN = {"en": [["1.1 This standard ensures that departments use one numeric format for dates and times.",
               "1.2 This list standardizes the way date and time are formatted in datasets.",
               "3.2.1 apply the required format to date and time in datasets to the extent that they can."],
              ["1.1 This standard ensures that departments use the business number to identify businesses.",
               "1.2 This list standardizes the way business numbers are recorded in systems.",
               "3.2.1 use the business number as the identifier of a business in new systems."],
              ["1.1 This standard ensures that departments record the names of persons in one structure.",
               "1.2 This list standardizes the parts of a person's name kept in datasets.",
               "3.2.1 record the given names and the family name of a person as separate elements."]],
       "ko": [["1.1 이 표준은 각 기관이 날짜와 시각을 하나의 숫자 형식으로 쓰도록 하기 위한 것이다.",
               "1.2 이 목록은 데이터셋에서 날짜와 시각을 적는 방식을 통일한다.",
               "3.2.1 데이터셋의 날짜와 시각은 가능한 한 정해진 형식으로 적는다."],
              ["1.1 이 표준은 각 기관이 사업자를 사업자등록번호로 식별하도록 하기 위한 것이다.",
               "1.2 이 목록은 시스템에 사업자등록번호를 기록하는 방식을 통일한다.",
               "3.2.1 새 시스템에서는 사업자등록번호를 사업자의 식별자로 쓴다."],
              ["1.1 이 표준은 각 기관이 사람의 이름을 하나의 구조로 기록하도록 하기 위한 것이다.",
               "1.2 이 목록은 데이터셋에 담는 이름의 구성 요소를 통일한다.",
               "3.2.1 사람의 이름과 성은 서로 다른 항목으로 기록한다."]]}
# the series' shared headings and clauses, in each standard's numbering
SHARED = {"en": ["2. Effective date", "2.1 This standard takes effect on September 27, 2024.",
                 "3. Requirements", "3.1 This standard sets out the requirements of the directive on service.",
                 "3.2 Service owners and data practitioners must:"],
          "ko": ["2. 시행일", "2.1 이 표준은 2024년 9월 27일부터 시행한다.",
                 "3. 요구 사항", "3.1 이 표준은 서비스 지침이 정한 요구 사항을 자세히 정한다.",
                 "3.2 서비스 담당자와 데이터 담당자는 다음을 지켜야 한다:"]}
ENQUIRIES = {"en": ["4. Enquiries", "4.1 For interpretation of any aspect of this standard, contact the data office."],
             "ko": ["4. 문의", "4.1 이 표준의 해석에 관한 문의는 데이터 담당 부서로 한다."]}
FOOTER = {"en": ["Terms and conditions", "Privacy", "Contact the government"],
          "ko": ["이용약관", "개인정보처리방침", "누리집 안내"]}
# a box of the site's that numbers its own items from 1: no clause of the page's series
NUMBERED_BOX = {"en": ["1. Find a service", "2. Report a problem on this page"],
                "ko": ["1. 서비스 찾기", "2. 이 페이지의 오류 신고"]}


def _intro(lang: str, n: int) -> str:
    """The page's own unnumbered introduction: more of its own text than the shared lines (the guard of
    template_rules, which keeps all but the page's edges on a page of mostly template lines, stays out)."""
    return " ".join(line.split(" ", 1)[1] for line in OWN[lang][n]) * 3


def _page(lang: str, n: int) -> list[str]:
    own = OWN[lang][n]
    shared = SHARED[lang]
    return [_intro(lang, n), own[0], own[1], *shared, own[2], *ENQUIRIES[lang], *NUMBERED_BOX[lang], *FOOTER[lang]]


def _block(i: int, text: str) -> Block:
    return Block(1 + i, text, "p", dom_path="body/main/section/p")


def _rules(pages: list[list[str]], n: int) -> dict[str, str | None]:
    stats = TemplateStats()
    for m, lines in enumerate(pages):
        stats.add("site|x", f"page-{m}", page_signatures([_block(i, t) for i, t in enumerate(lines)]))
    blocks = [_block(i, t) for i, t in enumerate(pages[n])]
    rules = template_rules(blocks, block_signatures(blocks), stats.templates()["site|x"], [True] * len(blocks))
    return {b.text: rule for b, rule in zip(blocks, rules)}


@pytest.mark.parametrize("lang", ["en", "ko"])
@pytest.mark.parametrize("n", [0, 1, 2])
def test_shared_clauses_of_the_page_numbered_series_are_its_own(lang: str, n: int) -> None:
    rules = _rules([_page(lang, m) for m in range(3)], n)
    for line in SHARED[lang] + ENQUIRIES[lang]:  # numbered on from 1.2, on to 3.2.1, and on to the end
        assert rules[line] is None, line


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_site_chrome_around_a_numbered_series_is_still_template(lang: str) -> None:
    rules = _rules([_page(lang, m) for m in range(3)], 0)
    for line in FOOTER[lang] + NUMBERED_BOX[lang]:  # '1. Find a service' does not follow '4.1': a new numbering
        assert rules[line] == "template", line
    for line in OWN[lang][0]:
        assert rules[line] is None


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_a_numbered_series_of_template_lines_alone_is_template(lang: str) -> None:
    # the same pages with their own clauses unnumbered (_intro): the shared series holds no line of the page's own
    pages = [[_intro(lang, m), *SHARED[lang], *ENQUIRIES[lang], *FOOTER[lang]] for m in range(3)]
    rules = _rules(pages, 0)
    for line in SHARED[lang] + ENQUIRIES[lang]:
        assert rules[line] is not None, line


def test_clause_numbers_of_both_languages() -> None:
    assert clause_number("3.2.1 apply the required format") == (3, 2, 1)
    assert clause_number("제5조(시행일) 이 규칙은 공포한 날부터 시행한다.") == (5,)
    assert clause_number("2. 시행일") == (2,)
    assert clause_number("2024.05.01 공지사항") is None
    assert clause_number("Section 2.1 of the directive") is None


def test_shared_articles_of_a_korean_rule_series_are_its_own() -> None:
    # three rules of one city: each its own purpose and definitions, the series' shared enforcement article
    purposes = ["이 규칙은 도서관 운영에 필요한 사항을 정함을 목적으로 한다.", "이 규칙은 공원 관리에 필요한 사항을 정함을 목적으로 한다.",
                "이 규칙은 주차장 운영에 필요한 사항을 정함을 목적으로 한다."]
    shared = "제3조(시행일) 이 규칙은 공포한 날부터 시행한다."
    pages = [[_intro("ko", m), f"제1조(목적) {purposes[m]}", f"제2조(정의) 이 규칙에서 쓰는 용어의 뜻은 시설 {m}호에 따른다.",
              shared, *FOOTER["ko"]] for m in range(3)]
    rules = _rules(pages, 1)
    assert rules[shared] is None  # 제3조 follows the page's own 제2조
    assert all(rules[line] == "template" for line in FOOTER["ko"])
