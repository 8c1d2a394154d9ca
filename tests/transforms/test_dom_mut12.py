"""transforms/dom.py measured exactly (issue 19, round 12): every Size field as its docstring defines it, the hidden
and skip-box rules at their edges, the prose score's bounds, and the path segments. Written for the first mutation
run of dom.py; the figures are the documented measures of small hand-made trees, in Korean and English.
"""
from __future__ import annotations

import pytest
from lxml import etree

from cityclips.transforms.dom import (MAX_SKIP_BOX_CHARS, MIN_UNIT_WEIGHT, Size, _SEGMENTS, _segment, _text_measure, declared_role,
                                      enclosing_tag, hidden_rule, is_caption_element, is_skip_box, measure,
                                      path_segment, remembered, tag_of, text_content, unit_score)
from cityclips.transforms.html import parse_html

PAGE = ("<html><body><div id='d'>"
        "<p id='p'>Hello, world. <a id='a' href='#'>Go <b id='b'>there</b></a> 광주시, 발표.</p>"
        "<ul id='u'><li id='l1'>one</li><li id='l2'><a id='a2' href='#'>two</a></li></ul>"
        "<figure id='f'><img id='img' src='x'><figcaption id='fc'>Cap</figcaption></figure>"
        "<form id='fo'><input id='i'><button id='bt'>OK</button><select id='s'><option id='o'>x</option></select>"
        "<textarea id='t'></textarea></form>"
        "<script id='js'>var x = 1;</script>tail text"
        "</div></body></html>")


def _by_id(root, ident):
    return root.xpath(f"//*[@id='{ident}']")[0]


@pytest.fixture(scope="module")
def page():
    root = parse_html(PAGE)
    sizes, hidden = measure(root)
    return root, sizes, hidden


def test_a_paragraph_with_a_link_and_korean_prose_is_measured_field_by_field(page) -> None:
    root, sizes, _ = page
    # 'Hello,world.' 12 + link 'Gothere' 7 + '광주시,발표.' 7 non-space chars; five Hangul count twice; ', . , .' four
    # marks; its own paragraph is all of it (the link is inline), one prose point + 4 marks
    assert sizes[_by_id(root, "p")] == Size(chars=26, weight=31, punct=4, link_chars=7, links=1, captions=0,
                                            own_weight=31, own_chars=26, own_link_chars=7, own_punct=4, unit=5.0,
                                            prose=5.0, controls=0, order=3)
    # a link counts its own text, not as a link of its own; the <b> in it is its own paragraph
    assert sizes[_by_id(root, "a")] == Size(chars=7, weight=7, own_weight=7, own_chars=7, order=4)
    assert sizes[_by_id(root, "b")] == Size(chars=5, weight=5, own_weight=5, own_chars=5, order=5)


def test_block_children_add_to_the_box_but_not_to_its_own_paragraph(page) -> None:
    root, sizes, _ = page
    assert sizes[_by_id(root, "u")] == Size(chars=6, weight=6, link_chars=3, links=1, order=6)
    assert sizes[_by_id(root, "l2")] == Size(chars=3, weight=3, link_chars=3, links=1, own_weight=3, own_chars=3,
                                             own_link_chars=3, order=8)
    # the box: everything visible inside; its own text is the script's tail only; the prose of the paragraph inside
    assert sizes[_by_id(root, "d")] == Size(chars=46, weight=51, punct=4, link_chars=10, links=2, captions=0,
                                            own_weight=8, own_chars=8, prose=5.0, controls=4, order=2)
    assert sizes[root] == Size(chars=46, weight=51, punct=4, link_chars=10, links=2, prose=5.0, controls=4, order=0)


def test_a_figures_caption_is_its_own_and_controls_count_themselves(page) -> None:
    root, sizes, _ = page
    assert sizes[_by_id(root, "fc")].captions == sizes[_by_id(root, "f")].captions == 1
    assert sizes[_by_id(root, "d")].captions == 0  # not a caption for what sits beside the figure
    assert [sizes[_by_id(root, i)].controls for i in ("i", "bt", "s", "o", "t", "fo")] == [1, 1, 1, 0, 1, 4]
    assert sizes[_by_id(root, "img")] == Size(order=11)


