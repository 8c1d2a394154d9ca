"""transforms/region.py with html.py: the main-content region decides what is content, in both languages."""
from __future__ import annotations

import pytest

from cityclips.transforms.dom import measure
from cityclips.transforms.html import html_blocks, parse_html
from cityclips.transforms.region import _enclosing_article, class_words, evidence, find_region

KO = ["광주광역시는 23일 인공지능 산업 육성을 위해 올해 예산 1,200억 원을 투입한다고 밝혔다.",
      "시는 첨단3지구에 인공지능 집적단지를 조성하고, 기업 120곳의 입주를 지원할 계획이다.",
      "또 지역 대학과 함께 인공지능 인재 2,000명을 길러 일자리 창출에 나선다.",
      "강기정 시장은 “인공지능 중심 도시로 도약하겠다”며 시민의 관심을 당부했다."]
EN = ["The city will spend 120 billion won this year on its artificial intelligence industry, officials said.",
      "A cluster in the Cheomdan district will host 120 companies, and the city will help them move in.",
      "Local universities will train 2,000 specialists, which the city expects to create new jobs.",
      "Mayor Kang said the plan would make Gwangju a hub for AI, and he asked residents for their support."]
NAV = "<nav><ul><li><a href='/a'>시정소식</a></li><li><a href='/b'>보도자료</a></li><li><a href='/c'>공지사항</a></li></ul></nav>"


def _page(body: str) -> str:
    return f"<!DOCTYPE html><html><head><title>보도자료</title></head><body>{body}</body></html>"


def _paragraphs(texts: list[str]) -> str:
    return "".join(f"<p>{t}</p>" for t in texts)


def _content(html: str) -> list[str]:
    return [b.text for b in html_blocks(html)[0] if not b.excluded_by]


def _rules(html: str) -> dict[str, str]:
    """text -> why it is not content (a removed line's rule, or a block's excluded_by)."""
    blocks, removed, _ = html_blocks(html)
    found = {r.text: r.rule for r in removed}
    found.update({b.text: b.excluded_by for b in blocks if b.excluded_by})
    return found


# --- tags and class names are evidence, not verdicts ------------------------------------------------

def test_an_article_inside_a_form_is_the_region() -> None:
    for texts in (KO, EN):
        html = _page(f"{NAV}<form action='/bbs.do'><div class='board'>{_paragraphs(texts)}</div>"
                     "<input type='hidden' name='seq' value='1'></form><footer>Copyright © 광주광역시</footer>")
        assert _content(html) == texts


def test_a_wrapper_named_header_holding_the_article_is_kept() -> None:
    html = _page(f"<div class='wrapper-boxed header-style-header-2'>{NAV}<div class='post'>{_paragraphs(EN)}</div>"
                 "</div>")
    assert _content(html) == EN


def test_text_outside_the_region_is_excluded_not_lost() -> None:
    sidebar = "<div class='box'><p>서구청은 다음 주 도서관 개관식을 연다고 밝혔다. 시민 누구나 참여할 수 있다.</p></div>"
    html = _page(f"<div class='wrap'><div class='view_con'>{_paragraphs(KO)}</div>{sidebar}</div>")
    assert _content(html) == KO
    assert _rules(html)["서구청은 다음 주 도서관 개관식을 연다고 밝혔다. 시민 누구나 참여할 수 있다."] == "outside_region"


def test_comment_thread_after_the_article_is_dropped_whatever_its_size() -> None:
    comments = "".join(f"<div class='comment'><p>{t} 정말 좋은 소식이네요, 감사합니다.</p></div>" for t in KO + EN)
    for texts in (KO, EN):
        html = _page(f"<div class='article'>{_paragraphs(texts)}<div class='comments'>{comments}</div></div>")
        assert _content(html) == texts
        assert "html_comments" in _rules(html).values()


