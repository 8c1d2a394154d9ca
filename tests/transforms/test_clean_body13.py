"""transforms/clean.py, round 13 (body13): a caption that ends with its picture's credit ('... ©이마음') is the
caption, not the site's copyright line."""
from __future__ import annotations

import pytest

from cityclips.transforms.clean import clean_blocks
from cityclips.transforms.records import Block

CAPTIONS = {"ko": "한양도성은 서울의 과거와 현재를 이어주는 중요한 다리 역할을 하고 있다. ©이마음",
            "en": "The old fortress wall links the city's past and present at dawn. © Jane Doe"}
NOTICES = {"ko": "ⓒ 2020. 서울특별시 All rights reserved.", "en": "© 2020 Seoul Metropolitan Government"}
TEXT = {"ko": ["시민기자가 봄날 한양도성 순성길을 걸으며 만난 풍경을 소개한다. 길은 약 18.6km로 이어진다.",
               "동대문에서 낙산공원으로 오르는 길은 성곽과 도시의 풍경이 어우러져 산책하기에 좋다."],
        "en": ["A citizen reporter walked the fortress trail this spring and describes what she saw along it.",
               "The path from the east gate up to the park gives wide views of the wall and the city."]}


def _clean(lang: str, caption: str, hint: str = "caption"):
    blocks = [Block(1, "한양도성 순성길" if lang == "ko" else "The fortress trail", "title", dom_path="body/h1"),
              Block(2, TEXT[lang][0], "p", dom_path="body/div/p"),
              Block(3, caption, hint, dom_path="body/div/div.photo"),
              Block(4, TEXT[lang][1], "p", dom_path="body/div/p"),
              Block(5, NOTICES[lang], "p", dom_path="body/footer/p")]
    return clean_blocks("page.html", "html", blocks)


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_a_caption_ending_with_its_credit_is_kept(lang: str) -> None:
    page = _clean(lang, CAPTIONS[lang])
    assert CAPTIONS[lang] in page.captions
    assert {r.text: r.rule for r in page.removed}[NOTICES[lang]] == "copyright"


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_a_paragraph_with_the_credit_is_still_a_copyright_line(lang: str) -> None:
    # the credit exception is a caption's: a paragraph that says it again (the figure's text box) keeps the rule
    page = _clean(lang, CAPTIONS[lang], hint="p")
    assert {r.text: r.rule for r in page.removed}[CAPTIONS[lang]] == "copyright"


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_a_caption_that_is_a_rights_notice_is_removed(lang: str) -> None:
    notice = "사진 자료 ⓒ 서울특별시 무단 전재 및 재배포 금지" if lang == "ko" else "Photo archive © City of Seoul. All rights reserved"
    page = _clean(lang, notice)
    assert {r.text: r.rule for r in page.removed}[notice] == "copyright"