def test_scripts_are_hidden_under_their_own_rule_and_order_is_document_order(page) -> None:
    root, sizes, hidden = page
    script = _by_id(root, "js")
    assert hidden == {script: "html_script"}
    assert sizes[script] == Size() and sizes[script].order == -1
    visible = [el for el in root.iter() if el is not script]
    assert [sizes[el].order for el in visible] == list(range(len(visible)))


def test_a_table_keeps_its_captions_and_a_hidden_link_is_still_a_link() -> None:
    root = parse_html("<html><body><div id='d'><table id='t'><tr><td class='img_txt'>사진 설명</td></tr></table>"
                      "<p id='p' class='photo_desc'>Photo</p><a id='h' class='blind' href='#'>숨김</a>"
                      "<p id='x' class='txt-box'>Not a caption class</p></div></body></html>")
    sizes, hidden = measure(root)
    assert sizes[_by_id(root, "t")].captions == 1 and sizes[_by_id(root, "p")].captions == 1
    assert sizes[_by_id(root, "x")].captions == 0  # 'txt' alone is no caption class
    box = sizes[_by_id(root, "d")]
    assert box.captions == 1  # the paragraph's, not the table's
    assert _by_id(root, "h") in hidden and box.links == 1 and box.link_chars == 0 and box.chars == 4 + 5 + 16


@pytest.mark.parametrize("attributes", ["hidden", "aria-hidden=' True '", "style='visibility : hidden'",
                                        "style='display:none'", "class='Blind'", "class='is_hidden'",
                                        "class='u-hide'", "class='hide'", "class='gnb-blind'", "class='ir_pm'",
                                        "class='sr-only'", "class='screen_out'", "class='visuallyhidden'"])
def test_each_way_of_hiding_an_element_hides_it_alone(attributes: str) -> None:
    root = parse_html(f"<html><body><div id='d'><span id='x' {attributes}>숨은 글 hidden</span>보이는 글</div></body></html>")
    sizes, hidden = measure(root)
    assert hidden == {_by_id(root, "x"): "hidden"}
    assert sizes[_by_id(root, "d")] == Size(chars=4, weight=8, own_weight=8, own_chars=4, order=2)


@pytest.mark.parametrize("attributes", ["aria-hidden='false'", "style='border: none'", "style='overflow:hidden'",
                                        "class='hidden-xs'", "class='overflow-hidden'", "class='blinder'",
                                        "class='screen'", "title='hidden'"])
def test_words_of_hiding_that_hide_nothing(attributes: str) -> None:
    root = parse_html(f"<html><body><span id='x' {attributes}>보이는 글</span></body></html>")
    sizes, hidden = measure(root)
    assert hidden == {} and sizes[_by_id(root, "x")].chars == 4


def test_template_and_noscript_are_hidden_and_noscript_is_read_on_request() -> None:
    html = "<html><body><noscript id='n'>Enable JavaScript</noscript><template id='t'><p>x</p></template></body></html>"
    root = parse_html(html)
    _, hidden = measure(root)
    assert hidden == {_by_id(root, "n"): "hidden", _by_id(root, "t"): "hidden"}
    sizes, hidden = measure(root, show_noscript=True)
    assert hidden == {_by_id(root, "t"): "hidden"} and sizes[_by_id(root, "n")].chars == 16
    style = parse_html("<html><head><style id='s'>p {}</style></head><body>x</body></html>")
    assert measure(style, show_noscript=True)[1] == {_by_id(style, "s"): "html_style"}


def test_hidden_rule_reads_tags_attributes_styles_and_classes() -> None:
    root = parse_html("<html><body><p id='plain'>x</p><p id='cls' class='wrap'>x</p>"
                      "<p id='st' style='color: red'>x</p></body></html>")
    assert hidden_rule(root.find("body"), "script") == "html_script"
    assert hidden_rule(root.find("body"), "style") == "html_style"
    assert hidden_rule(root.find("body"), "template") == hidden_rule(root.find("body"), "noscript") == "hidden"
    assert hidden_rule(root.find("body"), "body") is None  # no attributes at all
    for ident in ("plain", "cls", "st"):
        assert hidden_rule(_by_id(root, ident), "p") is None
    hinted = etree.fromstring("<p class='screen-reader-text'>x</p>")
    assert hidden_rule(hinted, "p") == "hidden"
    assert hidden_rule(etree.fromstring("<p class='screenshot'>x</p>"), "p") is None  # a hint, not the rule
    assert hidden_rule(etree.fromstring("<p style='DISPLAY: none'>x</p>"), "p") == "hidden"
    assert hidden_rule(etree.fromstring("<p style='Visibility:hidden'>x</p>"), "p") == "hidden"
    assert hidden_rule(etree.fromstring("<p aria-hidden='TRUE'>x</p>"), "p") == "hidden"