def test_related_list_and_share_bar_inside_the_region_are_dropped() -> None:
    related = ("<div class='relatedposts'><h3>Related</h3><div><p>Busan opens a new museum of modern art, the city "
               "announced on Monday after years of planning.</p></div></div>")
    html = _page(f"<article><div class='sns_share'>Facebook Twitter</div>{_paragraphs(EN)}{related}</article>")
    assert _content(html) == EN
    rules = _rules(html)
    assert rules["Facebook Twitter"] == "html_chrome_class"
    assert any(rule == "html_chrome_class" and "Busan opens" in text for text, rule in rules.items())


def test_a_box_named_sidebar_around_the_whole_article_is_a_layout_wrapper() -> None:
    html = _page(f"<section class='l-section for_sidebar'><div class='content'>{_paragraphs(EN)}</div></section>"
                 "<div class='sidebar'><p>Popular: AI hub, bus routes, and more stories from the city, every day.</p>"
                 "</div>")
    assert _content(html) == EN


def test_article_split_around_a_figure_keeps_both_parts() -> None:
    html = _page(f"<div class='body-copy'>{_paragraphs(EN[:2])}</div>"
                 "<div class='media'><figure><img src='a.jpg' alt='x'><figcaption>The cluster site</figcaption>"
                 f"</figure></div><div class='aside-box'></div><div class='body-copy'>{_paragraphs(EN[2:])}</div>")
    assert [t for t in _content(html) if t != "The cluster site"] == EN


# --- hidden text -----------------------------------------------------------------------------------

def test_hidden_text_is_never_content_and_is_recorded_as_hidden() -> None:
    hidden = ["<h2 class='blind'>서브페이지 본문 영역</h2>", "<span class='sr-only'>Skip to main content</span>",
              "<div aria-hidden='true'>메뉴 아이콘</div>", "<div hidden>Subscribe now</div>",
              "<p style='display: none'>로딩 중</p>", "<div style='visibility:hidden'>Tooltip text</div>",
              "<template><p>Template row</p></template>", "<noscript>자바스크립트를 켜 주세요</noscript>",
              "<h1 class='page_ttl is_blind'>기사 상세</h1>"]
    html = _page(f"<div class='view'>{''.join(hidden)}{_paragraphs(KO)}</div>")
    assert _content(html) == KO
    rules = _rules(html)
    for text in ("서브페이지 본문 영역", "Skip to main content", "메뉴 아이콘", "Subscribe now", "로딩 중", "Tooltip text",
                 "Template row", "자바스크립트를 켜 주세요", "기사 상세"):
        assert rules[text] == "hidden", text


def test_visible_utility_classes_are_not_hidden() -> None:
    # Bootstrap's hidden-xs is visible on a desktop; overflow-hidden is a layout rule
    html = _page(f"<div class='view'><p class='hidden-xs'>{EN[0]}</p><p class='overflow-hidden'>{EN[1]}</p>"
                 f"{_paragraphs(EN[2:])}</div>")
    assert _content(html) == EN


def test_skip_link_boxes_are_hidden() -> None:
    html = _page(f"<div id='skipNavi'><h1>컨텐츠 바로가기</h1><a href='#c'>본문으로</a></div>"
                 f"<div class='view'>{_paragraphs(KO)}</div>")
    assert _rules(html)["컨텐츠 바로가기 본문으로"] == "hidden"


# --- the region's frame ------------------------------------------------------------------------------

def test_byline_and_date_boxes_above_the_article_are_frame_but_stay_readable() -> None:
    html = _page(f"<article><div class='credit'>By Kim Min-ji</div><div class='when'>Nov 18, 2019 7:45 am</div>"
                 f"{_paragraphs(EN)}<div class='end'>Was this page helpful?</div></article>")
    blocks = html_blocks(html)[0]
    assert [b.text for b in blocks if not b.excluded_by] == EN
    assert {b.text: b.excluded_by for b in blocks if b.excluded_by} == {
        "By Kim Min-ji": "region_edge", "Nov 18, 2019 7:45 am": "region_edge", "Was this page helpful?": "region_edge"}


