"""Page kinds from structure with URL evidence: listings and their rows, articles, static and error pages."""
from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from cityclips.transforms.html import html_blocks, parse_html
from cityclips.transforms.listing import listing_rows, text_listing_rows
from cityclips.transforms.page_kind import (PageEvidence, decide_page_kind, frame_text, has_article_markup,
                                            has_neighbour_links, _neighbour_words,
                                            is_hosted_site_root, is_item_url, page_links, prose_chars, script_messages,
                                            material_rows, shows_date_field, shows_dated_records, shows_month_grid,
                                            shows_schedule)
from cityclips.transforms.pipeline import process_pages
from cityclips.transforms.records import Block, Document, RawPage, RemovedLine

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


def content_page(body: str, head: str = "") -> RawPage:
    return RawPage("pages/p.html", f"<html><head>{head}</head><body>{body}</body></html>".encode(), "html")


GLOSSARY = "".join(f"<dt>Term {i}</dt><dd>The meaning of term number {i} as the courts use it in a civil case, with "
                   f"an example of its use.</dd>" for i in range(8))
용어 = "".join(f"<dt>용어 {i}</dt><dd>민사 재판에서 법원이 쓰는 {i}번 용어의 뜻과 그 쓰임의 예를 적은 설명입니다.</dd>" for i in range(8))


def test_a_page_dated_only_by_its_last_change_is_static():
    for body, changed, posted in ((f"<h1>Glossary</h1><dl>{GLOSSARY}</dl>", "<p>Date modified: 2022-05-13</p>",
                                   "<p>Posted: 2022-05-13</p>"),
                                  (f"<h1>법률 용어</h1><dl>{용어}</dl>", "<p>최종수정일 : 2022-05-13</p>",
                                   "<p>등록일 : 2022-05-13</p>")):
        static, dated = process_pages([content_page(body + changed), content_page(posted + body)])
        assert static.metadata.published_at is not None  # the page's date, as reconcile takes it
        assert (static.page_kind, dated.page_kind) == ("static", "article")


def test_json_ld_of_an_item_type_is_article_markup_and_a_web_page_is_not():
    def ld(obj: str) -> object:
        return parse_html(f'<html><head><script type="application/ld+json">{obj}</script></head><body>x</body></html>')
    assert has_article_markup(ld('{"@type": "Event", "name": "Land Transactions Committee", "startDate": "2019-09-13"}'))
    assert has_article_markup(ld('{"@graph": [{"@type": "WebSite"}, {"@type": "NewsArticle", "headline": "시정 소식"}]}'))
    assert has_article_markup(ld('{"@type": "JobPosting", "title": "주무관 채용"}'))
    # Yoast gives every page a WebPage with a datePublished, listings and glossaries too
    assert not has_article_markup(ld('{"@type": "WebPage", "datePublished": "2016-03-19"}'))


def test_item_urls():
    for url in ("https://www.gwangju.go.kr/board/view.do?nttId=7", "https://business.rpba.org/events/details/ssa-19",
                "http://www.cookcountylandbank.org/events/cclba-land-transactions-committee-20190913/",
                "https://business.rpba.org/events/howard-street-ssa-19-meeting-11-20-2019-6350",
                "https://www.linknaija.com/2018/10/nollywood-actress-kate-henshaw-is.html",
                "https://www.jpost.com/Breaking-News/Son-of-former-German-president-stabbed-608399"):
        assert is_item_url(url), url
    for url in ("https://www.linknaija.com/2018/10/", "https://www.gwangju.go.kr/board/list.do?pageIndex=2",
                "https://www.uscourts.gov/glossary", None):
        assert not is_item_url(url), url
    # an item URL is enough to call a content page an article
    body = f"<h1>Glossary</h1><dl>{GLOSSARY}</dl>"
    assert decide_page_kind(evidence(body, "https://www.gwangju.go.kr/board/view.do?nttId=7")).kind == "article"
    assert decide_page_kind(evidence(body, "https://www.uscourts.gov/glossary")).kind == "static"


def test_links_to_the_previous_and_next_item():
    for label in ("이전글", "다음 글", "Previous post", "« Next article"):
        page = f"<html><body><p>본문</p><div class='near'><span>{label}</span> <a href='v?id=8'>다른 글 제목</a></div></body></html>"
        assert has_neighbour_links(parse_html(page)), label
    for label in ("Older posts", "Next page", "이전 페이지"):  # a listing's pagination, a book's pages
        page = f"<html><body><div><span>{label}</span> <a href='?page=2'>2</a></div></body></html>"
        assert not has_neighbour_links(parse_html(page)), label
    assert not has_neighbour_links(parse_html("<html><body><div><span>이전글</span> 없음</div></body></html>"))
    assert decide_page_kind(PageEvidence(body_chars=900, neighbour_links=True)).kind == "article"


def test_a_date_shown_as_a_field_near_the_top_dates_an_item():
    for text in ("2012년도 기술개발사업 시행계획\n지원사업명 : 기술개발사업 분류체계 : 창업/벤처 신청기간 : 2012-06-12 ~ 2012-07-31",
                 "2025년 중장년센터 선택형 지원사업 모집 공고\no 사업기간 : 선정 후 ~ 2025. 9. 30.(화)",
                 "Land Transactions Committee\nMeeting date: March 5, 2024\nThe committee will convene at ten.",
                 "Howard Street SSA #19\n• 11/20/2019"):
        assert shows_date_field(text), text
    for text in ("Representatives of the Grand Prix on July 13, 2018, presented a plan to keep the race on the island.",
                 "Glossary\nDate modified: 2022-05-13", "법률 용어\n최종수정일 : 2022-05-13",
                 "Civil Procedure Rules\nPart 20.1.3 and 21.2.4 apply", "x\n" * 500 + "Meeting date: March 5, 2024"):
        assert not shows_date_field(text), text
    assert decide_page_kind(PageEvidence(body_chars=900, body_text="사업 공고\n접수기간 : 2025-06-26")).kind == "article"
    assert decide_page_kind(PageEvidence(body_chars=900, body_text="용어 설명\n긴 설명입니다")).kind == "static"