def _skip_page(name: str, text: str) -> str:
    return f"<html><body><div {name}><a href='#c'>{text}</a></div><div id='c'>본문</div></body></html>"


@pytest.mark.parametrize("name", ["class='skipNavi'", "class='skip'", "id='skip-main'", "class='gnb_skip'",
                                  "id='skiplink'", "class='wrap SkipTo'", "class='skip_menu'", "id='skipnav'"])
def test_skip_boxes_by_class_or_id_are_hidden(name: str) -> None:
    root = parse_html(_skip_page(name, "본문 바로가기 Skip to content"))
    assert measure(root)[1] == {root.find("body")[0]: "hidden"}


@pytest.mark.parametrize("name", ["class='skipper'", "id='askip'", "class='nav'", "id='kip'"])
def test_names_that_are_no_skip_box(name: str) -> None:
    root = parse_html(_skip_page(name, "본문 바로가기"))
    assert measure(root)[1] == {}


def test_a_skip_box_holds_at_most_its_bound_of_characters_and_a_link() -> None:
    at_bound = parse_html(_skip_page("class='skip'", "x" * MAX_SKIP_BOX_CHARS))
    assert at_bound.find("body")[0] in measure(at_bound)[1]
    over = parse_html(_skip_page("class='skip'", "x" * (MAX_SKIP_BOX_CHARS + 1)))
    assert measure(over)[1] == {}  # the skip links' target, named so too: the content
    no_link = parse_html("<html><body><div class='skip'>본문 바로가기</div></body></html>")
    assert measure(no_link)[1] == {}


def test_is_skip_box_reads_the_class_and_the_id_as_separate_names() -> None:
    el = etree.fromstring("<div class='wrap' id='skip'><a>x</a></div>")
    assert is_skip_box(el, Size(chars=1, links=1))
    assert not is_skip_box(el, Size(chars=1, links=0))
    assert not is_skip_box(el, Size(chars=MAX_SKIP_BOX_CHARS + 1, links=1))
    assert is_skip_box(el, Size(chars=MAX_SKIP_BOX_CHARS, links=1))
    assert is_skip_box(etree.fromstring("<div id='skip'/>"), Size(chars=1, links=1))
    assert is_skip_box(etree.fromstring("<div class='skip'/>"), Size(chars=1, links=1))
    assert not is_skip_box(etree.fromstring("<div class='wrap'/>"), Size(chars=1, links=1))


def test_unit_score_bounds() -> None:
    assert unit_score(Size(own_weight=MIN_UNIT_WEIGHT - 1, own_chars=30)) == 0.0  # a label
    assert unit_score(Size(own_weight=MIN_UNIT_WEIGHT, own_chars=MIN_UNIT_WEIGHT)) == 1.0
    assert unit_score(Size(own_weight=40, own_chars=0)) == 0.0
    # a link line: more than half the text in links; exactly half is still prose
    assert unit_score(Size(own_weight=40, own_chars=40, own_link_chars=21)) == 0.0
    assert unit_score(Size(own_weight=40, own_chars=40, own_link_chars=20)) == 1.0
    assert unit_score(Size(own_weight=40, own_chars=40, own_punct=5)) == 6.0
    assert unit_score(Size(own_weight=40, own_chars=40, own_punct=12)) == 13.0
    assert unit_score(Size(own_weight=40, own_chars=40, own_punct=13)) == 13.0  # capped at twelve marks
    assert unit_score(Size(own_weight=99, own_chars=99)) == 1.0
    assert unit_score(Size(own_weight=100, own_chars=100)) == 2.0  # a point per hundred weighted chars
    assert unit_score(Size(own_weight=299, own_chars=299)) == 3.0
    assert unit_score(Size(own_weight=300, own_chars=300)) == 4.0
    assert unit_score(Size(own_weight=5000, own_chars=5000)) == 4.0  # up to three