def test_short_lines_in_the_article_box_are_the_article() -> None:
    # a Korean notice: one sentence, then field lines in the same box
    notice = ["창업과 크라우드 펀딩에 관심 있는 분들을 대상으로 기본 교육을 준비했습니다. 많은 참여 바랍니다.",
              "■모집기간 : 2025.6.18.(수)~6.24.(화)", "■모집인원 : 선착순", "■진행장소 : 광주디자인진흥원 5층"]
    html = _page(f"<div class='board_view'><div class='bo_v_body'>{_paragraphs(notice + KO)}</div></div>")
    assert _content(html) == notice + KO


def test_a_link_line_in_the_article_is_a_teaser() -> None:
    html = _page(f"<div class='view'>{_paragraphs(EN[:2])}<p>Read also: <a href='/x'>Busan opens a new museum of "
                 f"modern art by the sea in Haeundae</a></p>{_paragraphs(EN[2:])}</div>")
    assert _content(html) == EN
    assert _rules(html)["Read also: Busan opens a new museum of modern art by the sea in Haeundae"] == "link_line"


def test_a_layout_list_gives_paragraphs_not_list_items() -> None:
    lines = KO * 4 + ["o 사업기간 : 선정 후 ~ 2025. 9. 30.", "o 접수방법 : 이메일 접수"]
    body = "<br>".join(lines)
    html = _page(f"<ul class='list-group'><li class='list-group-item'><div class='bbs_memo'>{body}</div></li></ul>")
    blocks = [b for b in html_blocks(html)[0] if not b.excluded_by]
    assert [b.text for b in blocks] == lines
    assert {b.hint for b in blocks} == {"p"}


def test_blocks_carry_their_dom_path_with_digits_masked() -> None:
    html = _page(f"<div class='wrap2 sub_07'><div class='view_con'>{_paragraphs(KO)}</div></div>")
    paths = {b.dom_path for b in html_blocks(html)[0]}
    assert paths == {"body/div.wrap0.sub_0/div.view_con/p"}


# --- evidence -----------------------------------------------------------------------------------

def test_class_words_split_at_separators_and_camel_humps() -> None:
    assert class_words("articleBody bbs_view post-content") == ["article", "body", "bbs", "view", "post", "content"]


def test_a_modifier_names_what_a_box_holds_not_what_it_is() -> None:
    assert class_words("js-section--has-ads c-article") == ["js", "section", "c", "article"]
    assert class_words("layout-with-sidebar no-comments") == ["layout"]
    # an article section 'with ads' is no ad box (skateboardmsm.de was rejected as no_article)
    root = parse_html(_page("<section class='js-section--has-ads'><p>x</p></section>"))
    assert not evidence(root.find("body")[0], "section", {}).negative


def test_evidence_comment_names_win_over_content_names() -> None:
    root = parse_html(_page("<div class='comment_content'>x</div><div class='article-body share-enabled'>y</div>"))
    comment, article = root.find("body")
    assert evidence(comment, "div", {}).comments
    assert not evidence(article, "div", {}).negative  # a content name beside a chrome one: not chrome


def test_no_region_on_a_page_without_prose() -> None:
    root = parse_html(_page("<ul><li>항목</li><li>Item</li></ul>"))
    sizes, _ = measure(root)
    assert not find_region(root.find("body"), sizes, {}).found


# --- recall around the region ---------------------------------------------------------------------

