"""transforms/html.py: HTML to Blocks, chrome dropped as blocks but kept on record as RemovedLines."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from cityclips.transforms.html import html_blocks

PROPERTY = settings(max_examples=200, deadline=None, derandomize=True, database=None)


def _page(body: str, head: str = "<title>보도자료 | 광주광역시</title>") -> str:
    return f"<!DOCTYPE html><html><head>{head}</head><body>{body}</body></html>"


def _texts(html: str, hint: str | None = None) -> list[str]:
    return [b.text for b in html_blocks(html)[0] if hint is None or b.hint == hint]


def _removed(html: str) -> list[tuple[str, str]]:
    return [(r.rule, r.text) for r in html_blocks(html)[1]]


def _all_block_text(html: str) -> str:
    return " ".join(_texts(html))


ARTICLE_KO = "광주광역시는 23일 인공지능 산업 육성 계획을 발표했다."
ARTICLE_EN = "The city will print 10,000 copies of the guide."


# --- chrome dropped, recorded ------------------------------------------------------------------

def test_head_script_and_style_are_recorded_by_tag_and_never_blocks() -> None:
    html = _page(f"<p>{ARTICLE_KO}</p><script>document.write('<p>injected</p>'); alert(1)</script>",
                 head="<title>보도자료</title><script>var x = '<p>evil</p>';</script><style>p {color: red}</style>")
    blocks, removed, title = html_blocks(html)
    assert [b.text for b in blocks] == [ARTICLE_KO]
    assert title == "보도자료"
    assert [(r.rule, r.text) for r in removed] == [
        ("html_head", "보도자료"), ("html_script", "var x = '<p>evil</p>';"), ("html_style", "p {color: red}"),
        ("html_script", "document.write('<p>injected</p>'); alert(1)")]


def test_nav_header_footer_form_aside_are_dropped_with_their_tag_as_rule() -> None:
    html = _page("<header><div class='logo'>광주광역시</div></header>"
                 "<nav><ul><li><a href='/news'>광주소식</a></li></ul></nav>"
                 f"<div class='view'><p>{ARTICLE_EN}</p></div>"
                 "<form><label>검색어</label><input name='q'><button>검색</button></form>"
                 "<aside>Popular: AI Hub City</aside>"
                 "<footer>Copyright © Gwangju Metropolitan City. All rights reserved.</footer>")
    assert _texts(html) == [ARTICLE_EN]
    assert _removed(html)[1:] == [
        ("html_header", "광주광역시"), ("html_nav", "광주소식"), ("html_form", "검색어 검색"),
        ("html_aside", "Popular: AI Hub City"),
        ("html_footer", "Copyright © Gwangju Metropolitan City. All rights reserved.")]


def test_header_inside_the_article_is_the_article_header() -> None:
    html = _page(f"<header>광주광역시</header><article><header><h2>AI 산업 육성 계획</h2></header><p>{ARTICLE_KO}</p>"
                 "</article>")
    assert [(b.text, b.hint) for b in html_blocks(html)[0]] == [("AI 산업 육성 계획", "heading"), (ARTICLE_KO, "p")]


def test_chrome_class_names_are_dropped() -> None:
    for chrome in ("gnb", "lnb", "sns", "share", "survey", "footer", "sitemap", "sns_share", "top-menu", "quick_menu"):
        html = _page(f"<div class='{chrome}'>페이스북 트위터 Facebook</div><p>{ARTICLE_KO}</p>")
        assert _texts(html) == [ARTICLE_KO], chrome
        assert ("html_chrome_class", "페이스북 트위터 Facebook") in _removed(html), chrome


def test_a_box_named_header_around_the_headline_is_not_chrome() -> None:
    html = _page(f"<div class='site-header'><a href='/'>광주광역시</a></div><div class='item-page__page-header'>"
                 f"<h1>AI 산업 육성 계획</h1></div><div class='view_con'><p>{ARTICLE_KO}</p></div>")
    assert "AI 산업 육성 계획" in _texts(html, "title")
    assert ("html_chrome_class", "광주광역시") in _removed(html)


def test_chrome_class_by_id_and_survey_widget() -> None:
    html = _page("<div id='gnb'><a>시정소식</a><a>분야별정보</a></div>"
                 "<div class='satisfaction'>이 페이지에서 제공하는 정보에 만족하십니까? <label>매우 만족</label></div>"
                 f"<p>{ARTICLE_KO}</p>")
    assert _texts(html) == [ARTICLE_KO]
    assert {rule for rule, _ in _removed(html)} == {"html_head", "html_chrome_class"}


def test_class_words_inside_other_words_are_not_chrome() -> None:
    # 'menu' and 'share' as parts of other words ('menuboard', 'shared') say nothing about chrome
    html = _page(f"<div class='menuboard'><p>{ARTICLE_EN}</p></div><div class='shared_text'><p>{ARTICLE_KO}</p></div>")
    assert _texts(html) == [ARTICLE_EN, ARTICLE_KO]


def test_link_heavy_menus_are_dropped_and_prose_with_links_is_kept() -> None:
    html = _page("<ul class='depth2'><li><a>보도자료</a></li><li><a>공지사항</a></li><li><a>고시공고</a></li>"
                 "<li><a>시정소식</a></li></ul>"
                 "<div><a>One</a> | <a>Two</a> | <a>Three</a> | <a>Four</a></div>"
                 "<p>The <a>mayor</a> met <a>residents</a> at <a>City Hall</a> and <a>Gwangju Station</a> on Monday"
                 " to discuss the new bus routes.</p>")
    assert _texts(html) == ["The mayor met residents at City Hall and Gwangju Station on Monday to discuss the new "
                            "bus routes."]
    assert _removed(html)[1:] == [("html_link_menu", "보도자료 공지사항 고시공고 시정소식"),
                                  ("html_link_menu", "One | Two | Three | Four")]


def test_a_list_of_attachment_links_is_not_a_menu() -> None:
    html = _page("<ul class='file_list'><li><a>2023년 예산안.hwp</a></li><li><a>보도자료.pdf</a></li></ul>")
    assert _texts(html) == ["2023년 예산안.hwp", "보도자료.pdf"]


# --- article structure kept ----------------------------------------------------------------------

def test_a_list_of_links_to_documents_is_not_a_menu() -> None:
    items = "".join(f"<li><a href='/documents/report_{year}_7.pdf'>Annual Report (Fiscal Year {year})</a></li>"
                    for year in (2016, 2017, 2018))
    html = _page(f"<p>{ARTICLE_KO}</p><ul>{items}</ul><ul><li><a href='/a'>Home</a></li><li><a href='/b'>News</a></li></ul>")
    assert "Annual Report (Fiscal Year 2017)" in _texts(html, "li")
    assert ("html_link_menu", "Home News") in _removed(html)


def test_a_list_item_laid_out_as_a_table_row_is_one_field_row() -> None:
    # Round 6: a row item is a field row ('cell', as a <dl> or a th/td row), not a list item; a label
    # and one value read 'label : value'.
    rows = ("<li><div><label><input type='radio'></label></div><div>720p</div><div>MP4</div><div>140.21 MB</div></li>"
            "<li><div class='tit'><strong>촬영일자</strong></div><div class='area'><div>2025-12-17</div></div></li>")
    html = _page(f"<p>{ARTICLE_KO}</p><ul>{rows}</ul><ul><li><div>A card</div><p>with a paragraph of its own, "
                 f"which reads as a sentence.</p></li></ul>")
    assert _texts(html, "cell") == ["720p MP4 140.21 MB", "촬영일자 : 2025-12-17"]
    assert _texts(html, "li") == ["A card", "with a paragraph of its own, which reads as a sentence."]


def test_label_and_value_boxes_of_an_item_are_one_field_row_korean_and_english() -> None:
    # work24's '<li><em>경력</em><p>관계없음</p></li>'; an event's '<li><span>Date:</span><span>...</span></li>'
    html = _page(f"<p>{ARTICLE_KO}</p><ul class='list'><li><em class='tit'>경력</em><p>관계없음</p></li>"
                 "<li><em class='tit'>학력</em><p>학력무관</p></li></ul>"
                 "<ul><li><span>Date:</span><span>November 13, 2018</span></li></ul>"
                 "<ul><li><div class='row'><div>첨부파일 1</div><div><a href='/down?id=1'>공고문.hwp</a> (136 KB)"
                 "</div></div></li></ul>")
    assert _texts(html, "cell") == ["경력 : 관계없음", "학력 : 학력무관", "Date : November 13, 2018",
                                    "첨부파일 1 : 공고문.hwp (136 KB)"]
    assert _texts(html, "li") == []


def test_a_table_written_as_a_list_gives_one_row_per_item() -> None:
    # Yeungnam's applicant table: <li class='tbody'> of <span> cells holding <p> lines and a <br>
    row = ("<li class='tbody'><span class='title'><b>-1 halal box</b><p>2026.01.26(Mon) ~ 2026.01.30(Fri)</p></span>"
           "<span class='owner'><p>오** (2191****)</p><p class='member'>(2명)</p></span>"
           "<span class='date'>2025.12.12 부터<br>2025.12.23 까지</span><span class='status'>승인대기</span></li>")
    html = _page(f"<p>{ARTICLE_KO}</p><ul class='black'>{row}{row}</ul>")
    assert _texts(html, "cell") == ["-1 halal box 2026.01.26(Mon) ~ 2026.01.30(Fri) 오** (2191****) (2명) "
                                    "2025.12.12 부터 2025.12.23 까지 승인대기"] * 2
    assert _texts(html, "li") == []


def test_items_with_text_of_their_own_or_a_sentence_stay_list_items() -> None:
    html = _page(f"<p>{ARTICLE_EN}</p><ul><li><b>Parks</b> open at 8 am</li>"
                 "<li><span>Step one.</span><span>Fill in the form</span></li>"
                 "<li><strong>신청</strong><span>온라인</span><ul><li>홈페이지</li></ul></li></ul>")
    assert "Parks open at 8 am" in _texts(html, "li")
    assert "Step one. Fill in the form" in _texts(html, "li")
    assert _texts(html, "cell") == []


def _cards(n: int, lang: str = "en") -> str:
    title, when = ("Book Babies", "August 7th at 10:30am") if lang == "en" else ("책 읽어주는 시간", "8월 7일 오전 10시 30분")
    return "".join(f"<div class='grid-item'><article><div class='summary'><h3>{title} {i}</h3><p>{when}</p></div>"
                   f"<div class='details'><ul><li>Main Library</li><li>10:30am - 12:00pm</li><li>Infants</li></ul>"
                   f"<a href='/events/event/{i}'><span>Details</span></a></div></article></div>" for i in range(n))


def test_a_feed_of_cards_for_other_pages_after_the_article_is_dropped() -> None:
    # A thin event page (no region): its facts, then 'More events' cards, each a heading and a link away
    for lang in ("en", "ko"):
        html = _page("<h1>Regular Commission Meeting</h1><table><tr><th>Date</th><td>Tuesday, September 18, 2018</td>"
                     f"</tr></table><section><div class='grid'>{_cards(5, lang)}</div></section>")
        blocks, removed, _ = html_blocks(html)
        assert [b.text for b in blocks] == ["Regular Commission Meeting", "Date : Tuesday, September 18, 2018"]
        assert [r.rule for r in removed if "Main Library" in r.text] == ["card_feed"]


def test_the_heading_over_a_dropped_feed_leaves_the_body_with_it() -> None:
    for label in ("More Events at Main", "다른 행사 더보기"):
        html = _page("<h1>Regular Commission Meeting</h1><table><tr><th>Date</th><td>Tuesday, September 18, 2018</td>"
                     f"</tr></table><div><h2>{label}</h2></div><section><div class='grid'>{_cards(4)}</div></section>")
        blocks = html_blocks(html)[0]
        assert [(b.text, b.excluded_by) for b in blocks if b.hint == "heading"] == [(label, "card_feed")]
        assert [b.text for b in blocks if not b.excluded_by][-1] == "Date : Tuesday, September 18, 2018"


def test_cards_are_kept_where_the_page_begins_with_them_or_are_few() -> None:
    html = _page(f"<h1>Events</h1><div class='grid'>{_cards(5)}</div>")  # a page of cards: nothing before them
    assert "Book Babies 0" in _texts(html, "heading")
    html = _page(f"<h1>Meeting</h1><p>Tuesday, 1:30pm</p><div class='grid'>{_cards(2)}</div>")  # two: a pair
    assert "Book Babies 1" in _texts(html, "heading")


def test_paragraphs_title_and_headings_have_their_hints() -> None:
    html = _page(f"<h1>인공지능 산업 육성 계획</h1><h2>주요 내용</h2><p>{ARTICLE_KO}</p><h3>Timeline</h3>"
                 f"<p>{ARTICLE_EN}</p><h4>문의</h4>")
    assert [(b.text, b.hint) for b in html_blocks(html)[0]] == [
        ("인공지능 산업 육성 계획", "title"), ("주요 내용", "heading"), (ARTICLE_KO, "p"), ("Timeline", "heading"),
        (ARTICLE_EN, "p"), ("문의", "heading")]


def test_unordered_list_items_with_nesting_depth() -> None:
    html = _page("<ul><li>첫째 항목<ul><li>하위 항목 A</li><li>하위 항목 B<ul><li>더 깊은 항목</li></ul></li></ul></li>"
                 "<li>둘째 항목</li></ul>")
    assert [(b.text, b.hint, b.depth, b.marker) for b in html_blocks(html)[0]] == [
        ("첫째 항목", "li", 0, "•"), ("하위 항목 A", "li", 1, "•"), ("하위 항목 B", "li", 1, "•"),
        ("더 깊은 항목", "li", 2, "•"), ("둘째 항목", "li", 0, "•")]


def test_ordered_list_markers_count_from_one_or_from_start() -> None:
    html = _page("<ol><li>AI &amp; Drone Industry</li><li>Eco-friendly Automotive Industry</li></ol>"
                 "<ol start='3'><li>Energy and Hydrogen</li><li>Air Appliances</li></ol>"
                 "<ol start='x'><li>잘못된 시작값</li></ol>")
    assert [(b.text, b.marker) for b in html_blocks(html)[0]] == [
        ("AI & Drone Industry", "1."), ("Eco-friendly Automotive Industry", "2."), ("Energy and Hydrogen", "3."),
        ("Air Appliances", "4."), ("잘못된 시작값", "1.")]


def test_nested_list_inside_an_ordered_item_goes_one_deeper() -> None:
    html = _page("<ol><li>Timeline<ul><li>2023: 60 buses</li><li>2024: 120 buses</li></ul></li><li>Budget</li></ol>")
    assert [(b.text, b.depth, b.marker) for b in html_blocks(html)[0]] == [
        ("Timeline", 0, "1."), ("2023: 60 buses", 1, "•"), ("2024: 120 buses", 1, "•"), ("Budget", 0, "2.")]


def test_text_after_a_nested_list_continues_the_item_without_a_second_marker() -> None:
    html = _page("<ul><li>주요 행사<ul><li>한지패션쇼</li></ul>그 밖의 체험 행사</li></ul>")
    assert [(b.text, b.depth, b.marker) for b in html_blocks(html)[0]] == [
        ("주요 행사", 0, "•"), ("한지패션쇼", 1, "•"), ("그 밖의 체험 행사", 0, "")]


def test_items_of_a_long_list_are_numbered_in_order() -> None:
    html = _page("<ol>" + "".join(f"<li>item {i}</li>" for i in range(1, 61)) + "</ol>")
    assert [b.marker for b in html_blocks(html)[0]] == [f"{i}." for i in range(1, 61)]


def test_table_rows_become_labelled_cell_blocks() -> None:
    html = _page("<table class='view_info'><caption>게시물 정보</caption>"
                 "<tr><th>작성자</th><td>대변인실</td><th>등록일</th><td>2020-03-02</td><th>조회수</th><td>12</td></tr>"
                 "<tr><th>Name</th><td>admin</td><th>Date</th><td>2020-01-07 13:25</td></tr></table>")
    blocks, removed, _ = html_blocks(html)
    assert [(b.text, b.hint) for b in blocks] == [
        ("작성자 : 대변인실 등록일 : 2020-03-02 조회수 : 12", "cell"), ("Name : admin Date : 2020-01-07 13:25", "cell")]
    assert ("html_table_caption", "게시물 정보") in [(r.rule, r.text) for r in removed]


def test_layout_table_rows_are_walked_cell_by_cell() -> None:
    html = _page("<table><tr><td class='left_menu'><a>- 시정소식</a><br><a>- 보도자료</a></td>"
                 f"<td><div class='loc'>HOME &gt; 전주소식 &gt; 시정소식</div><p>{ARTICLE_KO}</p><p>{ARTICLE_EN}</p>"
                 "</td></tr></table>")
    assert [(b.text, b.hint) for b in html_blocks(html)[0]] == [
        ("HOME > 전주소식 > 시정소식", "breadcrumb"), (ARTICLE_KO, "p"), (ARTICLE_EN, "p")]


def test_figure_gives_its_figcaption_not_the_duplicate_alt() -> None:
    html = _page("<figure><img src='a.jpg' alt='광주시청 전경 사진'><figcaption>광주시청 전경</figcaption></figure>"
                 "<figure><img src='b.jpg' alt='A hydrogen bus'><figcaption>A hydrogen bus refuels at Jinwol"
                 "</figcaption></figure>")
    assert [(b.text, b.hint) for b in html_blocks(html)[0]] == [
        ("광주시청 전경", "caption"), ("A hydrogen bus refuels at Jinwol", "caption")]


def test_image_without_figcaption_gives_its_alt_even_beside_a_captioned_figure() -> None:
    html = _page("<div class='view_cont'><figure><img src='a.jpg' alt='x'><figcaption>광주시청 전경</figcaption>"
                 f"</figure><p><img src='b.jpg' alt='무등산 설경'></p><p>{ARTICLE_KO}</p>"
                 "<p><img src='c.jpg' alt=''><img src='d.jpg'></p></div>")
    assert [(b.text, b.hint) for b in html_blocks(html)[0]] == [
        ("광주시청 전경", "caption"), ("무등산 설경", "caption"), (ARTICLE_KO, "p")]


def test_breadcrumb_by_class_by_text_and_with_css_separators() -> None:
    html = _page("<div class='location'>홈 &gt; 광주소식 &gt; 보도자료</div>"
                 "<ol class='breadcrumb'><li><a>Home</a></li><li><a>News</a></li><li>News Clips</li></ol>"
                 "<p>Home › Tourism › Festivals</p>"
                 "<p>홈페이지에서 신청할 수 있다.</p>")
    assert [(b.text, b.hint) for b in html_blocks(html)[0]] == [
        ("홈 > 광주소식 > 보도자료", "breadcrumb"), ("Home > News > News Clips", "breadcrumb"),
        ("Home > Tourism > Festivals", "breadcrumb"), ("홈페이지에서 신청할 수 있다.", "p")]


# --- text kept whole -------------------------------------------------------------------------------

def test_inline_markup_does_not_split_words_or_detach_particles() -> None:
    html = _page("<p>광주<b>광역시</b>는 <strong>23일</strong> 발표했다. Trunc<i>ated</i> at <a>City Hall</a>.</p>")
    assert _texts(html) == ["광주광역시는 23일 발표했다. Truncated at City Hall."]


def test_text_after_a_comment_or_an_inline_script_stays_in_its_paragraph() -> None:
    html = _page("<p>광주시는<!-- 본문 시작 --> 계획을 <script>document.write('x')</script>발표했다.</p>"
                 "<div><!-- content -->The city <button>Share</button>will print it.</div>")
    assert _texts(html) == ["광주시는 계획을 발표했다.", "The city will print it."]


def test_adjacent_spans_and_br_separate_their_texts() -> None:
    html = _page("<div class='meta'><span>Date : 2024.01.18</span><span>Views : 317</span></div>"
                 "<p>첫 줄<br>둘째 줄</p>")
    assert _texts(html) == ["Date : 2024.01.18 Views : 317", "첫 줄", "둘째 줄"]


def test_newlines_inside_a_paragraph_are_spaces() -> None:
    assert _texts(_page(f"<p>The city\n   will print\n10,000 copies.</p>")) == ["The city will print 10,000 copies."]


# --- broken and unusual pages --------------------------------------------------------------------

def test_html_cut_mid_tag_does_not_raise_and_keeps_what_came_before() -> None:
    html = f"<html><body><div class='board_view'><p>{ARTICLE_KO}</p><p>The city will <a href=\"/news/vi"
    assert _texts(html) == [ARTICLE_KO, "The city will"]


def test_html_cut_inside_a_script_or_comment_does_not_raise() -> None:
    assert _texts(f"<p>{ARTICLE_EN}</p><script>var s = '<p>never shown") == [ARTICLE_EN]
    assert _texts(f"<p>{ARTICLE_EN}</p><!-- 주석이 끝나지 않음 <p>hidden") == [ARTICLE_EN]
    assert _texts("<p>광주광역시") == ["광주광역시"]
    assert _texts("<") == ["<"]  # a lone '<' is text in HTML


def test_empty_and_whitespace_pages() -> None:
    assert html_blocks("") == ([], [], None)
    assert html_blocks(" \n\t ") == ([], [], None)


def test_xhtml_page_with_an_xml_declaration_is_parsed() -> None:
    html = ('<?xml version="1.0" encoding="euc-kr"?>\n<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN"'
            ' "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">\n<html xmlns="http://www.w3.org/1999/xhtml">'
            f"<head><title>보도자료</title></head><body><p>{ARTICLE_KO}</p></body></html>")
    blocks, _, title = html_blocks(html)
    assert ([b.text for b in blocks], title) == ([ARTICLE_KO], "보도자료")


def test_content_after_the_closing_html_tag_is_kept() -> None:
    assert _texts(f"<html><body><p>{ARTICLE_KO}</p></body></html>\n<p>{ARTICLE_EN}</p>") == [ARTICLE_KO, ARTICLE_EN]


def test_deeply_nested_page_keeps_the_text_after_the_nesting() -> None:
    depth = 400  # libxml2's default limit is 255 levels: past it the rest of the page used to vanish
    html = f"<p>앞 문단</p>{'<div>' * depth}깊은 곳{'</div>' * depth}<p>{ARTICLE_KO}</p>"
    assert _texts(html) == ["앞 문단", "깊은 곳", ARTICLE_KO]


def test_a_long_ordered_list_keeps_every_item_and_its_number() -> None:
    """(Its linearity is counted, not timed, in test_speed9_linear.py.)"""
    html = _page("<ol>" + "<li>항목</li>" * 2000 + "</ol>")
    blocks = html_blocks(html)[0]
    assert len(blocks) == 2000 and blocks[-1].marker == "2000."


# --- properties -----------------------------------------------------------------------------------

FRAGMENTS = st.sampled_from([
    "<p>", "</p>", "<div class='gnb'>", "<div class='board_view'>", "</div>", "<ul>", "<ol start='2'>", "<li>",
    "</li>", "</ul>", "</ol>", "<table>", "<tr>", "<th>", "<td>", "</td>", "</tr>", "</table>", "<br>", "<b>", "</b>",
    "<img alt='사진'>", "<figure>", "<figcaption>", "</figcaption>", "<script>", "</script>", "<!--", "-->", "<h1>",
    "<h2>", "</h2>", "<a href='#'>", "</a>", "<nav>", "</nav>", "<dl><dt>작성자</dt><dd>대변인실</dd></dl>",
    "<div class='location'>홈 &gt; 광주소식</div>", "광주광역시는", " 발표했다.", "The city", " will print", "&amp;",
    "&nbsp;", "<", ">", "\"", "'", "\n", "<?xml version='1.0'?>", "</html>", "<header>", "<article>"])


@PROPERTY
@given(st.one_of(st.text(max_size=300), st.lists(FRAGMENTS, max_size=60).map("".join)))
def test_html_blocks_never_raises_and_returns_clean_blocks(html: str) -> None:
    blocks, removed, title = html_blocks(html)
    for block in blocks:
        assert block.text and block.text == " ".join(block.text.split())
        assert block.depth >= 0
    assert all(r.text for r in removed)
    assert title is None or title
    assert [b.line_no for b in blocks] == sorted(b.line_no for b in blocks)


@PROPERTY
@given(st.lists(st.sampled_from(["광주광역시는", "23일", "인공지능", "The", "city", "will", "print", "copies."]),
                min_size=1, max_size=12),
       st.lists(st.sampled_from(["b", "i", "strong", "em", "span", "a", "font", "u"]), max_size=3))
def test_inline_markup_around_words_never_changes_the_text(words: list[str], tags: list[str]) -> None:
    wrapped = " ".join(words)
    for tag in tags:
        wrapped = f"<{tag}>{wrapped}</{tag}>"
    assert _texts(_page(f"<p>{wrapped}</p>")) == [" ".join(words)]


def test_blocks_carry_their_dom_path_with_class_digits_masked():
    from cityclips.transforms.html import html_blocks
    blocks, _, _ = html_blocks('<html><body><div class="wrap col12"><h2>Title here</h2>'
                               '<div class="view_cont"><p>First paragraph.</p><ul><li>One item</li></ul></div>'
                               '<table><tr><th>작성자</th><td>대변인실</td></tr></table></div></body></html>')
    paths = {b.text: b.dom_path for b in blocks}
    assert paths["Title here"] == "body/div.wrap.col0/h2"
    assert paths["First paragraph."] == "body/div.wrap.col0/div.view_cont/p"
    assert paths["One item"] == "body/div.wrap.col0/div.view_cont/ul/li"
    assert paths["작성자 : 대변인실"].startswith("body/div.wrap.col0/table") and paths["작성자 : 대변인실"].endswith("/tr")


def test_a_media_players_fallback_text_is_recorded_never_content() -> None:
    # a browser that plays the <video> never shows the text inside it; the caption sits beside it
    for lead, fallback in ((ARTICLE_EN, "Sorry, your browser doesn't support embedded videos."),
                           (ARTICLE_KO, "이 브라우저는 동영상 재생을 지원하지 않습니다.")):
        for tag in ("video", "audio"):
            html = _page(f"<div class='view'><p>{lead}</p><{tag} controls><source src='/m/1.mp4'>{fallback}</{tag}>"
                         f"<p>{lead}</p></div>")
            assert fallback not in _all_block_text(html)
            assert (f"html_{tag}", fallback) in _removed(html)
            outside = _page(f"<div><{tag} controls>{fallback}</{tag}></div><div class='view'><p>{lead}</p></div>")
            assert fallback not in _all_block_text(outside)


# --- round 9 (body9): agendas and field values are not menus or teasers -----------------------------

def _agenda(rows: list[tuple[str, str]]) -> str:
    cells = "".join(f"<tr><td class='Num'>{number}</td><td><a href='/Detail.aspx?ID={i}'>{text}</a></td></tr>"
                    for i, (number, text) in enumerate(rows))
    return f"<table class='MeetingDetail'>{cells}</table>"


def test_a_table_of_numbered_agenda_links_is_content_not_a_link_menu() -> None:
    # f202: an agenda's items link to their files; the numbers written before the links say it is an
    # outline, which no menu is. The same links unnumbered are still a menu.
    english = [("1.", "CALL TO ORDER"), ("2.", "Roll Call"), ("a.", "Application #18-050 Minor Site Plan"),
               ("b.", "Zoning Ordinance Update-West Olive Corridor")]
    korean = [("1.", "개회 선언"), ("2.", "국민의례"), ("가.", "제2025-3호 도시계획 변경안 심의"), ("나.", "폐회")]
    for rows, article in ((english, ARTICLE_EN), (korean, ARTICLE_KO)):
        html = _page(f"<div class='content'><p>{article}</p>{_agenda(rows)}</div>")
        cells = _texts(html, "cell")
        assert [f"{n} {t}" for n, t in rows] == cells
        bare = _page(f"<div class='content'><p>{article}</p>{_agenda([('', t) for _, t in rows])}</div>")
        assert not _texts(bare, "cell")
        assert "html_link_menu" in {rule for rule, _ in _removed(bare)}


def test_a_link_that_is_a_fields_value_is_not_a_teaser() -> None:
    # f208: '<div>House Committee:</div><div><a>Public Safety ...</a></div>' is a row of label and value
    for label, value, article in (("House Committee:", "Public Safety and Homeland Security", ARTICLE_EN),
                                  ("담당 부서 :", "광주광역시 교통정책과 대중교통팀", ARTICLE_KO)):
        row = f"<div class='row'><div class='col-4'>{label}</div><div class='col-8'><a href='/c/129'>{value}</a></div></div>"
        html = _page(f"<div class='content'><p>{article}</p>{row}</div>")
        assert value in _texts(html)
        # ... while a label among the paragraphs ('Read more:') opens a teaser for another page
        teaser = f"<p>{label}</p><p><a href='/news/12'>{value}</a></p>"
        html = _page(f"<div class='content'><p>{article}</p>{teaser}<p>{article}</p></div>")
        assert ("link_line", value) in _removed(html)


def test_a_span_of_clock_time_is_told_from_numbers_and_one_moment() -> None:
    from cityclips.transforms.html import is_time_span
    for line in ("9:00 AM - 11:00 AM", "Tue, Jul 30 2024, 9 - 11am", "오후 2시 ~ 4시", "14:00~16:00",
                 "2026.01.26.(월) 10:00 ~ 12:00"):
        assert is_time_span(line), line
    for line in ("pages 12 - 13", "Score 3-2 at 9 pm", "Monday November 18, 2019 7:45 am", "2025-03-18~2025-04-02",
                 "Wednesday, December 17, 2025 - 6:00pm", "2019년 3월 5일 오후 2시"):
        assert not is_time_span(line), line


def test_a_list_of_links_with_separators_between_is_a_menu_and_its_label_goes_with_it() -> None:
    # r317: '<span>Add to:</span><ul><li><a>Outlook</a>,</li>...': the commas are no words; the label names the menu
    for label, items, sep, article in (("Add to:", ("Outlook", "ICal", "Google Calendar"), ",", ARTICLE_EN),
                                       ("관련 사이트 :", ("광주광역시청", "광주관광", "광주문화재단"), "·", ARTICLE_KO)):
        links = "".join(f"<li><a href='/{i}'>{item}</a>{sep if i < len(items) - 1 else ''}</li>"
                        for i, item in enumerate(items))
        html = _page(f"<div class='content'><p>{article}</p><div><span>{label}</span><ul>{links}</ul></div>"
                     f"<p>{article}</p></div>")
        blocks = html_blocks(html)[0]
        assert [b.text for b in blocks if not b.excluded_by] == [article, article]
        assert {b.text: b.excluded_by for b in blocks if b.excluded_by} == {label: "html_link_menu"}
        # ... while a list with words outside its links is a list
        worded = links.replace(f"</a>{sep}", "</a> and more")
        html = _page(f"<div class='content'><p>{article}</p><div><span>{label}</span><ul>{worded}</ul></div></div>")
        blocks = html_blocks(html)[0]
        assert f"{items[0]} and more" in [b.text for b in blocks if not b.excluded_by]
        assert "html_link_menu" not in {b.excluded_by for b in blocks}