def board_rows(rows: int, header: bool = True, paging: bool = True, extra: str = "") -> str:
    head = "<tr><th>번호</th><th>지원사업명</th><th>주관기관</th><th>등록일</th><th>조회</th></tr>" if header else ""
    body = "".join(f"<tr><td>{29 - i}</td><td><a href='detail?id={i}'>창업 지원사업 {i}번 공고</a></td>"
                   f"<td>창업진흥원</td><td>2012.06.1{i}</td><td>{i * 10}</td></tr>" for i in range(rows))
    pages = "<div class='paging'><a href='#'>1</a> <a href='javascript:go(2)'>2</a></div>" if paging else ""
    return (f"<h2>지원사업정보</h2><ul>{''.join(f'<li>{t} 분야는 창업기업이 자금을 조달하고 사업을 키우도록 돕는 여러 지원사업과 융자, 보증, 교육 과정을 한곳에 모아 안내합니다.</li>' for t in TOPICS)}"
            f"</ul>{extra}<table><thead>{head}</thead><tbody>{body}</tbody></table>{pages}")


def test_a_short_board_table_is_a_listing_when_nothing_says_item():
    html = f"<html><body>{board_rows(3)}</body></html>"
    assert decide_page_kind(evidence(html)).kind == "listing"
    assert decide_page_kind(evidence(html.replace("<th>", "<td>").replace("</th>", "</td>"))).kind != "listing"
    assert decide_page_kind(evidence(html, neighbour_links=True)).kind == "article"


def test_three_dated_rows_that_are_the_whole_page_are_a_listing():
    items = "".join(f"<li><a href='/shot/{i}'>Council briefing clip number {i}</a> <span>May {i + 1}, 2024</span></li>"
                    for i in range(3))
    html = f"<html><body><ul>{items}</ul></body></html>"
    assert decide_page_kind(evidence(html)).kind == "listing"
    assert decide_page_kind(evidence(html, has_published_at=True)).kind == "article"


def test_item_markup_asks_more_of_the_rows():
    html = news_list_page().replace("<div class='list'>", f"<div>{ARTICLE_PROSE[:600]}</div><div class='list'>")
    assert "share=0.6" in decide_page_kind(evidence(html)).reason  # the rows are 60% of the text
    assert decide_page_kind(evidence(html)).kind == "listing"
    assert decide_page_kind(evidence(html, article_markup=True)).kind == "article"
    assert decide_page_kind(evidence(html, neighbour_links=True)).kind == "article"


def test_a_section_front_page_by_its_fetched_url_unless_its_rows_make_a_listing():
    empty = PageEvidence(fetched_url="https://mediahub.seoul.go.kr/news/newsMain.do")
    assert decide_page_kind(empty).kind == "home"
    assert decide_page_kind(replace(empty, fetched_url="https://www.gwangju.go.kr/kor/main.do")).kind == "home"
    listing = evidence(board_page(), fetched_url="https://www.gwangju.go.kr/board/boardMain.do")
    assert decide_page_kind(listing).kind == "listing"
    # the front page is kept as a document even when the cleaner left nothing of it
    raw = RawPage("main.html", b"<html><body><nav><a href='/a'>News</a><a href='/b'>About</a></nav></body></html>",
                  "html", url="https://mediahub.seoul.go.kr/news/newsMain.do")
    document = process_pages([raw])[0]
    assert isinstance(document, Document) and document.page_kind == "home"


def test_an_empty_page_whose_script_alerts_an_error_is_an_error_page():
    def answer(script: str, body: str = "") -> RawPage:
        html = f"<html><body><form><input type='hidden' name='id' value='X'></form>{body}<script>{script}</script></body></html>"
        return RawPage("job/view.html", html.encode(), "html")
    korean = answer("alert('해당 게시물이 존재하지 않습니다.'); history.back();")
    english = answer('alert("The requested record does not exist."); window.location = "/";')
    asking = answer("function go() { alert('검색어를 입력하세요.'); }")  # a form's check, no error
    shown = answer("alert('해당 게시물이 없습니다.');", "<p>" + ARTICLE_PROSE[:400] + "</p>")
    kinds = [r.page_kind if isinstance(r, Document) else r.reason for r in process_pages([korean, english, asking, shown])]
    assert kinds[:3] == ["error", "error", "no_article"] and kinds[3] != "error"
    script = '<html><body><script>if (!found) { alert("오류가 발생했습니다"); }</script></body></html>'
    assert script_messages(parse_html(script)) == ("오류가 발생했습니다",)


def test_an_alert_of_a_variable_set_to_an_error_message_is_an_error_page():
    def answer(message: str) -> RawPage:
        html = (f"<html><body><form><input type='hidden' name='id' value='X'></form></body></html><script>"
                f"var msgStr = '{message}'; msgStr = msgStr.replace(/<br>/ig, ''); alert(msgStr); history.back(-1);"
                "</script>")
        return RawPage("job/view.html", html.encode(), "html")
    pages = [answer("해당 구인인증번호의 상세 내역이 없습니다."), answer("The requested posting does not exist.")]
    assert [r.page_kind if isinstance(r, Document) else r.reason for r in process_pages(pages)] == ["error", "error"]
    assert script_messages(parse_html("<script>var a = 'none'; var m = '삭제된 게시물입니다'; alert(m);</script>")) == (
        "삭제된 게시물입니다",)