def test_a_lead_between_the_headline_and_the_region_is_content() -> None:
    for texts, lead in ((EN, "The plan, announced on Monday, sets out how the city will grow its AI industry by 2030."),
                        (KO, "광주시가 2030년까지 인공지능 산업을 키우기 위한 계획을 23일 발표했다. 예산은 1,200억 원이다.")):
        html = _page(f"<div class='page'><header class='intro'><h1>AI 산업 육성 계획</h1><p>{lead}</p>"
                     f"<p>By Kim Min-ji</p></header><div class='meta'><p>{lead} (metadata box)</p></div>"
                     f"<div class='view_con'>{_paragraphs(texts)}</div></div>")
        assert _content(html) == [lead] + texts
        # the byline is too short to be a lead; a lead-like text in a metadata-named box stays out
        assert _rules(html)["By Kim Min-ji"] == "outside_region"
        assert _rules(html)[f"{lead} (metadata box)"] == "outside_region"


def test_no_lead_without_a_headline_above_the_region() -> None:
    teaser = "Busan opens a new museum of modern art by the sea, the city said, with free entry for a month."
    html = _page(f"<div class='box'><p>{teaser}</p></div><div class='view_con'>{_paragraphs(EN)}</div>")
    assert _content(html) == EN


def test_the_box_holding_the_headline_the_title_names_wins_a_close_contest() -> None:
    notice = ["Thank you for visiting our website, which we keep for fans, players, coaches and referees.",
              "Your browser is out of date, so some parts of this site, its videos and its tables may not work.",
              "Please update it, or write to us at any time, by mail or phone, if you have questions.",
              "We thank you, as always, for your interest, your support and your patience with us."]
    for title, winner in (("AI 산업 육성 계획 | 광주광역시", "news"), ("광주광역시", "wrapper")):
        root = parse_html(f"<html><head><title>{title}</title></head><body><div class='wrapper'><h1>Dear visitors</h1>"
                          f"{_paragraphs(notice)}</div><section class='news'><h1>AI 산업 육성 계획</h1>"
                          f"{_paragraphs(EN)}</section></body></html>")
        sizes, _ = measure(root)
        region = find_region(root.find("body"), sizes, {}, title)
        # the best candidate (the region's core): the article under the titled headline, else the
        # notice with more commas; without the hint the close call goes the other way
        assert {el.get("class") for el in region.core} == {winner}, title


def test_fact_lines_at_the_region_edges_stay_content_and_datelines_do_not() -> None:
    html = _page(f"<article><div class='when'>Published 11:11 PM EST Nov 19, 2019</div><div class='period'>"
                 f"신청 기간 : 2026-02-10 17:30 ~ 2026-04-20 18:00</div>{_paragraphs(EN)}<div class='where'>2 Woodward "
                 "Avenue, Suite 1300 Detroit, MI 48226</div><div class='ask'>○ 문의 : 02-779-9870</div>"
                 "<div class='end'>Was this page helpful?</div></article>")
    assert _content(html) == ["신청 기간 : 2026-02-10 17:30 ~ 2026-04-20 18:00", *EN,
                              "2 Woodward Avenue, Suite 1300 Detroit, MI 48226", "○ 문의 : 02-779-9870"]
    rules = _rules(html)
    assert rules["Published 11:11 PM EST Nov 19, 2019"] == rules["Was this page helpful?"] == "region_edge"


def test_a_box_named_location_in_the_article_is_a_place_not_chrome() -> None:
    html = _page(f"<div class='event'>{_paragraphs(EN)}<div class='item location'><p>Committee of the Whole Room, "
                 "2 Woodward Avenue, Suite 1300 Detroit, MI 48226</p></div></div>")
    assert _content(html)[-1] == "Committee of the Whole Room, 2 Woodward Avenue, Suite 1300 Detroit, MI 48226"


