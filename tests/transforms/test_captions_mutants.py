"""transforms/captions.py at its edges (issue 19): which doubled lines come out as captions, and which stay text.

The bounds are the module's documented ones (shortest caption, Hangul weight, longest caption, captions a line,
candidates a caption); each is tested on both sides, so a reader knows where a caption line stops being one.
"""
from __future__ import annotations

from cityclips.transforms.captions import (MAX_CANDIDATES, MAX_CAPTION_CHARS, MAX_CAPTIONS_PER_LINE,
                                           MIN_CAPTION_CHARS, PROBE_CHARS, split_doubled_captions)


def _doubled(captions: list[str]) -> str:
    return "".join(caption + caption for caption in captions)


def _distinct_text(length: int) -> str:
    """Text of the given length in which no four characters recur (so the caption's start is found once)."""
    words, n = [], 0
    while len("".join(words)) < length:
        words.append(f"v{n:05d}-")
        n += 1
    return "Photo" + "".join(words)[:length - len("Photo")]


def test_a_latin_caption_of_the_shortest_length_is_split_and_a_shorter_one_is_text():
    shortest = "Harbour!"[:MIN_CAPTION_CHARS]
    assert len(shortest) == MIN_CAPTION_CHARS
    assert split_doubled_captions(shortest * 2) == [shortest]
    assert split_doubled_captions(shortest[:-1] * 2) is None


def test_four_hangul_syllables_are_a_caption_and_three_are_not():
    assert split_doubled_captions("광주시청광주시청") == ["광주시청"]
    assert split_doubled_captions("광주시광주시") is None


def test_hangul_syllables_count_double_from_first_to_last_syllable():
    # three syllables and two letters: 3 x 2 + 2 = 8, a caption; the syllables at both ends of the block count
    assert split_doubled_captions("가가가ab가가가ab") == ["가가가ab"]
    assert split_doubled_captions("힣힣힣ab힣힣힣ab") == ["힣힣힣ab"]
    # two syllables, a space and two letters weigh 2 x 2 + 3 = 7: too short, though five characters long
    assert split_doubled_captions("광주 AI광주 AI") is None
    # Hangul jamo (U+3131) are not syllables: 'ㄱㄱㄱab' is five characters, too short
    assert split_doubled_captions("ㄱㄱㄱabㄱㄱㄱab") is None


def test_a_caption_and_its_copy_at_the_end_of_the_line():
    assert split_doubled_captions("Mudeung Mountain in snowMudeung Mountain in snow") == ["Mudeung Mountain in snow"]
    # the copy is one character short: not doubled
    assert split_doubled_captions("Mudeung Mountain in snowMudeung Mountain in sno") is None


def test_a_line_shorter_than_the_probe_is_no_caption_line():
    assert split_doubled_captions("abc"[:PROBE_CHARS - 1]) is None
    assert split_doubled_captions("x") is None


def test_spaces_between_a_caption_and_its_copy_are_not_part_of_the_caption():
    assert split_doubled_captions("City Hall at night. City Hall at night. Mudeung MountainMudeung Mountain") \
        == ["City Hall at night.", "Mudeung Mountain"]


def test_a_copy_that_starts_right_after_a_false_start_is_found():
    # the caption's first four characters ('0000') recur one character before its copy starts: the split
    # tries that false start, then the very next position
    caption = "0000 visitors at the fair 0"
    assert split_doubled_captions(caption * 2) == [caption]


def test_the_longest_caption_is_split():
    caption = _distinct_text(MAX_CAPTION_CHARS)
    assert split_doubled_captions(caption * 2) == [caption]


def test_a_caption_is_found_within_twice_the_longest_caption_and_not_beyond():
    # the copy must start so that its first PROBE_CHARS characters lie within 2 * MAX_CAPTION_CHARS of the caption's start
    reach = 2 * MAX_CAPTION_CHARS - PROBE_CHARS
    within = _distinct_text(reach)
    beyond = _distinct_text(reach + 1)
    assert split_doubled_captions(within * 2) == [within]
    assert split_doubled_captions(beyond * 2) is None
    # and the window ends there even when the line goes on with more captions
    assert split_doubled_captions(beyond * 2 + "City Hall at nightCity Hall at night") is None


def _recurring_start(recurrences: int) -> str:
    """A caption whose first PROBE_CHARS characters ('View') recur the given number of times inside it."""
    return "View" + "".join(f" {i:03d} View" for i in range(recurrences)) + " end"


def test_a_caption_whose_start_recurs_is_split_up_to_the_candidate_bound():
    inside = _recurring_start(MAX_CANDIDATES - 1)  # 63 false starts, then its copy: the 64th candidate
    assert split_doubled_captions(inside * 2) == [inside]
    too_many = _recurring_start(MAX_CANDIDATES)
    assert split_doubled_captions(too_many * 2) is None


def test_a_line_holds_at_most_the_bounded_number_of_captions():
    captions = [f"Photo {i:02d} of the city" for i in range(MAX_CAPTIONS_PER_LINE + 1)]
    assert split_doubled_captions(_doubled(captions[:MAX_CAPTIONS_PER_LINE])) == captions[:MAX_CAPTIONS_PER_LINE]
    assert split_doubled_captions(_doubled(captions)) is None


def test_a_caption_repeated_four_times_is_periodic_text_but_two_neighbours_may_repeat_later():
    assert split_doubled_captions(_doubled(["City Hall at night", "City Hall at night"])) is None
    assert split_doubled_captions(_doubled(["City Hall at night", "Mudeung Mountain", "City Hall at night"])) == \
        ["City Hall at night", "Mudeung Mountain", "City Hall at night"]


def test_text_after_the_last_doubled_caption_makes_the_line_text():
    assert split_doubled_captions("City Hall at nightCity Hall at night and more") is None


def test_a_line_whose_start_recurs_past_the_candidate_bound_yields_no_one_letter_caption():
    # the line's first four characters ('abcd') recur 70 times before any doubling: the split gives up on the
    # line, rather than taking its first letter as a caption and reading the doubled caption after it
    caption = "cdef" + "".join(f" abcd{i:02d}" for i in range(70))
    assert split_doubled_captions(caption * 2) == [caption]
    assert split_doubled_captions("ab" + caption * 2) is None
