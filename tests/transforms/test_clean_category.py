"""Category (the page's section) as clean.py chooses it, in both languages: from the breadcrumb when the page
has one, else from the short line above a stated headline; never a caption, a control's label, or a path
written in the article's text."""
from __future__ import annotations

import pytest

from tests.transforms.test_clean import _clean_html, _prose

KO_TEXT = "광주광역시는 시민 안전을 위해 올해 하반기부터 노후 교량 점검을 확대하고 보수 예산을 두 배로 늘린다고 밝혔다."
EN_TEXT = "The city will inspect every old bridge this autumn and double the repair budget, officials said on Monday."
KO_HEADLINE, EN_HEADLINE = "노후 교량 점검 확대", "Bridge inspections to expand"


def _page(top: str, headline: str, text: str, after: str = "") -> str:
    return (f"<html><body><div class='top'>{top}</div><div class='view'><h1>{headline}</h1>{_prose(text)}{after}"
            f"{_prose(text)}</div></body></html>")


def _crumb(*steps: str) -> str:
    return "<ul class='location'>" + "".join(f"<li>{step}</li>" for step in steps) + "</ul>"


@pytest.mark.parametrize("section, headline, text", [("보도자료", KO_HEADLINE, KO_TEXT),
                                                     ("Press releases", EN_HEADLINE, EN_TEXT)])
def test_a_short_line_above_a_stated_title_is_its_category(section: str, headline: str, text: str) -> None:
    meta = _clean_html(_page(f"<p>{section}</p>", headline, text)).metadata
    assert (meta.title, meta.category) == (headline, section)


@pytest.mark.parametrize("alt, headline, text", [("광주광역시 로고", KO_HEADLINE, KO_TEXT),
                                                 ("Search by Algolia", EN_HEADLINE, EN_TEXT)])
def test_an_image_alt_text_above_the_title_is_no_category(alt: str, headline: str, text: str) -> None:
    meta = _clean_html(_page(f"<a href='/'><img src='logo.png' alt='{alt}'></a>", headline, text)).metadata
    assert (meta.title, meta.category) == (headline, None)


@pytest.mark.parametrize("label, headline, text", [("이 페이지 인쇄", KO_HEADLINE, KO_TEXT),
                                                   ("Print This Page", EN_HEADLINE, EN_TEXT)])
def test_a_control_label_above_the_title_is_no_category(label: str, headline: str, text: str) -> None:
    meta = _clean_html(_page(f"<p><a href='?print=yes'>{label}</a></p>", headline, text)).metadata
    assert (meta.title, meta.category) == (headline, None)


@pytest.mark.parametrize("direction, headline, text", [
    ("- 홈페이지 게시판 (커뮤니티&gt;문의하기) 온라인 문의", KO_HEADLINE, KO_TEXT),
    ("- Our website (Community &gt; Contact us) online form", EN_HEADLINE, EN_TEXT)])
def test_a_path_written_in_the_article_below_the_headline_is_text_not_a_breadcrumb(direction: str, headline: str,
                                                                                   text: str) -> None:
    page = _clean_html(_page("", headline, text, after=f"<p>{direction}</p>"))
    assert direction.replace("&gt;", ">") in [b.text for b in page.body]
    assert page.metadata.category is None
    assert "breadcrumb" not in {r.rule for r in page.removed}


@pytest.mark.parametrize("steps, headline, text", [(("홈", "시정소식"), KO_HEADLINE, KO_TEXT),
                                                   (("Home", "City Events"), EN_HEADLINE, EN_TEXT)])
def test_a_breadcrumb_that_ends_with_the_page_itself_names_the_step_before(steps: tuple[str, ...], headline: str,
                                                                          text: str) -> None:
    meta = _clean_html(_page(_crumb(*steps, headline), headline, text)).metadata
    assert (meta.title, meta.category) == (headline, steps[-1])


