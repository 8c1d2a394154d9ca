"""Page kinds from structure with URL evidence: listings and their rows, articles, static and error pages."""
from __future__ import annotations

from datetime import datetime

from cityclips.transforms.html import html_blocks, parse_html
from cityclips.transforms.page_kind import (PageEvidence, decide_page_kind, has_article_markup, listing_rows,
                                            prose_chars, text_listing_rows)

NAV = "<nav><ul>" + "".join(f"<li><a href='/menu{i}'>메뉴 항목 {i}</a></li>" for i in range(10)) + "</ul></nav>"
TOPICS = ["인공지능 산업", "청년 창업", "도시철도 2호선", "탄소중립 정책", "공공 도서관", "하천 정비", "문화 관광", "복지 돌봄"]
ARTICLE_PROSE = "".join(f"<p>광주광역시는 {i}일 시청에서 {topic} 육성 계획을 발표하고 시민 의견을 듣는 "
                        f"공청회를 열었다. 시는 올해 예산을 들여 {TOPICS[(i + 3) % 8]} 분야의 교육과 지원을 늘린다.</p>"
                        for i, topic in enumerate(TOPICS))


def board_page(rows: int = 10) -> str:
    body = "".join(f"<tr><td>{100 - i}</td><td class='subject'><a href='view.do?nttId={i}'>광주시 보도자료 "
                   f"{i}번째 소식 안내</a></td><td>대변인실</td><td>2024-05-{i + 1:02d}</td><td>{i * 7 + 3}</td></tr>"
                   for i in range(rows))
    return (f"<html><body>{NAV}<h2>보도자료</h2><table><thead><tr><th>번호</th><th>제목</th><th>작성자</th>"
            f"<th>등록일</th><th>조회</th></tr></thead><tbody>{body}</tbody></table>"
            "<div class='paging'><a href='?pageIndex=1'>1</a><a href='?pageIndex=2'>2</a>"
            "<a href='?pageIndex=3'>3</a></div></body></html>")


def news_list_page() -> str:
    items = "".join(f"<div class='item'><h3><a href='/news/2024/{i:04d}'>City opens new library branch "
                    f"number {i}</a></h3><span class='date'>May {i + 1}, 2024</span><span>2024.05.{i + 1:02d}</span>"
                    f"</div>" for i in range(12))
    return f"<html><body><header><p>City News</p></header><div class='list'>{items}</div></body></html>"


def article_page(related: int = 4) -> str:
    box = "".join(f"<li><a href='view.do?nttId={i}'>관련 기사 {i}번 제목입니다</a> 2024.04.{i + 1:02d}</li>"
                  for i in range(related))
    return (f"<html><body>{NAV}<h1>인공지능 산업 육성 계획 발표</h1><p>2024-05-01 대변인실</p>{ARTICLE_PROSE}"
            f"<h3>관련 기사</h3><ul>{box}</ul></body></html>")


def evidence(html: str, url: str | None = None, **fields) -> PageEvidence:
    """Evidence as the pipeline gathers it: rows from the DOM, prose from the page's blocks."""
    rows = listing_rows(parse_html(html), url)
    texts = [block.text for block in html_blocks(parse_html(html))[0]]
    return PageEvidence(url=url, rows=rows, prose_chars=prose_chars(texts, rows), **fields)


def test_a_board_table_is_a_listing_and_its_rows_are_links():
    kind = decide_page_kind(evidence(board_page(), "https://www.gwangju.go.kr/board/list.do?pageIndex=2"))
    assert kind.kind == "listing"
    first = kind.links[0]
    assert (first.ordinal, first.title) == (1, "광주시 보도자료 0번째 소식 안내")
    assert first.url == "https://www.gwangju.go.kr/board/view.do?nttId=0"
    assert (first.posted_at, first.view_count) == (datetime(2024, 5, 1), 3)
    assert len(kind.links) == 10 and kind.links[-1].view_count == 66


def test_a_listing_is_told_by_structure_without_a_url():
    assert decide_page_kind(evidence(board_page())).kind == "listing"
    assert decide_page_kind(evidence(news_list_page())).kind == "listing"


def test_nav_menus_are_not_listings():
    rows = listing_rows(parse_html(f"<html><body>{NAV}<p>짧은 안내문입니다.</p></body></html>"))
    assert rows.links == ()


def test_an_article_with_a_related_news_box_stays_an_article():
    kind = decide_page_kind(evidence(article_page(), "https://www.gwangju.go.kr/board/view.do?nttId=7",
                                     has_published_at=True))
    assert (kind.kind, kind.links) == ("article", ())
    # even without a date or an article URL, its prose outweighs the rows
    assert decide_page_kind(evidence(article_page(related=6))).kind == "static"


def test_an_article_url_needs_more_rows_to_be_a_listing():
    html = board_page(rows=6).replace("<h2>보도자료</h2>", "<h2>보도자료</h2>" + ARTICLE_PROSE[:330])
    assert decide_page_kind(evidence(html)).kind == "listing"
    assert decide_page_kind(evidence(html, "https://www.gwangju.go.kr/board/view.do?nttId=7")).kind == "article"


