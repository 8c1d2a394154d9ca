"""Page kinds on sites the rules were not tuned on (round 12): emptied pages, ..."""
from __future__ import annotations

from dataclasses import replace
from datetime import datetime

import pytest

from cityclips.transforms.listing import ListingRows
from cityclips.transforms.page_kind import PageEvidence, decide_page_kind, most_dated_shape
from cityclips.transforms.pipeline import process_pages
from cityclips.transforms.records import ListingLink, RawPage

RELEASES = ["Senator calls for more scrutiny of the homeowner assistance program", "Airport towers to stay open",
            "Panel hears details of the asteroid mission", "Bill to stop tax refund fraud gains cosponsors"]
보도자료 = ["광주광역시 청년 일자리 지원 사업 참여자 모집", "도시철도 2호선 공사 구간 교통 통제 안내",
        "인공지능 산업 육성 계획 발표", "광주 비엔날레 관람객 100만 명 돌파"]


def dated_rows(titles: list[str], repeat: int = 6) -> ListingRows:
    """repeat x len(titles) rows, each a title linking its item and a day of 2013."""
    links = tuple(ListingLink(n + 1, f"{title} ({n})", f"/news/details.cfm?id={n}",
                              datetime(2013, 1 + n % 12, 1 + n % 28))
                  for n, title in enumerate(titles * repeat))
    texts = tuple("".join(link.title.split()) for link in links)
    return ListingRows(links=links, dated_rows=len(links), rows_chars=sum(map(len, texts)), row_texts=texts)


# The cleaner emptied the page (every line went to boilerplate as chrome): what is searched for a date field is then
# the chrome it removed, where a site's header shows today's date ('Today: May 02, 2013'), the line the byline
# reader also took. One line read twice is no item said twice; the rows are the page.
@pytest.mark.parametrize("titles, header", [(RELEASES, "Today: May 02, 2013\nMedia releases\n2013 2012 2011 2010"),
                                            (보도자료, "오늘 : 2013. 5. 2.\n보도자료\n2013 2012 2011 2010")])
def test_an_emptied_page_whose_chrome_shows_a_date_is_its_rows_listing(titles, header):
    rows = dated_rows(titles)
    emptied = PageEvidence(rows=rows, body_chars=0, body_text=header, has_published_at=True)
    assert decide_page_kind(emptied).kind == "listing"
    # a page with a body of its own that shows the date field and the byline is one item whatever its rows
    kept = PageEvidence(rows=rows, body_chars=len(header), body_text=header, has_published_at=True)
    assert decide_page_kind(kept).kind == "article"


def with_prose(rows: ListingRows, share: float, **fields) -> PageEvidence:
    """Evidence of a page whose rows are share of the rows and its prose together."""
    return PageEvidence(rows=rows, prose_chars=round(rows.rows_chars * (1 / share - 1)), **fields)


# A document's page shows its fields (who produced it, when) and, below them, a few related documents with their
# dates: the rows are most of a short page, yet its own labelled date, which no row holds, makes it one item.
@pytest.mark.parametrize("titles, fields", [
    (RELEASES, "Document information\nAgency : City of Seoul  Department : Youth Policy\nDate produced : 2025-12-17"),
    (보도자료, "문서 정보\n기관명 : 서울시 부서명 : 청년사업담당관\n문서번호 : 청년사업담당관-12227 생산일자 : 2025-12-17")])
def test_a_few_dated_rows_under_the_pages_own_date_field_are_no_listing(titles, fields):
    rows = dated_rows(titles, repeat=1)
    assert decide_page_kind(with_prose(rows, 0.6, body_chars=400, body_text=fields)).kind == "article"
    # the same rows without the date field: most of the page, a listing
    undated = fields.rsplit(":", 1)[0] + ": -"
    assert decide_page_kind(with_prose(rows, 0.6, body_chars=400, body_text=undated)).kind == "listing"
    # ... and rows that are nearly all of the page outweigh it
    assert decide_page_kind(with_prose(rows, 0.9, body_chars=400, body_text=fields)).kind == "listing"


MENU = "<nav><ul>" + "".join(f"<li><a href='/section{i}.htm'>Section {i}</a></li>" for i in range(12)) + "</ul></nav>"


def page(body: str, name: str = "p.html") -> RawPage:
    return RawPage(f"pages/{name}", f"<html><body>{MENU}<main>{body}</main></body></html>".encode(), "html")


