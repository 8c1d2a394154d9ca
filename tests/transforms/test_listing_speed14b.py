"""speed14b's Python reads of listing.py give what the XPath expressions they replaced gave (kept here as the reference)."""
from __future__ import annotations

import pytest
from lxml import etree

from cityclips.transforms.html import parse_html
from cityclips.transforms.listing import _choice_labels, _one_row_tables, _PageLinks

_LINKED = "(@onclick or self::a[@href] or .//a[@href] or .//*[@onclick])"
_NOT_IN_MENUS = "not(ancestor-or-self::nav or ancestor-or-self::header or ancestor-or-self::footer)"
OLD_CONTAINERS = etree.XPath(f"//body//*[count(*) >= 3][{_NOT_IN_MENUS}][count(*[{_LINKED}]) >= 3] | "
                             f"//table[{_NOT_IN_MENUS}][count(.//tr[{_LINKED}]) >= 3]")
OLD_LABELS = etree.XPath("//label[.//input[@type='checkbox' or @type='radio']] | "
                         "//label[@for = //input[@type='checkbox' or @type='radio']/@id]")
OLD_ONE_ROW_TABLES = etree.XPath("//table[count(.//tr) = 1]")

PAGES = [
    # Korean board: a table of linked rows, a nav menu, script-link rows, a nested layout table
    "<html><body><nav><ul><li><a href='/a'>소개</a></li><li><a href='/b'>민원</a></li><li><a href='/c'>소식</a></li></ul></nav>"
    "<table><tr><td><table><tr><th>번호</th><th>제목</th><th>등록일</th></tr>"
    "<tr><td>3</td><td><a href='view.do?id=3'>공지사항 제목</a></td><td>2024.05.01</td></tr>"
    "<tr><td>2</td><td><span onclick='go(2)'>행사 안내</span></td><td>2024.04.28</td></tr>"
    "<tr><td>1</td><td><a href='view.do?id=1'>채용 공고</a></td><td>2024.04.20</td></tr></table></td></tr></table>"
    "<div><p><a href='/x'>하나</a></p><p><a>없음</a></p><p><b onclick='x()'>둘</b></p><p><i><a href='#'>셋</a></i></p></div>"
    "<table><tr><th>a</th><th>b</th><th>c</th></tr></table>"
    "<form><label><input type='checkbox'> 회의</label><label for='r1'>지역</label><input type='radio' id='r1'>"
    "<label for='t1'>이름</label><input type='text' id='t1'></form></body></html>",
    # English news list in a footer and in the body, cards of divs, comments between items
    "<html><head><title>News</title></head><body><header><div><a href='/1'>Home</a><a href='/2'>About</a>"
    "<a href='/3'>News</a></div></header><main><div class='cards'><!-- c --><div class='card'><a href='/n/1'>One</a></div>"
    "<div class='card'><a href='/n/2'>Two</a></div><!-- c --><div class='card'><a href='/n/3'>Three</a></div></div>"
    "<ul><li><a href='/n/4'>Four May 1, 2024</a></li><li><a href=''>Five</a></li><li>Six <a href='/n/6'>more</a></li></ul>"
    "</main><footer><ul><li><a href='/f1'>Privacy</a></li><li><a href='/f2'>Terms</a></li><li><a href='/f3'>Jobs</a></li></ul>"
    "</footer><table><tr><td>only row</td></tr></table></body></html>",
]


@pytest.mark.parametrize("html", PAGES, ids=["ko-board", "en-news"])
def test_the_candidate_containers_are_the_xpaths_in_document_order(html):
    root = parse_html(html)
    expected = OLD_CONTAINERS(root)
    assert expected  # the pages hold containers: the comparison is not of two empty lists
    assert _PageLinks(root).containers() == expected


@pytest.mark.parametrize("html", PAGES, ids=["ko-board", "en-news"])
def test_the_choice_labels_and_one_row_tables_are_the_xpaths(html):
    root = parse_html(html)
    assert _choice_labels(root) == OLD_LABELS(root)
    assert _one_row_tables(root) == OLD_ONE_ROW_TABLES(root)


def test_a_korean_filter_form_has_its_labels_found():
    root = parse_html(PAGES[0])
    assert [" ".join(label.itertext()).strip() for label in _choice_labels(root)] == ["회의", "지역"]
    assert len(_one_row_tables(root)) == 1