@pytest.mark.parametrize("root, label, headline, text", [("홈", "게시판", KO_HEADLINE, KO_TEXT),
                                                         ("Home", "Board Meeting", EN_HEADLINE, EN_TEXT)])
def test_a_breadcrumb_of_the_root_and_the_page_names_no_section_whatever_line_is_above(root: str, label: str,
                                                                                      headline: str, text: str) -> None:
    top = f"{_crumb(root, headline)}<div class='sub_tl'><h2>{label}</h2></div>"
    meta = _clean_html(_page(top, headline, text)).metadata
    assert (meta.title, meta.category) == (headline, None)


@pytest.mark.parametrize("steps, headline, text", [
    (("홈", "공시·자료실", "법규·규제", "규제운영", "자율규제 제·개정", "규제운영"), KO_HEADLINE, KO_TEXT),
    (("Council Sessions", "Government", "City Council", "Council Sessions"), EN_HEADLINE, EN_TEXT)])
def test_a_breadcrumb_that_repeats_a_step_names_no_category(steps: tuple[str, ...], headline: str, text: str) -> None:
    meta = _clean_html(_page(f"<div class='location'>{' &gt; '.join(steps)}</div>", headline, text)).metadata
    assert (meta.title, meta.category) == (headline, None)


@pytest.mark.parametrize("steps, label, headline, text", [
    (("홈", "채용정보", "일자리 찾기"), "채용정보 상세", KO_HEADLINE, KO_TEXT),
    (("Home", "Jobs", "Find a job"), "Job detail", EN_HEADLINE, EN_TEXT)])
def test_with_a_breadcrumb_the_line_above_the_title_does_not_name_the_section(steps: tuple[str, ...], label: str,
                                                                            headline: str, text: str) -> None:
    top = f"{_crumb(*steps)}<div class='sub_tl'><h2>{label}</h2></div>"
    meta = _clean_html(_page(top, headline, text)).metadata
    assert (meta.title, meta.category) == (headline, steps[-1])


@pytest.mark.parametrize("control, credit, headline, text", [
    ("이웃추가", "(사진: 광주광역시 제공)", "노후 교량 점검 확대 발표한 광주시", KO_TEXT),
    ("Follow", "(Credit: Pixabay/CC0 Public Domain)", "Bridge inspections to expand this autumn", EN_TEXT)])
def test_no_category_above_an_unstated_title_that_the_markup_does_not_confirm(control: str, credit: str,
                                                                              headline: str, text: str) -> None:
    html = (f"<html><head><title>{headline} : 블로그</title></head><body><div class='top'><p>{control}</p></div>"
            f"<div class='view'><p>{credit}</p>{_prose(text)}{_prose(text)}</div></body></html>")
    assert _clean_html(html).metadata.category is None


@pytest.mark.parametrize("section, headline, text", [("인쇄 안내", KO_HEADLINE, KO_TEXT),
                                                     ("The GiveWell Blog", EN_HEADLINE, EN_TEXT)])
def test_a_name_holding_a_control_word_out_of_the_verbs_place_is_still_a_category(section: str, headline: str,
                                                                                 text: str) -> None:
    meta = _clean_html(_page(f"<p>{section}</p>", headline, text)).metadata
    assert (meta.title, meta.category) == (headline, section)


@pytest.mark.parametrize("root, section, headline, text", [("홈", "보도자료", KO_HEADLINE, KO_TEXT),
                                                           ("Home", "The GiveWell Blog", EN_HEADLINE, EN_TEXT)])
def test_a_breadcrumb_of_the_root_alone_is_no_path_and_the_line_above_still_names_the_section(
        root: str, section: str, headline: str, text: str) -> None:
    top = f"<ul class='breadcrumb'><li>{root}</li></ul><div class='blog'><h2>{section}</h2></div>"
    meta = _clean_html(_page(top, headline, text)).metadata
    assert (meta.title, meta.category) == (headline, section)
