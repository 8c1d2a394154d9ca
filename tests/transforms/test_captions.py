"""transforms/captions.py: splitting doubled, glued caption lines ('A.A.BB' -> ['A.', 'B']) in linear time."""
from __future__ import annotations

import time

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from cityclips.transforms.captions import split_doubled_captions
from tests.conftest import SEEDS

PROPERTY = settings(max_examples=200, deadline=None, derandomize=True, database=None)
RELIABILITY_BOUND_S = 1.0  # a reliability bound, not a benchmark: a quadratic split takes minutes here


def _seed_line(prefix: str, starts_with: str) -> str:
    text = next(SEEDS.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")
    return next(line for line in text.split("\n") if line.startswith(starts_with))


def _doubled(captions: list[str]) -> str:
    return "".join(caption + caption for caption in captions)


def test_seed_001_line_holds_four_long_captions() -> None:
    line = _seed_line("001", "Gwangju Mayor Lee Yong-Sup at a groundbreaking ceremony")
    captions = split_doubled_captions(line)
    assert captions is not None and len(captions) == 4
    assert captions[0].startswith("Gwangju Mayor Lee Yong-Sup at a groundbreaking ceremony")
    assert captions[0].endswith("(26 December 2019).")
    assert captions[1].endswith("(10 September 2019)")
    assert captions[2].endswith("held at the Asia Culture Center in Dong-gu in July, 2019.")
    assert captions[3].endswith("(18 December 2019).")
    assert _doubled(captions) == line


def test_seed_002_line_holds_three_captions() -> None:
    line = _seed_line("002", "Gwangju Metropolitan Government BuildingGwangju")
    assert split_doubled_captions(line) == ["Gwangju Metropolitan Government Building",
                                            "Night view of the Asia Culture Center",
                                            "Nambu University Municipal Aquatics Center"]


def test_korean_doubled_captions() -> None:
    line = "광주시청 전경광주시청 전경무등산 설경 사진무등산 설경 사진5·18민주광장의 야경5·18민주광장의 야경"
    assert split_doubled_captions(line) == ["광주시청 전경", "무등산 설경 사진", "5·18민주광장의 야경"]


def test_mixed_language_captions() -> None:
    line = "국립아시아문화전당 Asia Culture Center국립아시아문화전당 Asia Culture CenterAI 데이터센터 조감도AI 데이터센터 조감도"
    assert split_doubled_captions(line) == ["국립아시아문화전당 Asia Culture Center", "AI 데이터센터 조감도"]


def test_single_doubled_caption() -> None:
    assert split_doubled_captions("Night view of a hall.Night view of a hall.") == ["Night view of a hall."]


def test_surrounding_spaces_do_not_hide_a_doubled_line() -> None:
    assert split_doubled_captions("  A caption here.A caption here.  ") == ["A caption here."]


def test_ordinary_sentences_are_not_captions() -> None:
    assert split_doubled_captions("광주광역시는 23일 인공지능 산업 육성 계획을 발표했다.") is None
    assert split_doubled_captions("The city will print 10,000 copies of the guide.") is None
    assert split_doubled_captions("The committee committed to it.") is None
    assert split_doubled_captions("") is None


def test_partly_doubled_lines_are_not_caption_lines() -> None:
    assert split_doubled_captions("Night view of a hall.Night view of a hall.City Building") is None
    assert split_doubled_captions("Night view of a hall.Night view of a hall.City BuildingCity Buildin") is None
    assert split_doubled_captions("광주시청 전경광주시청 전경무등산 설경") is None
    assert split_doubled_captions("Intro text. A caption here.A caption here.") is None


def test_short_doubles_are_letters_not_captions() -> None:
    assert split_doubled_captions("abcabc") is None  # shorter than MIN_CAPTION_CHARS
    assert split_doubled_captions("광주광주") is None  # two syllables, weight 4 < 8


def test_periodic_strings_are_not_captions() -> None:
    assert split_doubled_captions("A photo of the river." * 4) is None
    assert split_doubled_captions("ab" * 20) is None
    assert split_doubled_captions("아아아아" * 6) is None


def _assert_fast(line: str) -> None:
    start = time.perf_counter()
    split_doubled_captions(line)
    assert time.perf_counter() - start < RELIABILITY_BOUND_S


def test_two_megabytes_of_ordinary_text_is_fast() -> None:
    prose = ("광주광역시는 23일 인공지능 산업 육성 계획을 발표했다. The city will print 10,000 copies of the guide. "
             "Gwangju Mayor Lee Yong-sup attended a ceremony in Gwangju. ")
    line = (prose * (2_000_000 // len(prose) + 1))[:2_000_000]
    assert split_doubled_captions(line) is None
    _assert_fast(line)


def test_adversarial_periodic_strings_are_fast() -> None:
    for line in ("ab" * 1_000_000, "word " * 400_000, "a" * 2_000_000, "가나" * 1_000_000, "Gwangju " * 250_000,
                 ("abcd" + "x" * 3990) * 500):
        _assert_fast(line)
        assert split_doubled_captions(line) is None


def test_many_real_captions_then_a_long_tail_is_fast() -> None:
    captions = [f"Photo {i}: the Gwangju AI Hub City groundbreaking, view {i}." for i in range(30)]
    line = _doubled(captions) + "x" * 2_000_000
    _assert_fast(line)
    assert split_doubled_captions(line) is None


# --- properties -----------------------------------------------------------------------------------

@PROPERTY
@given(st.text(max_size=300))
def test_never_raises_and_any_split_rebuilds_the_line(line: str) -> None:
    captions = split_doubled_captions(line)
    if captions is not None:
        assert captions and all(captions)
        assert "".join(_doubled(captions).split()) == "".join(line.split())


CAPTION_POOL = [
    "Gwangju Metropolitan Government Building", "Night view of the Asia Culture Center",
    "Nambu University Municipal Aquatics Center", "Mayor Lee at the AI Hub City ceremony (26 December 2019).",
    "광주시청 전경", "무등산 설경 사진", "5·18민주광장의 야경", "국립아시아문화전당 전경",
    "수소버스 충전소 개소식에 참석한 시민들", "광주FC 우승 기념 행사",
]


@PROPERTY
@given(st.lists(st.sampled_from(CAPTION_POOL), min_size=1, max_size=8))
def test_doubled_captions_round_trip(captions: list[str]) -> None:
    assume(all(a != b for a, b in zip(captions, captions[1:])))
    assert split_doubled_captions(_doubled(captions)) == captions