def test_measure_scores_paragraphs_not_inline_elements() -> None:
    text = "시민 여러분께 알립니다. 새 노선은 다음 달부터 운행합니다."  # weight 50
    root = parse_html(f"<html><body><div id='d'><span id='s'>{text}</span></div><p id='p'>{text}</p>"
                      "<p id='short'>짧은 글.</p></body></html>")
    sizes, _ = measure(root)
    assert sizes[_by_id(root, "s")].unit == 0.0  # an inline element is part of its parent's paragraph
    assert sizes[_by_id(root, "d")].unit == 3.0 == sizes[_by_id(root, "d")].prose  # 1 + two sentence ends
    assert sizes[_by_id(root, "p")].unit == sizes[_by_id(root, "p")].prose == 3.0
    assert sizes[_by_id(root, "short")].unit == 0.0  # under the label bound
    assert sizes[root.find("body")].prose == 6.0


@pytest.mark.parametrize("text, expected", [
    (None, (0, 0, 0)), ("", (0, 0, 0)), (" \n\t ", (0, 0, 0)),
    ("Hello world", (10, 10, 0)), ("a\tb\nc d", (4, 4, 0)),
    ("광주 시청", (4, 8, 0)), ("AI 허브", (4, 6, 0)),
    ("Yes, no; maybe.", (13, 13, 3)), ("end.", (4, 4, 1)), ("v1.2 and 3.5", (10, 10, 0)),
    ('He said "go." Then', (15, 15, 1)), ("(see this.) ok", (12, 12, 1)), ('수고했다." 그리고', (9, 16, 1)),
    ("목록，정리、완료。", (9, 18, 3)), ("Wow! Really? Yes!", (15, 15, 3)), ("Hi!x", (4, 4, 0)),
])
def test_text_measure_counts_visible_characters_hangul_twice_and_prose_punctuation(text, expected) -> None:
    assert _text_measure(text) == expected


def test_tails_count_for_the_parent_and_whitespace_tails_for_nothing() -> None:
    root = parse_html("<html><body><p id='p'><br>  \n  <img src='x'> 끝, 정리.</p></body></html>")
    size = measure(root)[0][_by_id(root, "p")]
    assert (size.chars, size.weight, size.punct, size.own_chars, size.own_weight, size.own_punct) == (5, 8, 2, 5, 8, 2)


def test_path_segment_masks_digits_and_keeps_every_class() -> None:
    el = etree.fromstring("<div class='board_view cont12  item-3'/>")
    assert path_segment(el, "div") == "div.board_view.cont0.item-0"
    assert path_segment(el, "div") == "div.board_view.cont0.item-0"  # the second time from the cache
    assert path_segment(etree.fromstring("<li/>"), "li") == "li"
    assert path_segment(etree.fromstring("<li class=''/>"), "li") == "li"
    assert path_segment(etree.fromstring("<p class='a2b'/>"), "p") == "p.a0b"


def test_small_readers_of_elements() -> None:
    root = etree.fromstring("<div><!-- note --><?pi x?><SPAN>Text <b>bold</b></SPAN><figcaption/></div>")
    comment, pi, span, caption = list(root)
    assert (tag_of(comment), tag_of(pi), tag_of(span), tag_of(root)) == ("", "", "span", "div")
    assert text_content(root) == "Text bold"
    assert is_caption_element(caption) and not is_caption_element(span)
    assert is_caption_element(etree.fromstring("<p class='Photo_Txt'/>"))
    assert not is_caption_element(etree.fromstring("<p class='photo'/>"))
    assert declared_role(etree.fromstring("<div role='  NAV '/>"), script_role=True) == "nav"
    assert declared_role(etree.fromstring("<div role='list' data-role='table'/>"), script_role=True) == "list"
    assert declared_role(etree.fromstring("<div data-role='table'/>")) == ""
    assert enclosing_tag(span[0], frozenset({"span"}), None) == "span"
    assert enclosing_tag(None, frozenset({"span"}), None) == ""


