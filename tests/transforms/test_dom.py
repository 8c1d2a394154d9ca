"""dom.measure's cheap gates (issue 12 speed) must find what the exact rules find, in any letter case."""
from __future__ import annotations

import lxml.html

from cityclips.transforms.dom import enclosing_tag, measure, remembered, text_content, text_holder
from cityclips.transforms.html import parse_html


def _by_id(root, ident):
    return root.xpath(f"//*[@id='{ident}']")[0]


def test_text_content_is_lxml_html_text_content_on_plain_elements():
    html = "<html><body><div id='x'>Ein <b>Satz</b><!-- nie -->, mit <i>Schwanz</i> danach</div> tail</body></html>"
    plain = parse_html(html)
    assert not isinstance(plain, lxml.html.HtmlElement)  # parsed without lxml.html's element classes
    expected = lxml.html.document_fromstring(html).get_element_by_id("x").text_content()
    assert text_content(_by_id(plain, "x")) == expected == "Ein Satz, mit Schwanz danach"


def test_hidden_by_attribute_or_class_in_any_case():
    html = ("<html><body><p>Visible prose text here.</p>"
            "<span id='a' class='Blind'>a</span><span id='b' class='SR-ONLY'>b</span>"
            "<div id='c' style='DISPLAY: none'>c</div><div id='d' style='display:none'>d</div>"
            "<div id='e' aria-hidden='TRUE'>e</div><div id='f' hidden>f</div>"
            "<div id='g' class='hidden-xs'>g</div><div id='h' class='overflow-hidden'>h</div>"
            "</body></html>")
    root = parse_html(html)
    _, hidden = measure(root)
    found = {el.get("id") for el in hidden}
    assert {"a", "b", "c", "d", "e", "f"} <= found
    assert not {"g", "h"} & found  # visible on a desktop screen / a layout rule


def test_caption_classes_count_in_any_case_and_skip_boxes_are_hidden():
    html = ("<html><body><div id='fig'><img src='x.jpg'><p class='PHOTO_TXT'>A caption</p></div>"
            "<div id='skip' class='skipNavi'><a href='#c'>본문 바로가기</a></div>"
            "<div id='other' class='nav'><a href='#c'>Home</a></div></body></html>")
    root = parse_html(html)
    sizes, hidden = measure(root)
    assert sizes[_by_id(root, "fig")].captions == 1
    assert hidden.get(_by_id(root, "skip")) == "hidden"
    assert _by_id(root, "other") not in hidden


def test_declared_role_reads_aria_role_and_on_request_a_scripts_data_role():
    from cityclips.transforms.dom import declared_role

    root = parse_html("<html><body><main id='m' role=' Main '>본문</main><ul id='t' data-role='TABLE'><li>일정</li></ul>"
                      "<ul id='both' role='' data-role='grid'><li>x</li></ul><div id='none'>text</div></body></html>")
    assert declared_role(_by_id(root, "m")) == "main"  # stripped, lower-cased
    assert declared_role(_by_id(root, "t")) == ""  # data-role is a script's, not ARIA's ...
    assert declared_role(_by_id(root, "t"), script_role=True) == "table"  # ... read when asked for
    assert declared_role(_by_id(root, "both"), script_role=True) == "grid"  # an empty role says nothing
    assert declared_role(_by_id(root, "none"), script_role=True) == declared_role(None) == ""


def test_site_banner_walk_reads_main_and_banner_above_body():
    """region._site_banners in one walk: a role=main on <body>'s parent counts as being inside the main
    content (no banner then), as the ancestor scan it replaced counted it."""
    from cityclips.transforms.region import _site_banners

    page = ("<html{}><body><header id='h'>광주광역시 누리집 Gwangju city</header>"
            "<main id='m'>본문 기사 Article text</main></body></html>")
    marked = parse_html(page.format(""))
    sizes, _ = measure(marked)
    assert _site_banners(marked.find("body"), sizes) == [_by_id(marked, "h")]
    inside = parse_html(page.format(" role='main'"))
    sizes, _ = measure(inside)
    assert _site_banners(inside.find("body"), sizes) == []


def test_a_text_node_belongs_to_its_parent_and_a_tail_to_the_parent_of_what_it_follows():
    root = parse_html("<html><body><p id='p'>가. <a href='/x'>회의록</a>, next</p></body></html>")
    pieces = {str(piece): text_holder(piece) for piece in _by_id(root, "p").xpath(".//text()")}
    assert pieces["가. "].get("id") == "p" and pieces["회의록"].tag == "a" and pieces[", next"].get("id") == "p"


def test_enclosing_tag_reads_up_to_its_stop_and_not_the_stop_itself():
    root = parse_html("<html><body><div id='d'><h2 id='h'><span id='s'>Sponsors</span></h2></div></body></html>")
    span, heading, box = _by_id(root, "s"), _by_id(root, "h"), _by_id(root, "d")
    assert enclosing_tag(span, {"h2", "h3"}, box) == "h2"
    assert enclosing_tag(span, {"h2"}, heading) == ""  # the stop is not read
    assert enclosing_tag(heading, {"h2"}, box.getparent()) == "h2"  # a node is read itself
    assert enclosing_tag(span, {"a"}, None) == ""


def test_remembered_computes_once_per_key_and_empties_past_its_limit():
    calls, cache = [], {}

    def compute(key):
        calls.append(key)
        return key.upper()

    assert [remembered(cache, k, 2, compute) for k in ("a", "a", "b")] == ["A", "A", "B"] and calls == ["a", "b"]
    for key in "cdef":
        remembered(cache, key, 2, compute)
    assert len(cache) <= 3 and remembered(cache, "f", 2, compute) == "F"
    assert remembered({}, "x", 2, lambda _: False) is False  # a falsy answer is an answer
