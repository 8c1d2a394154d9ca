"""Page kinds on sites the rules were not tuned on (round 11): rows grouped under dated lines, dockets, ..."""
from __future__ import annotations

import pytest

from cityclips.transforms.html import parse_html
from cityclips.transforms.listing import listing_rows
from cityclips.transforms.page_kind import PageEvidence, dated_line_shapes, decide_page_kind, most_dated_shape
from cityclips.transforms.pipeline import process_pages
from cityclips.transforms.records import RawPage

MENU = "<nav><ul>" + "".join(f"<li><a href='/section{i}.htm'>Section {i}</a></li>" for i in range(12)) + "</ul></nav>"


def page(body: str, name: str = "p.html") -> RawPage:
    return RawPage(f"pages/{name}", f"<html><body>{MENU}<main>{body}</main></body></html>".encode(), "html")


def grouped_archive(heading: str, titles: list[str], extension: str, documents: bool = True) -> str:
    """Small lists of two or three case links (an opinion, its dissent, a concurrence), each under a dated line
    of one shape (an opinion archive)."""
    groups = []
    for day, title in enumerate(titles, start=3):
        items = "".join(f"<li><a href='Cases/{day}{n}.{extension}'>SC{20700 + day}{n}</a> - {title}</li>"
                        if documents else f"<li>SC{20700 + day}{n} - {title}</li>" for n in ("", "E", "C")[:2 + day % 2])
        groups.append(f"<p><b>{heading.format(day=day)}</b></p><ul>{items}</ul>")
    return "".join(groups)


CASES = ["Middlebury v. Fraternal Order of Police", "Ahmed v. Oak Management Corp.", "State v. Robles",
         "Salce v. Cardello", "Tilsen v. Benson", "Maia v. Commissioner of Correction"]
사건 = ["광주광역시 행정심판 청구 사건 재결", "도로 점용료 부과 처분 취소 청구", "정보공개 거부 처분 취소 청구",
       "영업정지 처분 취소 청구 사건", "건축 허가 취소 처분 취소 청구", "개발부담금 부과 처분 취소 청구"]


# (a labelled date on each group, 'Posted: ...', '게시일 : ...', is the rows' dating: no date field of the page,
# and no byline of it when the byline reader takes the first)
@pytest.mark.parametrize("heading, titles, extension", [("Published in the Law Journal of 10/{day}/2023:", CASES, "pdf"),
                                                        ("Posted: October {day}, 2023", CASES, "pdf"),
                                                        ("게시일 : 2023. 10. {day}. 재결서 공개", 사건, "hwp")])
def test_rows_grouped_under_dated_lines_of_one_shape_that_link_documents_are_a_listing(heading, titles, extension):
    archive = f"<h1>Archive of Opinions</h1>{grouped_archive(heading, titles, extension)}"
    schedule = f"<h1>Archive of Opinions</h1>{grouped_archive(heading, titles, extension, documents=False)}"
    listing, static = process_pages([page(archive, "a.html"), page(schedule, "s.html")])
    assert (listing.page_kind, static.page_kind) == ("listing", "static")


@pytest.mark.parametrize("heading, titles, extension", [("Minutes of the meeting of Wednesday, March {day}, 2019", CASES[:3], "pdf"),
                                                        ("2019년 3월 {day}일 정기회의 회의록", 사건[:3], "hwp")])
def test_three_dated_groups_of_documents_are_a_listing(heading, titles, extension):
    # a small archive: three meetings' documents under their dates (three dates date rows, as a schedule's do)
    archive = f"<h1>Minutes</h1>{grouped_archive(heading, titles, extension)}"
    assert process_pages([page(archive)])[0].page_kind == "listing"


@pytest.mark.parametrize("title, session, attachment, prose", [
    ("Small business grants: call for applications", "Information session {i}: Tuesday, March {day}, 2024", "Guide {i}.pdf",
     "The city invites small firms to apply for grants that pay for training, equipment and advice this year."),
    ("청년 창업 기업 모집 공고", "○ {i}차 설명회 : 2024. 3. {day}.(화) 14:00", "공고문 {i}.hwp",
     "광주광역시는 청년 창업 기업을 모집하고 선정된 기업에 사업화 자금과 교육을 지원한다고 밝혔다.")])
