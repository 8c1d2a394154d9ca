"""Quotes and speakers: English and Korean attributions, split quotes, pronouns, scare quotes."""
from __future__ import annotations

from cityclips.transforms.quotes import extract_quotes
from cityclips.transforms.records import Segment


def paragraphs(*texts: str) -> list[Segment]:
    return [Segment(seq=i, kind="paragraph", text=t) for i, t in enumerate(texts)]


def found(*texts: str) -> list[tuple]:
    return [(q.seq, q.speaker, q.speaker_as_written, q.text) for q in extract_quotes(paragraphs(*texts))]


def test_speaker_after_and_before_the_quote_and_no_trailing_comma() -> None:
    assert found("“We will build it,” said Mayor Lee.", "Gwangju Mayor Lee Yong-sup said, “Jobs come first.”") == [
        (0, "Mayor Lee", "Mayor Lee", "We will build it"),
        (1, "Gwangju Mayor Lee Yong-sup", "Gwangju Mayor Lee Yong-sup", "Jobs come first.")]


def test_a_split_quote_keeps_one_speaker_and_pronouns_resolve_to_the_last_name() -> None:
    quotes = found("“The tram will change the city,” said Mayor Yoon. “We will keep citizens informed.”",
                   "\"It is our mission to lead,\" he added.")
    assert [(q[1], q[2]) for q in quotes] == [("Mayor Yoon", "Mayor Yoon"), ("Mayor Yoon", "Mayor Yoon"),
                                             ("Mayor Yoon", "he")]


def test_scare_quotes_and_short_names_in_quotes_are_not_speech() -> None:
    assert found("The city launched its “Safest City” campaign and the “golmok” market plan.") == []


def test_korean_speaker_without_particle_and_two_part_quote() -> None:
    quotes = found("이용섭 시장은 “광주가 인공지능 중심도시로 도약하겠다”며 “시민과 함께 하겠다”고 말했다.")
    assert [(q[1], q[3]) for q in quotes] == [("이용섭 시장", "광주가 인공지능 중심도시로 도약하겠다"),
                                             ("이용섭 시장", "시민과 함께 하겠다")]


def test_whole_paragraph_quote_without_attribution_takes_the_next_named_speaker() -> None:
    quotes = found("“We will establish the era of AI through innovation and integrity.”",
                   "Mayor Lee stated: “We will strive to create jobs for the young.”")
    assert [q[1] for q in quotes] == ["Mayor Lee", "Mayor Lee"]
