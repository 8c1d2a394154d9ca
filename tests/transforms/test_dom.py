"""dom.measure's cheap gates (issue 12 speed) must find what the exact rules find, in any letter case."""
from __future__ import annotations

import lxml.html

from cityclips.transforms.dom import measure, text_content
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