def test_a_notice_with_a_schedule_of_sessions_and_its_attachments_is_no_listing(title, session, attachment, prose):
    # three sessions of one call, and the call's three attachments: one document a date is an item's attachments,
    # not an archive's groups
    sessions = "".join(f"<p>{session.format(i=i, day=4 + 7 * i)}</p>" for i in range(1, 4))
    files = "".join(f"<li><a href='/files/{i}.{attachment[-3:]}'>{attachment.format(i=i)}</a></li>" for i in range(1, 4))
    paragraphs = "".join(f"<p>{prose} ({topic})</p>" for topic in ("AI", "culture", "tourism", "care"))
    notice = process_pages([page(f"<h1>{title}</h1>{paragraphs}{sessions}<ul>{files}</ul>")])[0]
    assert notice.page_kind in ("article", "static")


def test_dated_lines_of_one_shape_count_their_different_dates():
    text = "Published in the Law Journal of 10/17/2023:\nSC20733 - A v. B\nPublished in the Law Journal of 9/5/2023:\n" \
           "2024 OK 54 , SCBD-7680 Decided 06/24/2024\n2024 OK 57 , 119791 Decided 06/25/2024\n게시일 : 2023. 10. 17.\n" \
           "게시일 : 2023. 10. 18."
    shapes = dated_line_shapes(text)
    assert sorted(shapes.values()) == [2, 2, 2] and most_dated_shape(text) == 2
    assert most_dated_shape("Posted: 2024-05-01\nPosted: 2024-05-01\nno date here") == 1


NOTICES = "".join(f"<p>{text}</p>" for text in (
    "Notice of today's published opinions is provided here at eight in the morning, and their full text later.",
    "The full text of unpublished decisions is available through the lists of decisions linked from this page.",
    "Past published opinions are available through various unofficial collections kept by libraries and firms.",
    "Opinions posted here are subject to formal revision and are superseded by the bound volumes of the reports.",
    "If you find a typographical or other formal error, please notify the reporter of decisions by mail or phone.",
    "Register for notices of slip opinions by topic, and choose all topics to be told of every opinion released.",
    "Each day that an opinion is released on a topic you chose, an e-mail will tell you of it and link its text.",
    "You may sign up for as many topics as you wish, with a separate e-mail sent for each of the topics chosen."))
알림 = "".join(f"<p>{text} 자세한 내용은 담당 부서의 안내를 따르시기 바랍니다.</p>" for text in (
    "오늘 공개된 재결서는 오전 여덟 시에 이 면에 알리며 전문은 오후에 올립니다.",
    "공개되지 않은 재결의 전문은 아래에 연결한 재결 목록에서 찾아볼 수 있습니다.",
    "지난 재결서는 도서관과 법률 기관이 모은 여러 자료집에서 열람할 수 있습니다.",
    "이 면에 올린 재결서는 형식 수정을 거치며 공식 재결집이 나오면 그것으로 대신합니다.",
    "오탈자나 형식 오류를 찾으시면 담당 부서에 우편이나 전화로 알려 주시기 바랍니다.",
    "분야별 알림을 신청하시면 새 재결서가 공개될 때마다 전자우편으로 알려 드립니다.")
    for _ in range(2))


@pytest.mark.parametrize("field, row, prose", [
    ("Published Opinions: September 12, 2025", "Commonwealth v. Party {i} (September {i}, 2025)", NOTICES),
    ("공개일 : 2025. 9. 12.", "행정심판 재결 {i}호 (2025. 9. {i}.)", 알림)])
def test_a_long_run_of_dated_rows_outweighs_a_date_field_at_the_pages_top(field, row, prose):
    # the day's opinions under the list's own date, with paragraphs of notices about them: a listing; the same
    # date field above a few dated rows is still one dated item's
    def opinions(n: int) -> str:
        items = "".join(f"<li><a href='/doc/opinion-{i}/download'>{row.format(i=i + 1)}</a></li>" for i in range(n))
        return f"<h1>New opinions</h1><p>{field}</p>{prose}<ul>{items}</ul>"
    long_run, few = process_pages([page(opinions(14), "l.html"), page(opinions(5), "f.html")])
    assert (long_run.page_kind, few.page_kind) == ("listing", "article")


