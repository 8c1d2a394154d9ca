"""transforms/html.py, round 13 (bold13): the walk records how the markup sets a block (Block.bold, Block.centered)."""
from __future__ import annotations

import pytest

from cityclips.transforms.blocks import text_blocks
from cityclips.transforms.html import html_blocks

HEADINGS = {"en": "Tax incentives", "ko": "추진 배경"}
PROSE = {"en": "Member States could apply accelerated depreciation to fixed assets acquired by companies.",
         "ko": "광주광역시는 올해 청년 일자리 사업을 다섯 가지로 나누어 추진한다고 4일 밝혔다."}


def styles(inner: str) -> dict[str, tuple[bool, bool]]:
    """text -> (bold, centered) of the blocks of a page whose article holds inner."""
    blocks, _, _ = html_blocks(f"<html><body><div class='content'>{inner}</div></body></html>")
    return {b.text: (b.bold, b.centered) for b in blocks}


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_a_paragraph_all_in_strong_or_b_is_bold(lang: str) -> None:
    heading, prose = HEADINGS[lang], PROSE[lang]
    for inner in (f"<p><strong>{heading}</strong></p>", f"<p> <b>{heading}</b>&nbsp;</p>",
                  f"<p><strong><span>{heading}</span></strong></p>", f"<p><b><b>{heading}</b></b></p>"):
        got = styles(f"{inner}<p>{prose}</p>")
        assert got[heading] == (True, False), inner
        assert got[prose] == (False, False)  # the bold run ended with its element


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_a_paragraph_with_plain_text_beside_its_bold_is_not_bold(lang: str) -> None:
    heading, prose = HEADINGS[lang], PROSE[lang]
    got = styles(f"<p><b>{heading}</b> {prose}</p><p>{prose} <strong>{heading}</strong></p><p><b>{heading}</b>:</p>")
    assert got == {f"{heading} {prose}": (False, False), f"{prose} {heading}": (False, False),
                   f"{heading}:": (False, False)}  # a colon outside the bold is text outside it


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_an_inline_font_weight_is_bold_and_a_light_one_unsets_b(lang: str) -> None:
    heading, prose = HEADINGS[lang], PROSE[lang]
    for style in ("font-weight: bold", "FONT-WEIGHT:700", "font-style: italic; font-weight: bold; text-align: justify"):
        assert styles(f"<p style='{style}'><span>{heading}</span></p><p>{prose}</p>")[heading] == (True, False), style
        assert styles(f"<p><span style='{style}'>{heading}</span></p>")[heading] == (True, False), style
    assert styles(f"<p><b style='font-weight: normal'>{heading}</b></p>")[heading] == (False, False)
    assert styles(f"<p style='font-weight: 400'>{heading}</p>")[heading] == (False, False)


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_each_line_of_a_bold_paragraph_broken_by_br_is_bold(lang: str) -> None:
    # r212: '<p><strong><a>123-450-0000</a></strong><br><strong>Definitions</strong></p>', one block a line
    heading = HEADINGS[lang]
    got = styles(f"<p><strong><a href='/r'>123-450-0000</a></strong><br><strong>{heading}\n</strong></p>")
    assert got == {"123-450-0000": (True, False), heading: (True, False)}
    got = styles(f"<p><b>123-450-0000<br>{heading}</b></p>")  # the break inside the bold run: it goes on
    assert got == {"123-450-0000": (True, False), heading: (True, False)}
    got = styles(f"<p><b>123-450-0000<br>{heading}</b> more</p>")
    assert got == {"123-450-0000": (True, False), f"{heading} more": (False, False)}


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_a_centred_box_centres_its_lines(lang: str) -> None:
    heading, prose = HEADINGS[lang], PROSE[lang]
    for inner in (f"<p align='center'><b>{heading}</b></p>", f"<p style='text-align:center'><b>{heading}</b></p>",
                  f"<center><b>{heading}</b></center>", f"<div align='CENTER'><p><b>{heading}</b></p></div>"):
        got = styles(f"{inner}<p>{prose}</p>")
        assert got[heading] == (True, True), inner
        assert got[prose] == (False, False), inner  # the centred box closed before the next paragraph
    # a centred <span> centres nothing: a line of it is no centred line of the page
    got = styles(f"<p><span style='text-align:center'><b>{heading}</b><br>{prose}</span></p>")
    assert got[heading] == (True, False)


def test_a_text_dump_line_is_never_bold_or_centred() -> None:
    assert all(not b.bold and not b.centered for b in text_blocks("추진 배경\n\nTax incentives\n"))