def test_an_empty_board_whose_rows_a_script_loads_is_a_listing():
    for header in ("<th>번호</th><th>제목</th><th>등록일</th><th>조회수</th>", "<th>No.</th><th>Title</th><th>Posted</th>"):
        html = (f"<html><body><table><thead><tr>{header}</tr></thead><tbody id='list_body'></tbody></table>"
                "<div id='paging'></div><script>$('#list_body').html(rows);</script></body></html>")
        document = process_pages([RawPage("board/list.html", html.encode(), "html", url="https://a.example/b/")])[0]
        assert isinstance(document, Document) and document.page_kind == "listing" and document.links == ()
    # an empty table on a page with content is the page's (a form's layout), not a board
    assert decide_page_kind(replace(evidence(f"<html><body><table><tr><th>이름</th><th>주소</th><th>전화</th></tr>"
                                             f"</table>{ARTICLE_PROSE}</body></html>"), body_chars=900)).kind != "listing"


def school_home(links_elsewhere: int = 0) -> str:
    # a front page's menu links its sections (the real school site's: na/ boards, schl/ pages, iv/ forms)
    menu = "".join(f"<li><a href='/seonhye_sc/{('na/ntt', 'schl/sv', 'iv/cm')[i % 3]}/selectNttList.do?mi={i}'>게시판 {i}</a></li>"
                   for i in range(25))
    elsewhere = "".join(f"<li><a href='/other_{i}/main.do'>Other {i}</a></li>" for i in range(links_elsewhere))
    return f"<html><body><ul class='menu'>{menu}{elsewhere}</ul>{ARTICLE_PROSE[:300]}</body></html>"


def test_the_front_page_of_a_site_in_a_hosting_folder_is_home():
    for folder in ("https://seonhye.sc.jne.kr/seonhye_sc/", "https://schools.example.org/lincoln_high/index.html"):
        site = folder.rsplit("/", 1)[0] + "/"
        html = school_home().replace("/seonhye_sc/", "/" + site.split("/")[3] + "/")
        assert decide_page_kind(evidence(html, fetched_url=folder,
                                         page_links=page_links(parse_html(html)))).kind == "home"
    # a section's folder on a site whose menu links its other sections is not its front page
    html = school_home(links_elsewhere=10)
    assert decide_page_kind(evidence(html, fetched_url="https://seonhye.sc.jne.kr/seonhye_sc/",
                                     page_links=page_links(parse_html(html)))).kind != "home"
    assert not is_hosted_site_root("https://www.example.org/news/2024/", ("/news/a",) * 30)
    # a folder whose links nearly all go to one place under it (its documents) is that folder's list, in
    # either language's site
    for folder, files in (("https://example.org/jailoversight/", "/jailoversight/wp-content/download.php?id={}"),
                          ("https://school.example.kr/seonhye_sc/", "/seonhye_sc/cmm/fms/FileDown.do?atchFileId={}")):
        links = tuple(files.format(i) for i in range(40)) + ("/jailoversight/", "/seonhye_sc/about/")
        assert not is_hosted_site_root(folder, links)
        spread = tuple(f"{folder}{section}/page{i}" for i in range(14) for section in ("na", "schl", "iv"))
        assert is_hosted_site_root(folder, spread)


def test_a_splash_page_of_links_to_front_pages_is_home():
    for portals in (("대표 누리집", "/home/main.cs"), ("관광 누리집", "/tour/main.cs"), ("고향사랑 기부", "https://love.example.kr/")), \
                   (("Main site", "/home/"), ("Visitors", "https://visit.example.org/"), ("Shop", "/shop/index.php")):
        html = "<html><body>" + "".join(f"<li><h2>{name}</h2><a href='{href}'>바로가기 Go</a></li>" for name, href in portals)
        kinds = [r.page_kind if isinstance(r, Document) else r.reason
                 for r in process_pages([RawPage("intro.html", (html + "</body></html>").encode(), "html")])]
        assert kinds == ["home"]
    # a short page of a site's utility links (a symbols page whose body the cleaner cut short) is none either
    utility = page_links(parse_html("".join(f"<a href='/{name}.do'>{name}</a>" for name in
                                            ("login", "join", "sitemap", "menu1", "menu2", "menu3")) + "<a href='/'>홈</a>"))
    assert decide_page_kind(PageEvidence(body_chars=250, page_links=utility)).kind != "home"
    # a short page whose links go mostly to items is no splash page
    items = "".join(f"<li><a href='/board/view.do?id={i}'>공지 {i}</a></li>" for i in range(5))
    links = page_links(parse_html(f"<ul><li><a href='/'>Home</a></li><li><a href='/main.do'>처음</a></li>{items}</ul>"))
    assert decide_page_kind(PageEvidence(body_chars=40, page_links=links)).kind != "home"


def test_json_ld_of_many_items_is_a_lists_markup():
    event = '<script type="application/ld+json">{"@type": "Event", "name": "Meeting", "startDate": "2024-02-01"}</script>'
    기사 = '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "보도자료"}</script>'
    for one in (event, 기사):
        assert has_article_markup(parse_html(f"<html><head>{one}</head><body></body></html>"))
        assert not has_article_markup(parse_html(f"<html><head>{one * 12}</head><body></body></html>"))