# A tender's or a post's address answered with a message in place of the item (a captcha's prompt, a notice that the
# address is wrong) that the cleaner took with the chrome around it: what is kept is a word or two of chrome (a
# marquee's 'announcement', a welcome line), no sentence, no rows, nothing dated. An empty page is rejected
# (no_article); a page with a sentence of its own, however short, is static.
@pytest.mark.parametrize("title, words, sentence", [
    ("Tender details", "Announcement", "The committee reviews the bids."),
    ("입찰 상세", "공지사항", "위원회는 입찰 서류를 심의합니다")])
def test_a_page_that_keeps_a_few_words_and_no_sentence_shows_no_item(title, words, sentence):
    nothing, something = process_pages([page(f"<h1>{title}</h1><h4>{words}</h4>", "a.html"),
                                        page(f"<h1>{title}</h1><h4>{words}</h4><p>{sentence}</p>", "b.html")])
    assert (nothing.page_kind, something.page_kind) == ("error", "static")
    assert "no content" in decide_page_kind(PageEvidence(body_chars=len(words), body_text=words)).reason
    # a line that dates the page is an item's: a notice whose text is its date field
    dated = f"{words}\n등록일 : 2025-12-17"
    assert decide_page_kind(PageEvidence(body_chars=len(dated), body_text=dated)).kind == "article"


@pytest.mark.parametrize("text", ["See the attachments\nAgenda.pdf\nMinutes.docx", "붙임 참조\n모집공고.hwp\n신청서.hwpx"])
def test_a_page_whose_few_words_are_its_attachments_is_no_error(text):
    # a notice whose text is 'see the attachments' and the files' names: their page, whatever else it lacks
    assert decide_page_kind(PageEvidence(body_chars=len(text), body_text=text)).kind == "static"
    alone = text.splitlines()[0]
    assert decide_page_kind(PageEvidence(body_chars=len(alone), body_text=alone)).kind == "error"


# A tender's page dates itself in the fields above its text, as procurement portals write a day: '10-Mar-2026'.
@pytest.mark.parametrize("fields", [
    "Tender Title : 65/Hubli/AE-DSD/e-Tender/2025-26\nCritical Dates :\nePublished Date : 10-Mar-2026 10:34 PM\n"
    "Work Description : Construction of ring pots for the research station.",
    "입찰 건명 : 연구소 부지 정비 공사\n주요 일정 :\n공고일 : 10-Mar-2026 10:34 PM\n사업 내용 : 연구소 시험 포장 조성 공사"])
def test_a_date_field_of_day_month_name_and_year_joined_by_dashes_dates_the_page(fields):
    assert decide_page_kind(PageEvidence(body_chars=len(fields), body_text=fields, prose_chars=200)).kind == "article"
    # a version or a code with dashes is no date: '10-Mar-26' has no four-digit year, 'A-10-Mar-2026' is a code
    for value in ("10-Mar-26", "A-10-Mar-2026"):
        undated = fields.replace("10-Mar-2026", value)
        evidence = PageEvidence(body_chars=len(undated), body_text=undated, prose_chars=200)
        assert decide_page_kind(evidence).kind == "static"


TEASERS = ["The senators introduced a bipartisan bill today that lets inspectors general pay bonuses to staff who "
           "find savings in federal spending", "The senator released the third edition of the waste report, which "
           "catalogues examples of wasteful spending across the government", "The senate passed a resolution that "
           "calls for the release of four citizens imprisoned abroad, with the senator among its sponsors",
           "The senator welcomed the court ruling that the bulk collection of phone records by the agency is unlawful "
           "and called on congress to end it", "The senators introduced legislation to authorise the direct supply "
           "of defence equipment to a regional government fighting in the north"]
요약 = ["광주광역시는 청년 일자리 지원 사업에 참여할 청년을 모집한다고 밝혔다. 선정된 청년에게는 월 50만 원의 활동비가 지급된다",
      "광주광역시는 도시철도 2호선 공사 구간의 교통을 통제한다고 밝혔다. 시민들은 우회 도로를 이용해 달라고 당부했다",
      "광주광역시는 인공지능 산업을 육성하기 위한 5개년 계획을 발표했다. 계획에는 기업 유치와 인재 양성이 담겼다",
      "광주 비엔날레 관람객이 100만 명을 넘어섰다고 재단이 밝혔다. 재단은 폐막까지 특별 행사를 이어 간다고 밝혔다",
      "광주광역시는 겨울철 한파에 대비해 취약 계층 지원 대책을 마련했다고 밝혔다. 난방비와 방한용품이 지원된다"]


