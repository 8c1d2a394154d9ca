"""transforms/tails.py, round 12 (body12): a teaser whose headline follows a hidden label inside its link."""
from __future__ import annotations

from cityclips.transforms.dom import measure
from cityclips.transforms.html import parse_html
from cityclips.transforms.tails import is_teaser_feed

KO_RELATED = ["공고번호 부여 의뢰(2025년 서울 청년수당 참여자 모집)", "2025년 서울 청년수당 9월분 지급(1차)",
              "2025년 서울 청년수당 사업 공고에 따른 업무 협조 요청"]
EN_RELATED = ["Council adopts the 2025 transit budget amendment", "Public hearing notice on the riverside zoning plan",
              "Results of the spring road resurfacing tender"]


def _related(headlines: list[str], label: str, dated: str) -> str:
    """A list of other documents, each a link whose text opens with a label for screen readers only."""
    items = "".join(f"<li><div class='title-area'><a href='/doc/{i}'><strong style='display:none'>{label}</strong>"
                    f"{head}</a><p class='title-category'><span>{dated}</span></p></div>"
                    f"<p class='when'><span>2025-0{i + 1}-24</span></p></li>" for i, head in enumerate(headlines))
    return f"<html><body><ul>{items}</ul></body></html>"


def _feed(html: str) -> bool:
    root = parse_html(html)
    sizes, _ = measure(root)
    return is_teaser_feed(root.find(".//ul"), sizes)


def test_a_hidden_label_inside_the_link_does_not_hide_the_headline_korean() -> None:
    assert _feed(_related(KO_RELATED, "제목 : ", "부분공개"))


def test_a_hidden_label_inside_the_link_does_not_hide_the_headline_english() -> None:
    assert _feed(_related(EN_RELATED, "Title: ", "Public"))


def test_a_visible_label_before_the_link_still_leads_with_no_headline() -> None:
    # the first words a reader sees are outside the link: a list of labelled rows, not teasers
    html = _related(EN_RELATED, "", "Public").replace("<div class='title-area'>", "<div class='title-area'>Item: ")
    assert not _feed(html)