def test_sidebar_rows_that_link_the_pages_children_make_a_meetings_page_a_listing():
    # the rows are under half of the page's text: only the evidence of their links makes it a listing
    for date, label, prose in (("August {}, 2019", "Agenda", "The commission meets on the second Thursday of the month "
                                "at two in the afternoon in room 4-407. Meetings are open to the public. " * 2),
                               ("2019년 8월 {}일", "회의록", "위원회는 매월 둘째 목요일 오후 두 시에 본관 사층 회의실에서 정기 회의를 "
                                "열며 누구나 방청할 수 있습니다. " * 4)):
        items = "".join(f"<li>{date.format(i + 1)} <a href='https://www.example.us/about/meetings/m-{i}/'>"
                        f"{label}</a></li>" for i in range(8))
        html = f"<html><body><main><p>{prose}</p></main><aside><ul>{items}</ul></aside></body></html>"
        assert decide_page_kind(evidence(html, "https://www.example.us/about/meetings/")).kind == "listing"
        assert decide_page_kind(evidence(html, "https://www.example.us/news/story-7")).kind != "listing"


def test_an_eight_digit_date_dates_an_item_only_as_a_labelled_field():
    assert shows_date_field("정책 유형 : 일자리\n사업운영기간 : 사업신청기간 : 20250605 ~ 20250621")
    assert shows_date_field("Application period: 20250605 - 20250621")
    assert not shows_date_field("문서번호 20250605 관련 안내입니다 그리고 여러 내용이 이어지는 긴 문장이 여기에 있습니다 더 길게")
    assert not shows_date_field("Last updated: 20250605")


def test_a_schedule_of_dates_is_no_items_date():
    # one meeting's page shows its day; a month's notices show a day per meeting (a committee's page)
    one = "Board of Trustees\nWednesday, July 31, 2024\n3:30 - 5:30 pm\nBrooklyn Heights Campus"
    assert shows_date_field(one) and not shows_schedule(one)
    for schedule in (one + "\nAudit Committee\nWednesday, July 31, 2024 (changed from June 26, 2024)\n11:00 am\n"
                     "Executive Committee\nMonday, July 1, 2024\n3:00 pm",
                     "정기회의 일정\n2024. 3. 12.(화) 제1차 회의\n2024. 4. 9.(화) 제2차 회의\n2024. 5. 14.(화) 제3차 회의"):
        assert shows_schedule(schedule) and not shows_date_field(schedule), schedule
        assert decide_page_kind(PageEvidence(body_chars=900, body_text=schedule)).kind == "static"
    # a page that repeats its own date is not a schedule; a labelled field still dates the item
    assert not shows_schedule("2024-05-01\n본문\n2024-05-01\n사진\n2024-05-01")
    assert shows_date_field("회의 일정\n회의일시 : 2024-03-12\n2024-04-09\n2024-05-14\n2024-06-11")
    assert not shows_schedule("Minutes\nUpdated May 1, 2024\nRevised May 2, 2024\nReviewed May 3, 2024")


def test_dated_rows_that_link_the_pages_children_make_a_listing_whatever_its_date_lines():
    # a meetings page: its schedule of upcoming days (no links), a paragraph, and recent meetings in a sidebar
    items = "".join(f"<li>{month} {day}, 2019 <a href='https://www.example.us/about/meetings/{month.lower()}-{day}-2019/'>"
                    "Agenda</a> | <a href='/m.pdf'>Minutes</a></li>" for month, day in
                    (("June", 13), ("July", 11), ("August", 8), ("September", 12), ("October", 1)))
    prose = ("<p>The commission meets on the second Thursday of the month at two in the afternoon in conference room "
             "4-407 of the county building. Meetings are open to the public and the agenda is posted a week ahead.</p>" * 2)
    html = (f"<html><body><main><h1>Board Meetings</h1>{prose}<p>October 10, 2019 (cancelled)</p>"
            f"<p>November 14, 2019</p><p>December 12, 2019</p></main><aside><ul>{items}</ul></aside></body></html>")
    page = evidence(html, "https://www.example.us/about/meetings/", body_text="Board Meetings\nOctober 10, 2019 "
                    "(cancelled)\nNovember 14, 2019\nDecember 12, 2019")
    assert page.rows.links_children and decide_page_kind(page).kind == "listing"
    # the same rows under an item (its date shown by a byline) stay its related links
    assert decide_page_kind(replace(page, has_published_at=True)).kind != "listing"


def test_a_months_calendar_grid_with_events_in_its_cells_is_a_listing():
    cells = []
    for day in (30, 31, *range(1, 31)):
        cells.append(str(day))
        if day % 7 == 3:
            cells += [f"Budget Committee Meeting {day}", "6:00 pm – 8:00 pm"]
    grid = "Calendar\nSU : MO : TU : WE : TH : FR : SA :\n" + "\n".join(cells)
    assert shows_month_grid(grid)
    assert decide_page_kind(PageEvidence(body_chars=2000, body_text=grid)).kind == "listing"
    assert shows_month_grid(grid.replace("\n2\n", "\n2일\n"))  # Korean cells may write '2일'
    # the numbers alone (a date picker, a blog's calendar widget) or a broken run are no calendar of events
    assert not shows_month_grid("\n".join(str(day) for day in range(1, 31)))
    assert not shows_month_grid(grid.replace("\n15\n", "\n"))
    # an event's own page with a calendar widget stays the event's
    assert decide_page_kind(PageEvidence(body_chars=2000, body_text=grid, article_markup=True)).kind == "article"