def teaser_list(titles: list[str], summaries: list[str], dates: list[str]) -> str:
    """A press page's flat run of releases: a linked title, a date of its own, a teaser that links the release."""
    entries = [f"<h2><a href='/news/press/{n}'>{title}</a></h2><span class='date'>{date}</span>"
               f"<p class='summary'>{summary} &hellip; <a href='/news/press/{n}'>Continue Reading</a></p><hr>"
               for n, (title, summary, date) in enumerate(zip(titles, summaries, dates))]
    return f"<h1>Press releases</h1><div id='press'>{''.join(entries)}</div>"


# A press page lists its releases as a flat run: each its title, a line that is only its date in two-digit numbers
# ('05.19.15', '25.05.19') and a teaser of a paragraph. The dates are entries' (dated lines of one shape, each followed
# by its text); inside a line, two-digit numbers are no date ('version 05.19.15').
@pytest.mark.parametrize("titles, summaries, dates", [
    (RELEASES + ["Senators introduce a bill to arm the Kurds"], TEASERS,
     ["05.19.15", "05.18.15", "05.12.15", "05.11.15", "05.08.15"]),
    (보도자료 + ["겨울철 한파 대비 취약 계층 지원 대책 마련"], 요약, ["25.05.19", "25.05.18", "25.05.12", "25.05.11", "25.05.08"])])
def test_teasers_under_lines_that_are_each_a_short_date_are_a_listing(titles, summaries, dates):
    listing, = process_pages([page(teaser_list(titles, summaries, dates))])
    assert listing.page_kind == "listing"
    versions = [f"Release {date} notes" for date in dates]
    assert process_pages([page(teaser_list(titles, summaries, versions))])[0].page_kind == "static"


def test_a_line_of_two_digit_numbers_is_a_date_only_when_it_reads_as_one():
    assert most_dated_shape("05.19.15\n05.18.15\n05.12.15") == 3  # month, day, year
    assert most_dated_shape("25.05.19\n25.05.18\n25-05-12") == 3  # year, month, day; dots or dashes
    assert most_dated_shape("45.67.89\n13.32.40\n05.19-15\n5.19.15") == 0  # no month, no day, two separators, unpadded
    assert most_dated_shape("Version 05.19.15\nVersion 05.18.15\nVersion 05.12.15") == 0  # inside a line: a version


# A list's rows may show their dates on lines of their own, outside the rows' elements ('Posted: May 7, 2026' under
# each opinion, '게시일 : 2026. 5. 7.' under each notice): labelled dates of one shape, three and more, date the rows,
# and are no date field of the page's own, even on a page whose markup carries a publication time (as CMSs put on
# every page).
@pytest.mark.parametrize("titles, label", [(RELEASES, "Posted: May {day}, 2026"), (보도자료, "게시일 : 2026. 5. {day}.")])
def test_labelled_dates_that_date_the_rows_are_no_date_field_of_the_page(titles, label):
    rows = dated_rows(titles, repeat=2)
    posted = "\n".join(f"{title}\n{label.format(day=day)}" for day, title in enumerate(titles, start=3))
    listing = with_prose(rows, 0.9, body_chars=600, body_text=posted, article_markup=True)
    assert decide_page_kind(listing).kind == "listing"
    # one such line is the page's own date: an item that shows its rows (related posts) beside it
    own = f"{label.format(day=3)}\n" + "\n".join(titles)
    assert decide_page_kind(with_prose(rows, 0.9, body_chars=600, body_text=own, article_markup=True)).kind == "article"


# A short post (a sentence or two, a poster) with its board's latest posts beside it: the rows are most of the page,
# yet the post's own header above its text (its author and the day it was posted, which no row holds) makes it one
# item. Without that header, six dated rows and a line are a listing.
@pytest.mark.parametrize("title, header, text, recent", [
    ("Trail closure notice", "<p class='byline'>By Parks Department | May 19, 2025</p>",
     "Part of the trail is closed for repairs until the end of June.", RELEASES + RELEASES[:2]),
    ("무등산 탐방로 통제 안내", "<table><tr><th>작성자</th><td>공원과</td><th>등록일</th><td>2025-05-19</td></tr></table>",
     "무등산 탐방로 일부 구간이 정비 공사로 6월 말까지 통제됩니다.", 보도자료 + 보도자료[:2])])
def test_a_short_posts_own_author_and_date_above_its_text_make_it_one_item_beside_its_boards_rows(title, header, text,
                                                                                                   recent):
    box = "<ul class='recent'>" + "".join(f"<li><a href='/board/view.do?idx={n}'>{row}</a><span>2025.05.{n + 1:02d}"
                                          "</span></li>" for n, row in enumerate(recent)) + "</ul>"
    post, headless = process_pages([page(f"<h3>{title}</h3>{header}<div><p>{text}</p></div>{box}", "a.html"),
                                    page(f"<h3>{title}</h3><div><p>{text}</p></div>{box}", "b.html")])
    assert (post.page_kind, headless.page_kind) == ("article", "listing")