def test_a_box_around_the_best_candidate_scoring_as_well_with_more_prose_is_the_article() -> None:
    # hss.de's shape: the densest box sits deep in an accordion panel, the article box around it
    # holds twice its prose and scores nearly as well; wrappers between the two score little.
    html = _page("<div id='article'>" + _paragraphs(KO) + "<div><div><div><div id='panel'>" + _paragraphs(EN[:2])
                 + "</div></div></div></div></div><div id='aside'>" + _paragraphs(KO[:1]) + "</div>")
    root = parse_html(html)
    sizes, _ = measure(root)
    body = root.find("body")
    article, panel = body.find(".//div[@id='article']"), body.find(".//div[@id='panel']")
    raw = {panel: 40.0, panel.getparent(): 12.0, article: 38.0}
    assert _enclosing_article(panel, body, raw, sizes) is article
    raw[article] = 30.0  # three quarters of the best: a page wrapper around an article and its sidebar
    assert _enclosing_article(panel, body, raw, sizes) is panel


def test_a_box_named_content_without_prose_is_not_the_article() -> None:
    # battery-news.de's shape: a <main class='content'> around one line outscored the article on its names
    root = parse_html(_page("<div><main class='template-page content'><p>Free shipping from 50 euros today</p></main>"
                            "</div><div><section>" + _paragraphs(EN + KO) + "</section></div>"))
    sizes, _ = measure(root)
    body = root.find("body")
    region = find_region(body, sizes, {})
    assert body.find(".//section") in region.nodes | region.core
    assert body.find(".//main") not in region.nodes


def test_the_options_of_a_drop_down_are_never_the_article() -> None:
    # a forum's 'jump to' menu: a <select> of many long option labels outweighed the post
    for texts in (KO, EN):
        options = "".join(f"<option value='{i}'>{t} {t}</option>" for i, t in enumerate(texts * 4))
        html = _page(f"<form><fieldset><select name='f'>{options}</select></fieldset></form>"
                     f"<div class='post-entry'>{_paragraphs(texts[:2])}</div>")
        root = parse_html(html)
        sizes, _ = measure(root)
        region = find_region(root.find("body"), sizes, {})
        assert [el.get("class") for el in region.nodes] == ["post-entry"]
        assert _content(html) == texts[:2]


def test_a_thin_events_facts_in_a_column_beside_it_are_its_content() -> None:
    # an event page: one line of description, its date, time and place in a column of their own
    for desc, facts in (("The work group will review the police disciplinary policy, the disciplinary matrix and the "
                         "manual of rules. Residents may attend, speak and send written comments.",
                         ("Feb 01 2024", "6:30 pm - 8:30 pm", "3631 Perkins Ave., Cleveland 4th Fl")),
                        ("징계 규정과 직무 매뉴얼을 검토하는 실무 협의회를 엽니다. 시민 누구나 참석할 수 있습니다.",
                         ("2024년 2월 1일", "오후 6:30 - 8:30", "광주광역시 서구 내방로 111, 3층"))):
        column = "".join(f"<div class='box'><h3>Field</h3><dl><dd>{fact}</dd></dl></div>" for fact in facts)
        html = _page(f"{NAV}<article class='row'><div class='col-8'><h1>Work Group</h1><div class='event-content'>"
                     f"<p>{desc}</p></div></div><div class='col-4'>{column}</div></article>"
                     "<div class='links'><p>Visit 120 parks</p></div>")
        content = " ".join(_content(html))
        assert desc in content and all(fact in content for fact in facts)
        assert "Visit 120 parks" not in content  # beyond the article's box: not a fact of it


def test_a_thin_regions_date_field_is_content_though_named_date() -> None:
    for label, value in (("Start", "Tue, 09/17/2019 - 10:00 AM"), ("시작", "2019.09.17 (화) 10:00")):
        html = _page(f"<article class='node'><h1>Citizens Advisory Board</h1><div class='field'><div class='label'>"
                     f"{label}</div><div class='value'><div class='field--name-start-date'>{value}</div></div></div>"
                     "<div class='body'><p>Quarterly meeting of the citizens advisory board, open to everyone.</p>"
                     "</div></article>")
        assert value in _content(html)


def test_a_long_articles_date_box_stays_out_of_the_body() -> None:
    html = _page(f"<article class='node'><div class='post-date'>Tue, 09/17/2019 - 10:00 AM</div>"
                 f"<div class='body'>{_paragraphs(EN + EN)}</div></article>")
    assert "Tue, 09/17/2019 - 10:00 AM" not in _content(html)