def test_a_label_on_its_own_line_or_a_weekday_after_it_still_labels_a_date():
    for text in ("Event Detail\nStart Date/Time:\nThursday, August 2, 2018 9:00 AM\nEnd Date/Time:\nThursday, August 2, "
                 "2018 2:00 PM\nRecurring Event:\nEvery 2 weeks until 8/16/2018 (total 6 events)",
                 "Regular Commission Meeting\nDate : Tuesday, September 18, 2018\nTime : 1:30pm - 3:30pm",
                 "Regular Open Meeting\nDecember 14, 202311:30 AM\nChicago, Illinois"):  # a year joined to its time
        assert shows_date_field(text), text
    assert not shows_date_field("Glossary\nLast modified:\nTuesday, May 13, 2022\nTerms")


def test_an_items_page_that_says_no_results_in_a_widget_is_no_error():
    text = "October 17, 2019, 2:00 pm - 4:00 pm 175 W Jackson Blvd\nLoading Events\nThere were no results found."
    assert decide_page_kind(PageEvidence(body_chars=len(text), body_text=text)).kind == "error"
    assert decide_page_kind(PageEvidence(body_chars=len(text), body_text=text, article_markup=True)).kind == "article"
    # an unknown id's page at an item's URL is still an error
    assert decide_page_kind(PageEvidence(url="https://www.example.kr/board/view.do?nttId=9", body_chars=len(text),
                                         body_text=text)).kind == "error"


def test_an_event_with_its_own_date_field_beside_a_box_of_more_events_is_the_event():
    more = "".join(f"<div class='ev'><a href='/events/{i}'>Book Babies storytime number {i}</a> Date: August {i + 1}, "
                   "2018 Main Library</div>" for i in range(12))
    html = f"<html><body><h1>Regular Commission Meeting</h1><div class='more'>{more}</div></body></html>"
    head = "Regular Commission Meeting\nDate : Tuesday, September 18, 2018\nTime : 1:30pm - 3:30pm"
    page = evidence(html, "https://library.example.org/meeting/1973", body_text=head, body_chars=900)
    assert decide_page_kind(page).kind == "listing"  # the rows are the page's text and nothing else says item
    assert decide_page_kind(replace(page, article_markup=True)).kind == "article"
    # a listing whose date lines are its rows' is still a listing, whatever its markup
    rows_head = "Events\nBook Babies storytime number 0 Date: August 1, 2018 Main Library"
    assert decide_page_kind(replace(page, article_markup=True, body_text=rows_head)).kind == "listing"


def test_a_form_of_filters_whose_results_a_script_loads_is_a_listing():
    for names in (("Full Commission", "Ways & Means Committee", "Audit Committee", "Building Authority", "Ethics Board",
                   "Election Commission"), ("일자리", "주거", "교육", "복지·문화", "참여·권리", "종로구", "중구")):
        choices = "".join(f"<li><label><input type='checkbox'/><span>{name}</span></label></li>" for name in names)
        html = (f"<html><body><h1>County Calendar</h1><div class='filter'><h2>Filter</h2><ul>{choices}</ul></div>"
                "<div class='results'><!-- loaded by a script --></div></body></html>")
        kinds = [r.page_kind if isinstance(r, Document) else r.reason
                 for r in process_pages([RawPage("calendar.html", html.encode(), "html")])]
        assert kinds == ["listing"], names
        assert listing_rows(parse_html(html)).filter_chars >= 20
    # a consent box or two is no filter form, and a page with prose beside its filters is what its prose makes it
    consent = ("<html><body><h1>Subscribe</h1><label><input type='checkbox'/> I agree to the terms</label>"
               "<label><input type='radio' id='r1'/></label></body></html>")
    assert listing_rows(parse_html(consent)).filter_chars == 0
    rows = listing_rows(parse_html("<form>" + "".join(f"<input type='radio' id='o{i}'/><label for='o{i}'>Option {i}</label>"
                                                       for i in range(6)) + "</form>"))
    assert rows.filter_chars == len("Option0") * 6
    assert decide_page_kind(PageEvidence(rows=rows, body_chars=900, body_text="Option 0 Option 1 " * 2 + "본문 " * 200,
                                         prose_chars=600)).kind != "listing"


def test_the_frame_above_the_body_dates_an_item_the_cleaner_took_its_date_from():
    # an event's 'Start Date/Time:' and its value, a board's 등록일 line: removed above the body, they date it
    body = "Board of Trustees of the General Retirement System.\nRetirement Systems' Conference Room"
    for frame in ("Start Date/Time:\nWednesday, August 1, 2018 10:00 AM\nLocation:", "등록일 : 2024-05-01 조회 : 12",
                  "Thursday, October 28, 2021\nTime\n1:00pm"):
        assert decide_page_kind(PageEvidence(body_chars=300, body_text=body, frame_text=frame)).kind == "article", frame
    assert decide_page_kind(PageEvidence(body_chars=300, body_text=body)).kind == "static"
    # a date the frame labels as a change dates no item
    changed = PageEvidence(body_chars=300, body_text=body, frame_text="Page last updated:\n2022-05-13")
    assert decide_page_kind(changed).kind == "static"