# A release of a few paragraphs with ten related releases under it: the rows are about half of what the page shows
# (Korean prose is dense), yet the date it shows as its own above its text (a byline, a date under its title) raises
# the share its rows need to make it a listing, as item markup does.
@pytest.mark.parametrize("titles, frame, byline", [
    (RELEASES, "Press releases\nPosted on May 19, 2025", True), (RELEASES, "Press releases\nMay 19, 2025", False),
    (보도자료, "보도자료\n작성일 : 2025-05-19", True), (보도자료, "보도자료\n2025.05.19", False)])
def test_a_date_of_its_own_above_its_text_outweighs_a_box_of_related_rows(titles, frame, byline):
    rows = dated_rows(titles, repeat=2)
    page_evidence = with_prose(rows, 0.55, body_chars=900, body_text="text", frame_text=frame, has_published_at=byline)
    assert decide_page_kind(page_evidence).kind == "article"
    undated = replace(page_evidence, frame_text=frame.splitlines()[0], has_published_at=False)
    assert decide_page_kind(undated).kind == "listing"
    # rows that are nearly all of the page are its listing whatever date it shows
    assert decide_page_kind(replace(page_evidence, prose_chars=rows.rows_chars // 10)).kind == "listing"


def test_a_korean_release_dated_under_its_title_with_related_releases_under_it_is_an_article():
    paragraphs = "".join(f"<p>{text}</p>" for text in (
        "광주광역시는 청년들의 안정적인 사회 진입을 돕기 위해 올해 청년 일자리 지원 사업 참여자 500명을 모집한다고 19일 밝혔다.",
        "모집 대상은 공고일 기준 광주에 거주하는 만 19세부터 39세까지의 미취업 청년이며, 선정된 청년에게는 활동비가 지급된다.",
        "신청은 다음 달 2일부터 13일까지 광주청년정책플랫폼 누리집에서 받으며, 서류 심사와 면접을 거쳐 참여자를 선정할 예정이다.",
        "시 관계자는 청년들이 지역에서 일자리를 찾고 정착할 수 있도록 다양한 지원 정책을 계속 마련하겠다고 말했다."))
    related = "<h4>관련 보도자료</h4><ul>" + "".join(
        f"<li><a href='/board/view.do?idx={n}'>{title}</a><span>2025.04.{n + 1:02d}</span></li>"
        for n, title in enumerate(보도자료 * 2 + 보도자료[:2])) + "</ul>"
    byline = "<span>작성일 : 2025-05-19</span>"
    dated, undated = process_pages([page(f"<h3>{보도자료[0]}</h3>{byline}{paragraphs}{related}", "a.html"),
                                    page(f"<h3>{보도자료[0]}</h3>{paragraphs}{related}", "b.html")])
    assert (dated.page_kind, undated.page_kind) == ("article", "listing")


# An event's page shows its own date and place as fields above a box of more events: one item, however many rows the
# box holds. The same box under a page that names no date of its own is a list of events.
@pytest.mark.parametrize("title, fields, text, more", [
    ("Budget town hall", ["Date: June 3, 2025", "Time: 6:00 pm - 8:00 pm", "Location: City Hall"],
     "Join the mayor and council members to discuss the proposed budget and share your priorities.", RELEASES * 2),
    ("예산 설명회", ["일시 : 2025. 6. 3.(화) 14:00", "장소 : 시청 3층 대회의실"],
     "시민 여러분과 함께 내년도 예산안을 설명하고 의견을 듣는 자리를 마련했습니다.", 보도자료 * 2)])
def test_an_events_own_date_and_place_above_a_box_of_more_events_make_it_one_item(title, fields, text, more):
    box = "<h3>More</h3><ul>" + "".join(f"<li><a href='/events/{n}'>{row}</a> 2025-06-{n + 4:02d}</li>"
                                        for n, row in enumerate(more)) + "</ul>"
    head = "".join(f"<p>{line}</p>" for line in fields)
    event, plain = process_pages([page(f"<h1>{title}</h1>{head}<p>{text}</p>{box}", "a.html"),
                                  page(f"<h1>{title}</h1><p>{text}</p>{box}", "b.html")])
    assert (event.page_kind, plain.page_kind) == ("article", "listing")
