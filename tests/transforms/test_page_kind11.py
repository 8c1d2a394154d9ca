"""Page kinds on sites the rules were not tuned on (round 11): rows grouped under dated lines, dockets, ..."""
from __future__ import annotations

from cityclips.transforms.page_kind import dated_line_shapes, most_dated_shape
from cityclips.transforms.pipeline import process_pages
from cityclips.transforms.records import RawPage

MENU = "<nav><ul>" + "".join(f"<li><a href='/section{i}.htm'>Section {i}</a></li>" for i in range(12)) + "</ul></nav>"


def page(body: str, name: str = "p.html") -> RawPage:
    return RawPage(f"pages/{name}", f"<html><body>{MENU}<main>{body}</main></body></html>".encode(), "html")


def grouped_archive(heading: str, titles: list[str], extension: str, documents: bool = True) -> str:
    """Small lists of one or two case links, each under a dated line of one shape (an opinion archive)."""
    groups = []
    for day, title in enumerate(titles, start=3):
        items = "".join(f"<li><a href='Cases/{day}{n}.{extension}'>SC{20700 + day}{n}</a> - {title}</li>"
                        if documents else f"<li>SC{20700 + day}{n} - {title}</li>" for n in ("", "E")[:1 + day % 2])
        groups.append(f"<p><b>{heading.format(day=day)}</b></p><ul>{items}</ul>")
    return "".join(groups)


CASES = ["Middlebury v. Fraternal Order of Police", "Ahmed v. Oak Management Corp.", "State v. Robles",
         "Salce v. Cardello", "Tilsen v. Benson", "Maia v. Commissioner of Correction"]
사건 = ["광주광역시 행정심판 청구 사건 재결", "도로 점용료 부과 처분 취소 청구", "정보공개 거부 처분 취소 청구",
       "영업정지 처분 취소 청구 사건", "건축 허가 취소 처분 취소 청구", "개발부담금 부과 처분 취소 청구"]


def test_rows_grouped_under_dated_lines_of_one_shape_that_link_documents_are_a_listing():
    for heading, titles, extension in (("Published in the Law Journal of 10/{day}/2023:", CASES, "pdf"),
                                       ("게시일 : 2023. 10. {day}. 재결서 공개", 사건, "hwp")):
        archive = f"<h1>Archive of Opinions</h1>{grouped_archive(heading, titles, extension)}"
        schedule = f"<h1>Archive of Opinions</h1>{grouped_archive(heading, titles, extension, documents=False)}"
        listing, static = process_pages([page(archive, "a.html"), page(schedule, "s.html")])
        assert (listing.page_kind, static.page_kind) == ("listing", "static"), heading


def test_dated_lines_of_one_shape_count_their_different_dates():
    text = "Published in the Law Journal of 10/17/2023:\nSC20733 - A v. B\nPublished in the Law Journal of 9/5/2023:\n" \
           "2024 OK 54 , SCBD-7680 Decided 06/24/2024\n2024 OK 57 , 119791 Decided 06/25/2024\n게시일 : 2023. 10. 17.\n" \
           "게시일 : 2023. 10. 18."
    shapes = dated_line_shapes(text)
    assert sorted(shapes.values()) == [2, 2, 2] and most_dated_shape(text) == 2
    assert most_dated_shape("Posted: 2024-05-01\nPosted: 2024-05-01\nno date here") == 1