def test_the_frame_is_the_short_shown_lines_just_above_the_body():
    body = (Block(20, "본문 첫 문단입니다."), Block(21, "둘째 문단"))
    removed = [RemovedLine(0, "flattened note", "deep_nesting"), RemovedLine(2, "메뉴 " * 80, "html_link_menu"),
               RemovedLine(3, "var x = '2024-01-01';", "html_script"), RemovedLine(4, "숨은 2024-01-02", "hidden"),
               *[RemovedLine(5 + i, f"line {i}", "region_edge") for i in range(11)],
               RemovedLine(17, "등록일 2024-05-01", "metadata"), RemovedLine(25, "목록", "link_line")]
    lines = frame_text(body, removed).splitlines()
    assert lines[-1] == "등록일 2024-05-01" and lines[0] == "line 2" and len(lines) == 10
    assert frame_text((), removed) == ""


def test_a_line_that_names_what_its_date_is_of_is_no_day_of_a_schedule():
    # a meeting's outline links earlier minutes ('Minutes of Nov 6, 2018'): its own date still dates it
    outline = ("Committee Meeting\n2/12/2019 5:30 PM\nAdministrative Conference Room\n4. Approval of Minutes\n"
               "Minutes of Nov 6, 2018 5:30 PM\nMinutes of Nov 13, 2018 4:00 PM\n5. Reports")
    assert not shows_schedule(outline) and shows_date_field(outline)
    assert shows_schedule("Meetings\nMonday, July 1, 2024\nTue. July 9, 2024\n• 2024-07-16")


def test_neighbour_words_are_found_in_page_order_once_each():
    assert _neighbour_words("menu Next post · 이전글 prev next 다음글 이전글") == ["Next", "이전", "다음"]
    assert _neighbour_words("next page, previously") == []


def test_a_page_whose_date_the_cleaner_took_out_above_its_body_is_an_article():
    # the event's date sits between its headline and a long text (a short one keeps its date lines, body10), in
    # meta-classed boxes the cleaner removes
    prose = ("<p>The Board of Trustees of the General Retirement System meets in the conference room, and "
             "the public may attend and speak.</p>" * 12 + "<p>Retirement Systems' Conference Room, 500 Woodward "
             "Ave., Suite 3000, Detroit, Michigan 48226 and online by video.</p>")
    frames = ("<div class='meta'><span>Start Date/Time:</span></div><div class='meta'><span>Wednesday, August 1, "
              "2018 10:00 AM</span></div>", "<div class='event-date'>2024. 5. 1. 14:00</div><div>1:00pm</div>")
    for frame in frames:
        html = (f"<html><head><title>Board Meeting</title></head><body><nav><a href='/'>Home</a></nav><div id='c'>"
                f"<h1>Board Meeting</h1>{frame}<div class='body'>{prose}</div></div></body></html>")
        document = process_pages([RawPage("event.html", html.encode(), "html")])[0]
        assert "Wednesday" not in document.body_text and document.page_kind == "article", frame


def test_a_posts_own_author_and_views_above_its_text_make_a_board_view_with_its_list_an_article():
    # a Korean board's view shows the board's list under the post: the rows are the other posts
    rows = listing_rows(parse_html(board_page(20)))
    prose = "(재)연구원은 입주보육실에 입주할 기업을 공개 모집합니다. 접수 기간은 연중 상시접수입니다."
    listing = PageEvidence(rows=rows, body_chars=900, body_text=prose, prose_chars=60)
    assert decide_page_kind(listing).kind == "listing"
    for frame in ("작성자 : 김태하 ㅣ 조회수 : 426", "Posted by admin | Views: 75"):
        assert decide_page_kind(replace(listing, frame_text=frame)).kind == "article", frame
    # a field line that one of the rows holds is the row's, and fields without a view count are no post's pair
    assert decide_page_kind(replace(listing, frame_text="작성자 : 김태하")).kind == "listing"
    row = "공지 0번 작성자 : 관리자 조회 : 3"  # (a board whose rows label their fields)
    own_row = replace(rows, row_texts=(*rows.row_texts, "".join(row.split())))
    assert decide_page_kind(replace(listing, rows=own_row, frame_text=row)).kind == "listing"


def test_a_numeric_date_with_its_year_last_dates_an_item():
    # month first with dots (an events plugin's 'Date(s) - 09.26.2019'), day first with dashes, an ordinal day
    for text in ("Date/Time\nDate(s) - 09.26.2019\n5:30 pm", "행사일 - 26-09-2019\n오후 5시 30분",
                 "13th March 2019 - Wednesday\nBoard Meeting"):
        assert shows_date_field(text), text
    # a version number or a dotted id with no four-digit year is none
    assert not shows_date_field("Release 1.2.3\nNotes")
    assert not shows_date_field("규정 제 12.31.20 호\n안내")


def event_records(n: int, korean: bool = False) -> str:
    if korean:
        return "\n".join(f"2024.05.{i + 1:02d} 오전 10시 : 자문위원회 제{i + 1}차 회의\n내용 : 정례 회의\n장소 : 시청 {i + 1}층 회의실"
                         f"\n문의 : 기획과 담당자" for i in range(n))
    return "\n".join(f"8/{i + 1}/2019 9:00 am to 12:00 pm : Advisory Board meeting {i + 1}\nDescription: Regular meeting."
                     f"\nLocation: Room {100 + i}, State Office Building\nContact: Jay Braund" for i in range(n))


def test_items_shown_whole_each_under_its_own_date_with_the_same_fields_are_a_listing():
    for korean in (False, True):
        text = event_records(5, korean)
        assert shows_dated_records(text)
        page = PageEvidence(body_chars=len(text), prose_chars=len(text), body_text=text)
        assert decide_page_kind(page).kind == "listing"  # (its first record's date field made it an article)
        # ... unless the page's own markup or byline names it one item
        assert decide_page_kind(replace(page, article_markup=True)).kind == "article"
        # one item shows its fields once; a schedule's dates carry no fields
        assert not shows_dated_records(event_records(1, korean))
        assert not shows_dated_records(event_records(3, korean))
    schedule = "2026 Regular Meeting Schedule\n" + "\n".join(f"January {day}, 2026 10:30 a.m., Student Union" for day in range(1, 9))
    assert not shows_dated_records(schedule)