# --- a region too small for the page's prose --------------------------------------------------------

def _nested(text: str) -> str:
    """A paragraph four boxes deep (a page builder's grid cells): its score barely reaches the box around all."""
    return f"<div class='r'><div class='c'><div class='w'><div class='t'><p>{text}</p></div></div></div></div>"


def test_a_side_box_with_content_names_gives_way_to_the_box_holding_the_pages_prose() -> None:
    """A feedback box named 'content-block'/'post-body' outscores the event's text, whose lines sit in
    grid cells four boxes deep; it holds under a third of the page's prose, so the box holding twice
    its prose is the region (trafilatura's retry when the extraction looks too short)."""
    side = "<div class='content-block' id='post-body'><p>Was this page helpful? Tell us how we can improve it.</p></div>"
    for texts in (KO, EN):
        html = _page(f"<div class='col-main'><div class='event-content'>{''.join(map(_nested, texts))}</div></div>"
                     f"<div class='col-side'>{side}</div>")
        assert _content(html) == texts
        assert _rules(html)["Was this page helpful? Tell us how we can improve it."] == "outside_region"


def test_a_thin_page_inside_one_form_keeps_the_content_box_that_holds_its_prose() -> None:
    """An ASP.NET page wraps everything in one <form>; its agenda of link rows scores under
    MIN_REGION_SCORE, and without a region the per-element rules drop the form, the page with it
    (a no_article reject). A content-named box holding the page's prose is its region."""
    for lines, note in ((["1. 개회 선언", "2. 국민의례", "3. 안건 심의: 도시계획 변경안"], "회의는 시청 3층 대회의실에서 열립니다."),
                        (["1. Call to order", "2. Roll call", "3. Approval of the minutes"],
                         "The meeting is held at City Hall, 300 North Ballas Road.")):
        rows = "".join(f"<tr><td><a href='/doc{i}'>{text}</a></td></tr>" for i, text in enumerate(lines))
        html = _page(f"<form id='aspnetForm' action='/Detail.aspx'><div class='MainContentPlaceholder'><p>{note}</p>"
                     f"<table>{rows}</table></div></form>")
        content = _content(html)
        assert all(line in content for line in lines)


def test_a_thin_page_without_a_content_named_box_keeps_the_per_element_rules() -> None:
    """The name is the evidence the low score lacks: an unnamed box of link rows in a form (one with a field
    to fill: a form of hidden inputs alone is a wrapper, see test_html_body10) is a form."""
    rows = "".join(f"<tr><td><a href='/doc{i}'>Item {i}</a></td></tr>" for i in range(3))
    html = _page(f"<form action='/search'><div class='box'><p>Search the site, please.</p><input name='q'>"
                 f"<table>{rows}</table></div></form>")
    assert _content(html) == []


def test_the_retry_takes_no_box_inside_a_chrome_named_column() -> None:
    """A comment forum in a 'navigation' column holds more prose than the short post: the retry
    for a small region does not take it (the post stays the region)."""
    post = "<div class='post-entry'><p>Bitte bleibt freundlich, respektvoll und beim Thema, danke.</p></div>"
    forum = "".join(f"<div class='entry'><p>{t}</p></div>" for t in EN + KO)
    html = _page(f"<div class='main'>{post}</div><div class='navigation'><div class='forum'>{forum}</div></div>")
    assert "Bitte bleibt freundlich, respektvoll und beim Thema, danke." in _content(html)
    assert EN[0] not in _content(html)


# --- the site's banner is never the article --------------------------------------------------------

