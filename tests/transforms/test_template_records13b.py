"""transforms/template.py, round 13b (forms13b): a label/value record line whose value holds digits
('FORM NUMBER: DD3' on one form page, 'FORM NUMBER: DD285' on the next; '등록일 : 2024.05.01' and '등록일 : 2024.06.03'
on two board posts) is the page's own record, not template chrome, though its masked line recurs on every page of the
site; one that recurs exactly (the same value on every page) and label-only lines still are template."""
from __future__ import annotations

import pytest

from cityclips.transforms.records import Block
from cityclips.transforms.template import (TemplateStats, block_signatures, line_signature, page_signatures,
                                           template_rules)

# each page's record: rows of a label cell and a value cell, read as one line a row
RECORDS = {"en": [["FORM NUMBER: DD3", "EDITION DATE: 20000201", "NUMBER OF PAGES: 2"],
                  ["FORM NUMBER: DD285", "EDITION DATE: 19670601", "NUMBER OF PAGES: 3"]],
           "ko": [["문서번호 : 제2024-31호", "등록일 : 2024.05.01", "조회수 : 75"],
                  ["문서번호 : 제2024-47호", "등록일 : 2024.06.03", "조회수 : 112"]]}
SAME_RECORD = {"en": "Contact phone: 202-555-0100", "ko": "문의전화 : 062-613-2114"}  # the same value on every page
CHROME = {"en": ["For assistance see FAQs and Downloading Instructions", "Form Flow 99: Forms Officer", "REMARKS:"],
          "ko": ["도움말은 자주 묻는 질문을 보세요", "서식 99: 서식 담당자", "비고 :"]}
OWN = {"en": ["Application for a gold star lapel button, filed by the next of kin of a member who died on duty.",
              "Appointment of a postal clerk, unit mail clerk or mail orderly of the military postal service."],
       "ko": ["녹양초등학교 돌봄교실 강사를 다음과 같이 채용하오니 관심 있는 분들의 많은 응모 바랍니다.",
              "동암초등학교 방과후학교 코딩 강사를 다음과 같이 공개 모집하오니 많은 지원 바랍니다."]}


def _page(lang: str, n: int) -> list[Block]:
    # the page's own text outweighs its template lines (else template_rules' guard keeps all but the edges)
    lines = CHROME[lang] + RECORDS[lang][n] + [SAME_RECORD[lang]] + [OWN[lang][n]] * 4
    return [Block(1 + i, text, "td") for i, text in enumerate(lines)]


def _rules(lang: str, n: int) -> dict[str, str | None]:
    stats = TemplateStats()
    for m in (0, 1):  # a two-page site: everything on both pages is a candidate
        stats.add(f"forms|{lang}", f"form-{m}", page_signatures(_page(lang, m)))
    blocks = _page(lang, n)
    rules = template_rules(blocks, block_signatures(blocks), stats.templates()[f"forms|{lang}"],
                           [True] * len(blocks))
    return {b.text: rule for b, rule in zip(blocks, rules)}


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_a_record_line_recurring_only_with_other_digits_is_the_page_own(lang: str) -> None:
    for first, second in zip(*RECORDS[lang]):  # masked, each pair is one line on both pages
        assert line_signature(first) == line_signature(second)
    for n in (0, 1):
        rules = _rules(lang, n)
        for record in RECORDS[lang][n]:
            assert rules[record] is None, record


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_chrome_and_a_record_recurring_exactly_are_still_template(lang: str) -> None:
    rules = _rules(lang, 0)
    assert rules[SAME_RECORD[lang]] == "template"  # the same value on every page: the site's own contact line
    for line in CHROME[lang]:  # a help line, a label with digits and no digits in its value, a bare label
        assert rules[line] == "template", line
    assert rules[OWN[lang][0]] is None


@pytest.mark.parametrize("text", ["For assistance see FAQs: 2 pages of help, read them before you fill in any form "
                                  "of the department, and ask your forms officer when in doubt about the edition of "
                                  "the form you hold",
                                  "2024: a year in review", "담당자 안내 전화 062-613-2114 (평일 9시부터 18시까지)"])
def test_a_long_line_or_one_without_a_label_is_no_record(text: str) -> None:
    # no label before a colon, or a sentence: the masked line decides as before
    assert len(text) > 120 or ":" not in text or text.index(":") < 5
    own = [Block(2 + i, OWN["en"][1], "p") for i in range(4)]
    first = [Block(1, text, "td")] + [Block(2 + i, OWN["en"][0], "p") for i in range(4)]
    second = [Block(1, text.replace("2", "7"), "td")] + own  # the same line with other digits
    stats = TemplateStats()
    stats.add("x|en", "p0", page_signatures(first))
    stats.add("x|en", "p1", page_signatures(second))
    rules = template_rules(second, block_signatures(second), stats.templates()["x|en"], [True] * len(second))
    assert rules[0] == "template"