@pytest.mark.parametrize("fields, event, header", [
    (("Case:", "01-25-00434-CV", "Date Filed:", "06/11/2025", "Case Type:", "Contract", "Style:", "Wells Fargo Bank",
      "v.:", "David Munson", "Orig Proc:", "No"), "Motion for extension of time to file brief filed", "Date Event Document"),
    (("사건번호 :", "2025구합10434", "접수일 :", "2025. 6. 11.", "사건종류 :", "행정", "원고 :", "주식회사 한빛",
      "피고 :", "광주광역시장", "재판부 :", "제1행정부"), "원고 준비서면 제출 및 기일 지정", "일자 내용 문서")])
def test_a_records_field_table_above_its_dated_rows_makes_one_item(fields, event, header):
    # a case's page: its fields (labels on lines of their own, then their values), then its docket of dated
    # filings linking their documents; the same docket without the record's fields is a list of filings
    labels = "".join(f"<div class='{('label', 'value')[i % 2]}'>{text}</div>" for i, text in enumerate(fields))
    cells = "".join(f"<th>{name}</th>" for name in header.split())
    rows = "".join(f"<tr><td>2025-09-{day:02d}</td><td>{event} ({day})</td><td><a href='/media/{day}.pdf'>PDF</a></td></tr>"
                   for day in range(1, 13))
    docket = f"<table><tr>{cells}</tr>{rows}</table>"
    record, filings = process_pages([page(f"<h1>{fields[1]}</h1><div class='case'>{labels}</div>{docket}", "r.html"),
                                     page(f"<h1>{fields[1]}</h1>{docket}", "f.html")])
    assert (record.page_kind, filings.page_kind) == ("article", "listing")


@pytest.mark.parametrize("title, names", [("View Opinion No. 16-{i:04d}", ["Pay a Fine", "File a Case", "Court Forms",
                                                                        "Jury Service", "Court Rules", "Find a Court",
                                                                        "Judicial Openings", "Contact Us", "Careers"]),
                                          ("판결문 보기 제2025-{i}호", ["민원 안내", "사건 검색", "전자 소송", "법원 위치",
                                                                 "재판 일정", "정보 공개", "채용 안내", "자주 묻는 질문", "찾아오시는 길"])])
def test_numbered_rows_with_pagination_make_a_listing_of_a_page_the_cleaner_emptied(title, names):
    # the cleaner took the whole page for a menu: rows that share one title shape with a pager are still its
    # results; rows of names of their own (a menu) on an emptied page are not
    pager = "<div class='pagination'><a href='?page=1'>1</a><a href='?page=2'>2</a><a href='?page=3'>3</a></div>"
    results = "".join(f"<li><a href='/courtcases/{i}/embed'>{title.format(i=i + 700)}</a></li>" for i in range(12))
    menu = "".join(f"<li><a href='/section-{i}'>{name}</a></li>" for i, name in enumerate(names))
    for items, kind in ((results, "listing"), (menu, "static")):
        rows = listing_rows(parse_html(f"<html><body><ul>{items}</ul>{pager}</body></html>"))
        assert rows.pagination and len(rows.links) >= 9
        assert decide_page_kind(PageEvidence(rows=rows, body_chars=0)).kind == kind


@pytest.mark.parametrize("dated, summary, place", [
    ("2024 OK {n} , SCBD-76{n} Decided 06/{day}/2024",
     "The bar association notified the court that respondent number {n} resigned pending disciplinary proceedings.",
     "Room {n}, Judicial Center"),
    ("2024두{n} 판결 선고 2024. 6. {day}.",
     "원고 {n}이 낸 영업정지 처분 취소 청구에 대하여 원심 판결을 파기하고 사건을 다시 심리하도록 돌려보냈다는 판결이다.",
     "제{n}호 법정")])
def test_dated_entries_each_with_its_summary_are_a_listing_and_a_schedule_is_not(dated, summary, place):
    # a court's decisions of the month, each a dated line and its first paragraph (several on one day); a
    # committee's schedule shows dated lines with a room under each, and stays a page of its own
    def page_of(under: str) -> str:
        return "<h1>Decisions</h1>" + "".join(f"<p>{dated.format(n=50 + i, day=17 + i // 2)}</p><p>{under.format(n=50 + i)}</p>"
                                            for i in range(6))
    decisions, schedule = process_pages([page(page_of(summary), "d.html"), page(page_of(place), "s.html")])
    assert (decisions.page_kind, schedule.page_kind) == ("listing", "static")
