"""transforms/template.py, round 14 (forms14): on a thin page whose template lines outweigh its own text
(template_rules' guard), a box of the site's inside the page (a run of short template lines after the page's own
text begins: 'If you are unable to find your form here, you may want to visit:' over its links) is still template;
an article that recurs (copies not grouped) is kept whole, as the guard intends."""
from __future__ import annotations

import pytest

from cityclips.transforms.records import Block
from cityclips.transforms.template import TemplateStats, block_signatures, page_signatures, template_rules

OWN = {"en": [["Application for Health Benefits - fillable", "Print and fill out by hand"],
              ["Advance Directive: Living Will", "Durable Power of Attorney for Health Care"]],
       "ko": [["건강보험 급여 신청서", "출력하여 손으로 작성"],
              ["사전연명의료의향서", "의료 대리인 지정서"]]}
# the site's help box on every form page: longer than the page's own lines together
BOX = {"en": ["If you are unable to find your form here, you may want to visit:",
              "Request for DD 214 or other Military Records NARA SF 180",
              "GSA Library of Standard and Optional Forms",
              "DD Forms Department of Defense Forms Program",
              "SGLI/VGLI Insurance Forms (including SGLV8286)",
              "Please send your comments or questions to the forms office"],
       "ko": ["찾으시는 서식이 없으면 다음 누리집을 방문해 보세요:",
              "병적증명서 발급 신청 국가기록원 서식 안내",
              "행정안전부 표준 서식 자료실 바로가기",
              "국방부 서식 프로그램 누리집 바로가기",
              "보험 관련 서식 모음 누리집 바로가기",
              "서식에 관한 의견이나 문의는 서식 담당자에게 보내 주세요"]}
# an article's paragraphs: long lines, recurring whole on two copies that were not grouped
ARTICLE = {"en": ["The city council approved the new budget on Monday after a long debate about transit funding, "
                  "parks maintenance and the library's opening hours across the northern districts of the city.",
                  "Council members said the plan keeps property taxes flat while adding two bus routes and extending "
                  "the hours of the main library branch on weekends through the end of the year."],
           "ko": ["시의회는 월요일 교통 예산과 공원 관리, 도서관 운영 시간을 두고 긴 논의를 거친 끝에 내년도 예산안을 의결했다. "
                  "이번 예산안은 북부 지역의 생활 기반 시설을 넓히는 데 중점을 두었으며 시민 의견도 반영했다.",
                  "의원들은 재산세를 동결하면서 버스 노선 두 개를 새로 만들고 주말 중앙도서관 운영 시간을 연말까지 늘린다고 "
                  "설명했다. 시는 다음 달부터 새 노선의 시범 운행을 시작하고 결과를 공개할 계획이다."]}


BOX_PATH = "body/div.content/div"


def _block(i: int, text: str) -> Block:
    # the box's links are a list in the page's content box ('If you are unable ...' over <ul><li>...)
    in_list = any(text == line for lines in BOX.values() for line in lines[1:-1])
    return Block(1 + i, text, "li" if in_list else "p", dom_path=f"{BOX_PATH}/ul/li" if in_list else f"{BOX_PATH}/p")


def _rules(pages: list[list[str]], n: int) -> dict[str, str | None]:
    stats = TemplateStats()
    for m, lines in enumerate(pages):
        stats.add("site|x", f"page-{m}", page_signatures([_block(i, t) for i, t in enumerate(lines)]))
    blocks = [_block(i, t) for i, t in enumerate(pages[n])]
    rules = template_rules(blocks, block_signatures(blocks), stats.templates()["site|x"], [True] * len(blocks))
    return {b.text: rule for b, rule in zip(blocks, rules)}


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_a_site_box_after_the_page_own_lines_is_template_on_a_thin_page(lang: str) -> None:
    pages = [own + BOX[lang] for own in OWN[lang]]
    assert sum(map(len, BOX[lang])) > sum(map(len, OWN[lang][0]))  # the guard's case: template outweighs own
    rules = _rules(pages, 0)
    for line in BOX[lang]:
        assert rules[line] == "template", line
    for line in OWN[lang][0]:
        assert rules[line] is None, line


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_a_recurring_article_of_long_paragraphs_is_kept(lang: str) -> None:
    # two copies of one article, each with its own teaser line first: the guard keeps the article's paragraphs
    pages = [[own[0], *ARTICLE[lang]] for own in OWN[lang]]
    rules = _rules(pages, 0)
    for line in ARTICLE[lang]:
        assert rules[line] is None, line


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_a_run_of_short_recurring_lines_in_no_list_is_kept(lang: str) -> None:
    # the same lines as paragraphs (a recurring short article, no list of the site's in it): the guard holds
    pages = [own + BOX[lang] for own in OWN[lang]]
    stats = TemplateStats()
    for m, lines in enumerate(pages):
        stats.add("site|x", f"page-{m}", page_signatures([Block(1 + i, t, "p") for i, t in enumerate(lines)]))
    blocks = [Block(1 + i, t, "p", dom_path=f"{BOX_PATH}/p") for i, t in enumerate(pages[0])]
    rules = template_rules(blocks, block_signatures(blocks), stats.templates()["site|x"], [True] * len(blocks))
    assert sum(rule is None for rule in rules) > len(OWN[lang][0])


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_a_box_with_no_own_line_before_it_is_kept(lang: str) -> None:
    # copies whose recurring short lines come first: nothing of the page's own precedes them, so no box is read
    pages = [BOX[lang] + BOX[lang][::-1] + own for own in OWN[lang]]
    rules = _rules(pages, 0)
    assert sum(rule is None for rule in rules.values()) > len(OWN[lang][0])  # the guard kept recurring lines