def test_items_metadata_lines_are_not_prose():
    posts = "".join(f"<article class='post'><h2><a href='/m/{i}'>Board meeting {i}</a></h2><p>Posted on May {i + 1}, "
                    f"2023 by the Northwest Home Equity Assurance Program office staff</p></article>" for i in range(5))
    assert decide_page_kind(evidence(f"<html><body><main>{posts}</main></body></html>")).kind == "listing"


def test_a_front_page_is_told_by_its_fetched_url_only():
    assert decide_page_kind(PageEvidence(fetched_url="https://www.gwangju.go.kr/")).kind == "home"
    assert decide_page_kind(PageEvidence(fetched_url="https://www.bayern.de/en/index.html")).kind == "home"
    assert decide_page_kind(PageEvidence(url="https://www.gwangju.go.kr/", body_chars=900)).kind == "static"
    assert decide_page_kind(PageEvidence(fetched_url="https://www.gwangju.go.kr/?page=2")).kind != "home"


def test_english_dates_in_rows():
    rows = text_listing_rows([f"Board of Directors meeting, agenda and minutes January {i + 1}, 2024" for i in range(5)])
    assert [link.posted_at for link in rows.links][:2] == [datetime(2024, 1, 1), datetime(2024, 1, 2)]
    assert rows.links[0].title == "Board of Directors meeting, agenda and minutes"


def test_undated_rows_need_a_listing_url():
    items = "".join(f"<li><a href='/tag/{i}'>Topic number {i}</a></li>" for i in range(20))
    html = f"<html><body><ul>{items}</ul></body></html>"
    assert decide_page_kind(evidence(html)).kind == "static"
    assert decide_page_kind(evidence(html, "https://example.org/search?q=library", body_chars=300)).kind == "listing"


def test_http_errors_and_short_error_pages_are_errors():
    assert decide_page_kind(PageEvidence(http_status=404)).kind == "error"
    assert decide_page_kind(PageEvidence(http_status=500, has_published_at=True)).kind == "error"
    short = PageEvidence(title="오류", body_text="요청하신 페이지를 찾을 수 없습니다.", body_chars=20)
    assert decide_page_kind(short).kind == "error"
    english = PageEvidence(body_text="Sorry, the page was not found.", body_chars=31)
    assert decide_page_kind(english).kind == "error"
    empty_board = PageEvidence(body_text="글쓰기 목록 등록된 데이터가 없습니다.", body_chars=0)
    assert decide_page_kind(empty_board).kind == "error"


def test_a_long_page_about_errors_is_not_an_error_page():
    text = "The city explains why some pages were not found after the move. " * 20
    assert decide_page_kind(PageEvidence(body_text=text, body_chars=len(text), has_published_at=True)).kind == "article"


def test_dated_pages_are_articles_and_undated_pages_static():
    assert decide_page_kind(PageEvidence(body_chars=900, has_published_at=True)).kind == "article"
    assert decide_page_kind(PageEvidence(body_chars=900)).kind == "static"


def test_a_text_dump_listing():
    lines = ["보도자료", *[f"광주시 소식 {i}번 제목 2024.05.{i + 1:02d} 조회 {i * 3}" for i in range(8)], "1 2 3 다음"]
    rows = text_listing_rows(lines)
    kind = decide_page_kind(PageEvidence(rows=rows))
    assert kind.kind == "listing"
    assert kind.links[2].title == "광주시 소식 2번 제목 조회 6" and kind.links[2].view_count == 6
    assert kind.links[2].posted_at == datetime(2024, 5, 3) and kind.links[2].url is None


def test_article_markup():
    assert has_article_markup(parse_html('<html><head><meta property="article:published_time" '
                                         'content="2024-05-01T09:00:00+09:00"></head><body><p>x</p></body></html>'))
    # CMSs call every page an article, listings too: og:type is not evidence
    assert not has_article_markup(parse_html('<html><head><meta property="og:type" content="article"></head>'
                                             '<body><p>x</p></body></html>'))
    assert has_article_markup(parse_html('<html><body><time datetime="2024-05-01">May 1</time></body></html>'))
    many = "".join(f'<li><time datetime="2024-05-0{i}">May {i}</time></li>' for i in range(1, 6))
    assert not has_article_markup(parse_html(f"<html><body><ul>{many}</ul></body></html>"))
    assert not has_article_markup(parse_html("<html><body><p>x</p></body></html>"))
    assert not has_article_markup(None)


def test_view_labels_without_a_number_are_no_view_count():
    rows = "".join(f"<tr><td><a href='v{i}'>공지 제목 {i}번입니다</a></td><td>2024-05-0{i + 1}</td><td>조회 ,</td></tr>"
                   for i in range(5))
    links = listing_rows(parse_html(f"<html><body><table>{rows}</table></body></html>")).links
    assert len(links) == 5 and {link.view_count for link in links} == {None}