def test_undated_rows_that_repeat_one_name_are_the_dated_rows_materials():
    # a meeting's row is its date, then its minutes and report under the same names in every meeting
    for date, names in (("January {}, 2024", ("Minutes", "Board Report")), ("2024년 1월 {}일", ("회의록 보기", "회의 결과 보고"))):
        links = "".join(f"<li><a href='/m/{day}.pdf'>{date.format(day)}</a></li>"
                        + "".join(f"<li><a href='/m/{day}-{i}.pdf'>{name}</a></li>" for i, name in enumerate(names))
                        for day in range(1, 13))
        html = f"<html><body><h1>Board</h1><ul>{links}</ul></body></html>"
        ev = evidence(html)
        assert ev.rows.dated_rows == 12 and len(ev.rows.links) == 36  # a third dated: no listing by count alone
        assert material_rows(ev.rows) == 24
        assert decide_page_kind(ev).kind == "listing"
    # a menu's undated items each have a name of their own: not materials
    menu = "".join(f"<li><a href='/p{i}'>Section page {i}</a></li>" for i in range(10))
    assert material_rows(evidence(f"<html><body><ul>{menu}</ul></body></html>").rows) == 0


def test_a_calendar_grid_whose_cells_name_their_days_in_full_is_a_listing():
    for day_line, event in (("{weekday}, October {day}", "Special School Board Meeting"),
                            ("10월 {day}일 ({weekday})", "교육위원회 정례회의")):
        weekdays = ("Tuesday", "Wednesday") if "October" in day_line else ("화", "수")
        lines = []
        for day in range(1, 32):
            lines.append(day_line.format(weekday=weekdays[day % 2], day=day))
            if day % 7 == 1:
                lines += [event, "5:30 PM - 6:30 PM"]
        grid = "October 2024\n" + "\n".join(lines)
        assert shows_month_grid(grid), day_line
        assert decide_page_kind(PageEvidence(body_chars=len(grid), body_text=grid)).kind == "listing"
        # the days alone (a date picker) are no calendar of events
        assert not shows_month_grid("\n".join(day_line.format(weekday=weekdays[d % 2], day=d) for d in range(1, 32)))


EN_PROSE = "".join(f"<p>The advisory board meets on the third Tuesday of each month at city hall to review "
                   f"the {topic} program and to hear public comment from residents of ward {i}.</p>"
                   for i, topic in enumerate(("parks", "transit", "housing", "library", "water", "budget")))


def archive_page(prose: str, rows: list[tuple[str, str]]) -> str:
    """A committee's page: its prose, then a table of rows, each a date and a link."""
    body = "".join(f"<tr><td>{date}</td><td><a href='{href}'>{title}</a></td></tr>" for date, (title, href) in rows)
    return f"<html><body>{NAV}{prose}<table>{body}</table></body></html>"


def test_dated_rows_that_link_documents_make_a_meeting_archive_a_listing():
    korean = [(f"2024.0{m}.1{m}", (f"제{m}차 운영위원회 회의록", f"/files/minutes_2024_0{m}.hwp")) for m in range(1, 5)]
    english = [(f"March {d}, 2019", (f"Board meeting minutes {d}", f"/uploads/2019-03-{d:02d}-minutes.pdf"))
               for d in range(4, 8)]
    for prose, rows in ((ARTICLE_PROSE, korean), (EN_PROSE, english)):
        kind = decide_page_kind(evidence(archive_page(prose, rows), "https://city.example.kr/committee/board"))
        assert (kind.kind, kind.reason.endswith("dated rows of documents")) == ("listing", True)
        # the same rows linking pages, not documents: the page's prose outweighs them
        pages = [(date, (title, href.rsplit(".", 1)[0] + ".html")) for date, (title, href) in rows]
        assert decide_page_kind(evidence(archive_page(prose, pages), "https://city.example.kr/committee/board")).kind \
            == "static"
        # a dated item with its attachments is that item
        assert decide_page_kind(evidence(archive_page(prose, rows), has_published_at=True)).kind == "article"


def test_a_long_run_of_dated_rows_on_a_page_that_is_no_item_is_a_listing():
    korean = [(f"2024.{m:02d}.15", (f"{m}월 정례회의 개최 안내", f"/meeting/{m}.html")) for m in range(1, 13)]
    english = [(f"{month} 12, 2023", (f"Regular meeting of {month}", f"/meetings/{month.lower()}.html"))
               for month in ("January", "February", "March", "April", "May", "June", "July", "August",
                             "September", "October", "November", "December")]
    for prose, rows in ((ARTICLE_PROSE * 2, korean), (EN_PROSE * 2, english)):
        kind = decide_page_kind(evidence(archive_page(prose, rows)))
        assert (kind.kind, kind.reason.endswith("a long run of dated rows")) == ("listing", True)
        assert decide_page_kind(evidence(archive_page(prose, rows[:-1]))).kind == "static"  # 11 rows: not enough
        assert decide_page_kind(evidence(archive_page(prose, rows), has_published_at=True)).kind == "article"


