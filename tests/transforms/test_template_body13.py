"""transforms/template.py, round 13 (body13): a numbered headline that recurs only with other digits is the page's
own (two bills 'S-2 ...' and 'S-3 ...' of one site), not template chrome; one that recurs exactly still is."""
from __future__ import annotations

import pytest

from cityclips.transforms.records import Block
from cityclips.transforms.template import (TemplateStats, block_signatures, exact_signature, line_signature,
                                           page_signatures, template_rules)

HEADLINES = {"en": ["S-2 44th Parliament, 1st session", "S-3 44th Parliament, 1st session"],
             "ko": ["제2호 의안 제21대 국회 제1회기", "제3호 의안 제21대 국회 제1회기"]}
SHARED = {"en": ["Senate Government Bill", "Sponsor: Sen. Marc Gold", "First reading in the Senate"],
          "ko": ["정부 제출 법률안", "대표 발의: 김 의원", "본회의 제1독회"]}
OWN = {"en": ["The bill would change how the chamber's officers are named and paid, the sponsor told the Senate. "
               "It follows a review of the office's duties begun in the spring.",
               "The bill was withdrawn by leave of the Senate after its first reading, and the order for its second "
               "reading was discharged on the sponsor's motion."],
       "ko": ["이 법률안은 의장단의 선임 방식과 보수 체계를 바꾸는 내용으로, 대표 발의자는 본회의에서 취지를 설명했다. "
              "지난 봄부터 진행된 직무 검토의 후속 조치다.",
              "법률안은 제1독회 뒤 본회의의 동의를 얻어 철회됐고, 제2독회 안건은 발의자의 요청으로 취소됐다. "
              "정부는 내용을 보완해 다시 제출할 계획이다."]}
LOGO = {"en": "City of Springfield 2030", "ko": "광주광역시 2030"}


def _page(lang: str, n: int, logo: bool = False) -> list[Block]:
    head = [Block(1, LOGO[lang], "title")] if logo else []
    lines = SHARED[lang] + [OWN[lang][n]]
    return head + [Block(2, HEADLINES[lang][n], "title")] + [Block(3 + i, t, "p") for i, t in enumerate(lines)]


def _templates(lang: str, logo: bool = False) -> frozenset[int]:
    stats = TemplateStats()
    for n in (0, 1):  # a two-page site: everything on both pages is a candidate
        stats.add(f"parl|{lang}", f"bill-{n}", page_signatures(_page(lang, n, logo)))
    return stats.templates()[f"parl|{lang}"]


def _rules(lang: str, n: int, logo: bool = False) -> dict[str, str | None]:
    blocks = _page(lang, n, logo)
    rules = template_rules(blocks, block_signatures(blocks), _templates(lang, logo), [True] * len(blocks))
    return {b.text: rule for b, rule in zip(blocks, rules)}


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_a_headline_recurring_only_with_other_digits_is_the_page_own(lang: str) -> None:
    # masked, the two headlines are one line on both pages
    assert line_signature(HEADLINES[lang][0]) == line_signature(HEADLINES[lang][1])
    for n in (0, 1):
        rules = _rules(lang, n)
        assert rules[HEADLINES[lang][n]] is None
        assert rules[SHARED[lang][0]] == "template"  # the lines both pages share still recur


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_a_numbered_headline_recurring_exactly_is_still_template(lang: str) -> None:
    # a site's name in an <h1> on every page ('City of Springfield 2030'): the same text, digits and all
    assert _rules(lang, 0, logo=True)[LOGO[lang]] == "template"


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_a_numbered_line_that_is_no_headline_keeps_the_masked_rule(lang: str) -> None:
    blocks = [Block(1, HEADLINES[lang][0], "p"), Block(2, OWN[lang][0], "p")]
    templates = frozenset({line_signature(HEADLINES[lang][1])})
    assert template_rules(blocks, block_signatures(blocks), templates, [True, True]) == ["template", None]


def test_the_exact_signature_keeps_digits_and_folds_case_and_spaces() -> None:
    assert exact_signature("S-2  44th") == exact_signature("s-2 44th")
    assert exact_signature("S-2 44th") != exact_signature("S-3 44th")
    assert exact_signature("S-2 44th") != line_signature("S-2 44th")