BANNER = {"en": ["The site is secure. The https:// ensures that you are connecting to the official website, and that "
                 "any information you provide is encrypted and transmitted securely.",
                 "Official websites use .gov. A .gov website belongs to an official government organization in the "
                 "United States, so you can trust what you read here."],
          "ko": ["이 누리집은 대한민국 공식 전자정부 누리집입니다. 공식 누리집 주소는 go.kr로 끝나며, 안전하게 "
                 "암호화된 연결로 정보를 주고받습니다.",
                 "정부 누리집은 보안 인증을 받았습니다. 개인정보는 암호화되어 전송되므로 안심하고 이용하실 수 있습니다."]}
EVENT = {"en": ["Date and time: July 25, 2024 9:30 AM - 10:30 AM", "2925 Euclid Ave Cleveland", "July Board Meeting"],
         "ko": ["일시: 2024년 7월 25일 오전 9시 30분", "장소: 시청 3층 대회의실", "7월 정례 이사회"]}


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_a_thin_page_in_main_is_not_lost_to_an_alert_card_in_the_site_banner(lang: str) -> None:
    html = _page(f"<div class='wrapper'><header class='site-header' role='banner'><div class='row'>"
                 f"<div class='card'><div class='card-body'>{_paragraphs(BANNER[lang])}</div></div></div>"
                 f"{NAV}</header><main class='container'><h1>Board Meeting</h1>{_paragraphs(EVENT[lang])}</main>"
                 "</div>")
    content = _content(html)
    for line in EVENT[lang]:
        assert line in content, (lang, content)
    assert not any(line in content for line in BANNER[lang]), (lang, content)


def test_a_header_is_a_candidate_when_the_page_marks_no_main_content() -> None:
    # without a <main> or <article> the page says nothing of where its text is: a <header> may be all it has
    for texts in (KO, EN):
        html = _page(f"<header><div class='entry-content'>{_paragraphs(texts)}</div></header><div><p>목록</p></div>")
        assert _content(html) == texts


# --- addresses and an event's date lines are content -----------------------------------------------

@pytest.mark.parametrize("lead, url", [
    ("Join Zoom Meeting", "https://us02web.zoom.us/j/89330552020?pwd=VEFISXBlMm1nU0ROdndKMldrUFQyQT09"),
    ("온라인 참여 주소", "https://www.gwangju.go.kr/boardView.do?pageId=www789&boardId=BD_0000000027&seq=1")])
def test_a_line_whose_link_shows_its_own_address_is_content_not_a_teaser(lead: str, url: str) -> None:
    texts = EN if lead.isascii() else KO
    html = _page(f"<div class='view'>{_paragraphs(texts[:2])}<p><a href='{url}'>{url}</a></p>"
                 f"{_paragraphs(texts[2:])}</div>")
    assert _content(html) == [*texts[:2], url, *texts[2:]]


EVENT_DAY = {"en": ("Friday, June 5, 2020", "8:00am",
                    "The commission meets by video conference; the public may join and comment."),
             "ko": ("2020년 6월 5일(금)", "오후 2시",
                    "위원회는 6월 정례회의를 화상회의로 엽니다. 시민 누구나 접속해 안건을 듣고 의견을 낼 수 있으며, "
                    "발언은 사전 신청자에 한합니다.")}


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_a_thin_event_keeps_its_date_and_time_lines_at_the_region_edge(lang: str) -> None:
    day, hour, line = EVENT_DAY[lang]
    html = _page(f"{NAV}<div class='event'><div class='when'><p>{day}</p><p>{hour}</p></div>"
                 f"<div class='event-body'><p>{line}</p></div></div><div class='box'><p>목록</p></div>")
    assert _content(html)[:3] == [day, hour, line]


def test_a_dateline_above_a_full_article_is_still_frame() -> None:
    # the date lines are kept only when the region is a few short paragraphs (an event of a few fields; a
    # weekday's date up to html.SHORT_REGION_PROSE, so the article here is twelve paragraphs, over it);
    # (a Korean date line above a Korean article is kept on main already: no Korean case here)
    html = _page(f"<article><div class='when'>Friday, June 5, 2020</div>{_paragraphs(EN * 3)}</article>")
    assert _rules(html)["Friday, June 5, 2020"] == "region_edge"