def test_remembered_empties_only_past_its_limit() -> None:
    cache = {"a": 1, "b": 2}
    assert remembered(cache, "c", 2, lambda key: 3) == 3 and cache == {"a": 1, "b": 2, "c": 3}  # at the limit: kept
    assert remembered(cache, "d", 2, lambda key: 4) == 4 and cache == {"d": 4}  # past it: emptied first
    assert remembered(cache, "d", 2, lambda key: 5) == 4  # a known key is not computed again


# found by mut12 (round 12): hidden_rule's cheap gate looked for 'none'/'hidden' case-sensitively before the
# case-blind _HIDDEN_STYLE, so an upper-case value was visible; fixed by the lead the same round
@pytest.mark.parametrize("style", ["DISPLAY:NONE", "display: None", "VISIBILITY: HIDDEN"])
def test_a_style_written_in_capitals_hides_as_the_lower_case_one_does(style: str) -> None:
    root = parse_html(f"<html><body><div id='x' style='{style}'>숨은 메뉴 Hidden menu</div></body></html>")
    assert hidden_rule(_by_id(root, "x"), "div") == "hidden"
    assert measure(root)[1] == {_by_id(root, "x"): "hidden"}


def test_a_path_segment_is_computed_from_the_tag_and_each_class_digits_masked() -> None:
    # _segment itself: path_segment's cache (filled by any earlier page) would answer for it
    assert _segment(("div", "board_view cont12  item-3")) == "div.board_view.cont0.item-0"
    assert _segment(("ul", "a")) == "ul.a" and _segment(("li", "")) == "li" and _segment(("p", "x9y99")) == "p.x0y0"


def test_weights_are_whole_numbers_of_characters() -> None:
    chars, weight, punct = _text_measure("café")  # a Latin letter with an accent is no wide letter
    assert (chars, weight, punct) == (4, 4, 0) and isinstance(weight, int)


def test_links_and_their_text_add_up_over_several_links_hidden_ones_too() -> None:
    root = parse_html("<html><body><p id='p'>앞 <b>굵게</b> <a href='#1'>첫째 링크</a> 그리고 <a href='#2'>second</a> 끝</p>"
                      "<div id='h'><span>글</span><a class='blind' href='#'>x</a><a hidden href='#'>y</a></div>"
                      "<div id='box'><p>text</p><ul><li><a href='#'>one</a></li><li><a href='#'>two</a></li></ul>"
                      "<a href='#'>three</a></div></body></html>")
    sizes, _ = measure(root)
    p = sizes[_by_id(root, "p")]
    assert (p.links, p.link_chars, p.own_link_chars) == (2, 4 + 6, 4 + 6)
    assert sizes[_by_id(root, "h")].links == 2
    box = sizes[_by_id(root, "box")]
    assert (box.links, box.link_chars, box.own_link_chars) == (3, 11, 5)


def test_a_paragraph_of_exactly_the_label_bound_is_prose_and_prose_adds_to_a_boxs_own() -> None:
    text = "a" * MIN_UNIT_WEIGHT
    root = parse_html(f"<html><body><p id='p'>{text}</p><div id='d'>{'b' * 30}<p>{'c' * 30}.</p></div></body></html>")
    sizes, _ = measure(root)
    assert sizes[_by_id(root, "p")].unit == sizes[_by_id(root, "p")].prose == 1.0
    box = sizes[_by_id(root, "d")]
    assert (box.unit, box.prose) == (1.0, 1.0 + 2.0)  # its own paragraph's point and the paragraph's two inside


def test_comments_and_processing_instructions_are_passed_over_not_an_end() -> None:
    root = parse_html("<html><body><p id='a'>앞 문단</p><!-- 주석 --><?pi x?><p id='b'>뒤 문단</p></body></html>")
    sizes, _ = measure(root)
    assert sizes[_by_id(root, "a")].chars == 3 and sizes[root].chars == 6


def test_path_segment_computes_a_new_value_once_and_keeps_it() -> None:
    _SEGMENTS.clear()  # a cache any earlier page filled: start from none, so the value is computed here
    el = etree.fromstring("<div class='news_list item7'/>")
    assert path_segment(el, "div") == "div.news_list.item0"
    assert _SEGMENTS == {("div", "news_list item7"): "div.news_list.item0"}
    assert path_segment(el, "div") == "div.news_list.item0"
