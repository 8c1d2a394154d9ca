"""Figure reading (transforms/html.py), round 14: a figure written as a plain box, '<div><img><p>caption</p></div>'
(f1401: australia.gov.au's 'cutoutright' boxes), gives its visible text as the caption and not the image's alt text;
a box whose picture is followed by a section (a heading, a list) or by a paragraph inside a list item is no figure."""
from __future__ import annotations

import pytest

from cityclips.transforms.html import html_blocks

CASES = {
    "en": ("Stories of women in wartime", "Poster for the Land Army, 1943.",
           "A poster produced in 1943 encouraging women to join the Land Army. Image courtesy of the War Memorial.",
           ["The involvement of Australian women in each war is closely connected to their role in society at "
            "different times, and the nature of each war, as the letters of the period show.",
            "On the home front, women dealt with the consequences of war, managing children and family "
            "responsibilities alone, shortages of resources and their fears for the future."]),
    "ko": ("전시의 여성들 이야기", "1943년 여성 농업대 포스터",
           "▲ 1943년 여성들의 농업대 참여를 독려하는 포스터 (사진=전쟁기념관 제공)",
           ["전쟁에 참여한 여성들의 역할은 시대마다 사회에서 맡은 역할과 그 전쟁의 성격에 따라 달랐으며, 당시의 편지와 일기가 "
            "그 모습을 잘 보여 준다.",
            "후방에서 여성들은 홀로 아이와 가족을 돌보며 물자 부족과 미래에 대한 걱정, 가족을 잃은 슬픔을 견뎌야 했다고 "
            "기념관은 설명했다."]),
}


def _page(lang: str, box: str) -> str:
    title, _, _, prose = CASES[lang]
    return (f"<!DOCTYPE html><html><head><title>{title}</title></head><body><nav><ul><li><a href='/a'>Home</a></li>"
            f"<li><a href='/b'>About</a></li></ul></nav><div class='content'><h1>{title}</h1>"
            f"<div class='field-content'>{box}<p>{prose[0]}</p><p>{prose[1]}</p></div></div>"
            "<footer><p>© 2026 City</p></footer></body></html>")


def _kept(html: str) -> list[tuple[str, str]]:
    return [(b.hint, b.text) for b in html_blocks(html)[0] if not b.excluded_by]


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_a_plain_box_of_a_picture_and_its_line_is_a_figure(lang: str) -> None:
    _, alt, caption, prose = CASES[lang]
    kept = _kept(_page(lang, f"<div class='cutoutright' style='width: 150px;'><img alt='{alt}' src='/p.jpg'>"
                             f"<p>{caption}</p></div>"))
    assert ("caption", caption) in kept
    assert all(text != alt for _, text in kept)  # the visible caption, not the alt text beside it
    assert ("p", prose[0]) in kept


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_a_boxs_caption_after_a_linked_picture_or_as_bare_text_is_read(lang: str) -> None:
    _, alt, caption, _ = CASES[lang]
    linked = _kept(_page(lang, f"<div><a href='/big.jpg'><img alt='{alt}' src='/p.jpg'></a><p>{caption}</p></div>"))
    bare = _kept(_page(lang, f"<div><img alt='{alt}' a='' broken='' src='/p.jpg' />{caption}</div>"))  # f1401's 3rd
    assert ("caption", caption) in linked and ("caption", caption) in bare
    assert all(text != alt for _, text in linked + bare)


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_a_box_opening_with_a_picture_then_a_section_is_no_figure(lang: str) -> None:
    title, alt, caption, _ = CASES[lang]
    kept = _kept(_page(lang, f"<div><img alt='{alt}' src='/p.jpg'><h2>{title}</h2><p>{caption}</p></div>"))
    assert ("caption", caption) not in kept
    assert ("caption", alt) in kept  # the picture keeps its alt text as its caption, as before


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_a_card_of_a_list_is_no_figure(lang: str) -> None:
    _, alt, caption, _ = CASES[lang]
    kept = _kept(_page(lang, f"<ul><li><div><img alt='{alt}' src='/p.jpg'><p>{caption}</p></div></li>"
                             f"<li><div><img alt='{alt} 2' src='/q.jpg'><p>{caption} 2</p></div></li></ul>"))
    assert not any(hint == "caption" and text == caption for hint, text in kept)