# --- round 9 (body9): a record's page laid out as sections -------------------------------------------

def _sectioned_record(summary_heading: str, summary: list[str], sections: list[tuple[str, list[str]]]) -> str:
    boxes = "".join(f"<div class='col-6 mb-4'><h2>{title}</h2><table>"
                    + "".join(f"<tr><td>{row}</td></tr>" for row in rows) + "</table></div>"
                    for title, rows in sections)
    first, rest = boxes.split("</div>", 1)
    return _page(f"{NAV}<main><div class='row'>{first}</div><div class='col-12 mb-4'><div class='card-body entry-content'><h2>"
                 f"{summary_heading}</h2>{_paragraphs(summary)}</div></div>{rest}</div></main>"
                 "<footer>Copyright © 2026 The Assembly</footer>")


def test_sections_of_one_shape_beside_the_region_are_the_records_parts() -> None:
    # f208: a bill's page: 'Sponsors', 'Committees', 'Status History' tables beside the one section with
    # a paragraph ('First Reader Summary'); each opens with an <h2>, as the region's own section does.
    for heading, summary, sections in (
            ("First Reader Summary", EN,
             [("Sponsors", ["1. Au, Michelle 50th", "2. Cooper, Sharon 45th"]),
              ("Status History", ["01/15/2025 House Second Readers", "01/13/2025 House Hopper"]),
              ("Votes", ["01/20/2025 Yea 120 Nay 50"])]),
            ("제안 이유", KO,
             [("발의자", ["1. 김민수 의원", "2. 이지은 의원"]), ("처리 경과", ["2025-01-15 소관 상임위 회부", "2025-01-13 접수"]),
              ("표결", ["2025-01-20 찬성 120 반대 50"])])):
        content = _content(_sectioned_record(heading, summary, sections))
        for _, rows in sections:
            for row in rows:
                assert row in content
        assert all(text in content for text in summary)


def test_boxes_of_another_shape_beside_the_region_are_not_its_sections() -> None:
    # the region's section opens with an <h2>; boxes opened by an <h3> (a sidebar's widgets) are not its parts
    sections = [("Sponsors", ["1. Au, Michelle 50th"]), ("Status History", ["01/13/2025 House Hopper"]),
                ("Votes", ["01/20/2025 Yea 120 Nay 50"])]
    html = _sectioned_record("First Reader Summary", EN, sections)
    assert "1. Au, Michelle 50th" in _content(html)
    content = _content(html.replace("<h2>Sponsors</h2>", "<h3>Sponsors</h3>").replace("<h2>Votes</h2>", "<h3>Votes</h3>"))
    assert "1. Au, Michelle 50th" not in content and "01/20/2025 Yea 120 Nay 50" not in content


@pytest.mark.parametrize("hours, dateline, texts", [
    ("9:00 AM - 11:00 AM", "Nov 18, 2019 7:45 am", EN), ("9:00 a.m. - 12:00 noon", "Nov 18, 2019 7:45 am", EN),
    ("오후 2시 ~ 4시", "2019.11.18 07:45", KO * 2), ("14:00~16:00", "2019.11.18 07:45", KO * 2)])  # not thin
def test_an_events_hours_at_the_region_edge_are_its_schedule_not_a_dateline(hours: str, dateline: str,
                                                                          texts: list[str]) -> None:
    # f303, r321: a span of time is when the meeting is held; a dateline names one moment and stays frame
    html = _page(f"<article><div class='when'>{dateline}</div><div class='times'>{hours}</div>"
                 f"{_paragraphs(texts)}<div class='end'>{hours}</div></article>")
    blocks = html_blocks(html)[0]
    assert [b.text for b in blocks if not b.excluded_by] == [hours, *texts, hours]
    assert _rules(html)[dateline] == "region_edge"