def test_an_archive_of_dated_documents_outweighs_a_date_field_and_a_year_of_them_a_byline():
    korean = [(f"2024.{m:02d}.0{m % 9 + 1}", (f"{m}월 정례회 회의록", f"/files/minutes_{m}.pdf")) for m in range(1, 11)]
    english = [(f"{m}/1{m % 9}/2023", (f"Regular meeting agenda {m}", f"/docs/agenda_{m}.pdf")) for m in range(1, 11)]
    for prose, rows, field in ((ARTICLE_PROSE, korean, "다음 회의 일시 : 2024.11.05"),
                               (EN_PROSE, english, "Next meeting : 11/14/2023")):
        page = evidence(archive_page(prose, rows[:9]), body_text=field)
        assert decide_page_kind(page).reason.endswith("dated rows of documents")  # the next meeting's date field
        dated = evidence(archive_page(prose, rows), has_published_at=True)
        assert decide_page_kind(dated).kind == "listing"  # a year of meetings
        few = evidence(archive_page(prose, rows[:9]), has_published_at=True)
        assert decide_page_kind(few).kind == "article"  # an item's attachments


def _kind_of_text(body: str, frame: str = "") -> str:
    return decide_page_kind(PageEvidence(body_chars=len(body), body_text=body, frame_text=frame)).kind


def test_an_events_fields_of_when_and_where_make_it_one_item_without_a_date():
    # a calendar's event pop-up saved before its script filled the values in
    english = "Date/Time:\nCategory:\nBOC Meeting\nLocation:\nDescription\nBoard of Commissioners Committee of the Whole"
    korean = "일시 :\n분류 : 위원회\n장소 : 시청 3층 대회의실\n도시계획위원회 정기회의를 아래와 같이 개최합니다"
    for body in (english, korean):
        assert _kind_of_text(body) == "article"
        assert _kind_of_text(body, frame=body) == "article"
    # a place alone is a page's address, not an event
    assert _kind_of_text("Location: 414 Grant Street\nThe board oversees the housing fund of the city") == "static"
    assert _kind_of_text("장소 : 시청 본관\n위원회는 도시계획에 관한 사항을 심의합니다") == "static"


def test_an_events_one_time_range_makes_it_one_item_and_a_schedules_hours_do_not():
    english_frame = "Back to Calendar\n9:00 AM - 11:00 AM\nCity Council Chambers"
    korean_frame = "목록으로\n14:00 ~ 16:00\n시청 대회의실"
    assert _kind_of_text("The Housing Opportunity Fund was created by the City to support housing.",
                         english_frame) == "article"
    assert _kind_of_text("주거복지기금 운영위원회는 시의 주거 지원 사업을 심의합니다.", korean_frame) == "article"
    # the same range twice (in the title and as a field) is still one event's hours
    assert _kind_of_text("Special Board Meeting @ 9:30 a.m. - 12:00 p.m.\nBOARD OF EDUCATION\n"
                         "9:30 a.m. - 12:00 p.m.\nMINUTES STATEMENT") == "article"
    # a committee's day: several sessions, each a line opening with its hour
    committees = ("COMMITTEE MEETINGS – 8:30 AM TO 10:15 AM\n8:30 am Finance & Audit Committee\n"
                  "9:30 am Tenant Services Committee\n10:00 am Real Estate Operations")
    assert _kind_of_text(committees) == "static"
    assert _kind_of_text("위원회 회의\n14:00 ~ 15:00 예산분과\n15:00 ~ 16:00 복지분과\n16:00 ~ 17:00 교통분과") == "static"
    # office hours in a sentence are no event's
    assert _kind_of_text("The office is open weekdays from 9:00 AM - 5:00 PM for questions about permits and "
                         "licences.") == "static"


def test_a_month_grid_table_with_linked_events_is_a_listing_and_an_events_page_beside_one_is_not():
    english = {5: "Board of Supervisors Meeting", 12: "Deferred Comp Meeting", 19: "Planning Commission Hearing"}
    korean = {5: "시의회 본회의", 12: "예산결산특별위원회", 19: "도시계획위원회 회의"}
    for events in (english, korean):
        cells = "".join(f"<td>{day}" + (f" <a href='/event/{day}'>{events[day]}</a>" if day in events else "") + "</td>"
                        + ("</tr><tr>" if day % 7 == 0 else "") for day in range(1, 31))
        html = f"<html><body><h2>2022</h2><table><tr>{cells}</tr></table></body></html>"
        page = evidence(html, body_chars=40, body_text="Sunday : Monday : Tuesday")
        kind = decide_page_kind(page)
        assert kind.kind == "listing" and [link.title for link in kind.links] == list(events.values())
        # an event's own page with its month's calendar beside it stays the event
        assert decide_page_kind(replace(page, has_published_at=True, body_text="Date: 2022-09-05")).kind == "article"


def test_a_month_grids_events_hours_do_not_make_it_one_event():
    cells = []
    for day in (29, 30, *range(1, 32)):
        cells.append(f"Tuesday, October {day}" if day < 29 or len(cells) > 2 else f"Sunday, September {day}")
        if day in (8, 22):
            cells.append("5:30 PM - 6:30 PM")
    grid = "Sunday Monday Tuesday Wednesday Thursday Friday Saturday\n" + "\n".join(cells)
    assert decide_page_kind(PageEvidence(body_chars=len(grid), body_text=grid)).kind == "listing"
    korean = "\n".join(f"10월 {day}일" + ("\n14:00 ~ 16:00 정례회의" if day in (8, 22) else "") for day in range(1, 32))
    assert decide_page_kind(PageEvidence(body_chars=len(korean), body_text=korean)).kind == "listing"
