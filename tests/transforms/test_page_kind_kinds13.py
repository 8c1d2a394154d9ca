"""Page kinds, round 13 (kinds13): a flat run of entries in a press page's order (date, short title, teaser)."""
from __future__ import annotations

import pytest

from cityclips.transforms.page_kind import PageEvidence, byline_dates_rows, dated_entries
from cityclips.transforms.pipeline import process_pages
from cityclips.transforms.records import RawPage

MENU = "<nav><ul>" + "".join(f"<li><a href='/section{i}.htm'>Section {i}</a></li>" for i in range(12)) + "</ul></nav>"


def page(body: str, name: str = "p.html") -> RawPage:
    return RawPage(f"pages/{name}", f"<html><body>{MENU}<main>{body}</main></body></html>".encode(), "html")


ENGLISH = ("May {day}, 2025", "Council approves park plan number {n}",
           "The city council voted on Tuesday to approve the riverside park plan {n}, which adds trails and lighting.",
           "Room {n}, City Hall")
KOREAN = ("2025.05.{day}", "광주시 공원 조성 계획 {n}차 확정",
          "광주시는 시의회가 강변 공원 조성 계획 {n}차안을 의결해 산책로와 조명 시설을 새로 설치하게 됐다고 밝혔다. 공사는 내년 봄에 시작된다.",
          "제{n}회의실")


@pytest.mark.parametrize("date, title, teaser, room", [ENGLISH, KOREAN])
def test_dated_entries_read_a_short_title_between_the_date_and_the_teaser(date, title, teaser, room):
    # a press page lists its releases flat, in the order a Korean press page shows them: date, short title,
    # teaser (the title is under PROSE_MIN_CHARS, the teaser over it)
    def run(*parts: str) -> str:
        return "\n".join("\n".join(part.format(day=19 - i, n=i + 1) for part in parts) for i in range(5))

    assert dated_entries(run(date, title, teaser)) == 5
    # a schedule's dated lines with a title and a room under each are no entries: no text follows
    assert dated_entries(run(date, title, room)) == 0
    # ... nor a run of dates with a short line between (the next date is no entry's text)
    assert dated_entries(run(date, room)) == 0


@pytest.mark.parametrize("date, title, teaser, room", [ENGLISH, KOREAN])
def test_a_press_page_of_dated_titles_and_teasers_is_a_listing(date, title, teaser, room):
    # the releases are paragraphs without links (their titles open them by script): the page's dated entries
    # make it a listing; the same run with a room in place of each teaser is a schedule, a page of its own
    def page_of(under: str) -> str:
        return "<h1>Press releases</h1>" + "".join(
            f"<p>{date.format(day=19 - i)}</p><p>{title.format(n=i + 1)}</p><p>{under.format(n=i + 1)}</p>"
            for i in range(6))

    releases, schedule = process_pages([page(page_of(teaser), "r.html"), page(page_of(room), "s.html")])
    assert (releases.page_kind, schedule.page_kind) == ("listing", "static")


@pytest.mark.parametrize("date, title, teaser, room", [ENGLISH, KOREAN])
def test_the_bodys_first_date_dates_rows_when_its_shape_dates_the_others(date, title, teaser, room):
    # the byline reader takes the body's first date ('May 19, 2025', '2025.05.19') for the page's when the frame
    # shows none: on a run of entries it is the first entry's; one date above an article's text stays the article's
    entries = "\n".join(f"{date.format(day=19 - i)}\n{title.format(n=i + 1)}\n{teaser.format(n=i + 1)}" for i in range(5))
    run = PageEvidence(body_text=entries, body_chars=len(entries), has_published_at=True)
    assert byline_dates_rows(run)
    article = "\n".join([date.format(day=19), title.format(n=1)] + [teaser.format(n=n) for n in range(5)])
    assert not byline_dates_rows(PageEvidence(body_text=article, body_chars=len(article), has_published_at=True))
