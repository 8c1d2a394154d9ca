"""Near-duplicate detection at its edges (transforms/dedup.py), written for the survivors of its first mutation run
(issue 19, round 11): which lines a fingerprint reads, what a word is, where shingles may cross lines, what the
MinHash estimate says about two pages, which fingerprints become candidate pairs in which band, and how groups,
their first copy and their canonical copy are chosen, in Korean and English.
"""
from __future__ import annotations

import string

import numpy as np

from cityclips.transforms.dedup import (DUPLICATE_JACCARD, EMPTY, EMPTY_FINGERPRINT, FINGERPRINT_BINS, LSH_BANDS,
                                        LSH_ROWS, MAX_FINGERPRINT_CHARS, MAX_METADATA_LINE_CHARS, MAX_WORD_BYTES, Copy,
                                        Fingerprint, article_lines, assign_groups, candidate_pairs,
                                        duplicate_components, fingerprint_matrix, minhash, page_fingerprint,
                                        _separator_table, shingle_hashes, similarity, word_hashes)
from cityclips.transforms.records import Block

KO = ["광주시는 14일 시내버스 노선 12개를 다음 달부터 개편한다고 밝혔다.",
      "새 노선은 첨단지구와 도심을 잇고 배차 간격은 평균 10분으로 줄어든다.",
      "시는 주민 설명회를 세 차례 열어 의견을 들었다고 설명했다."]
EN = ["The council approved the new bus routes on Monday after a long hearing.",
      "Residents of the northern districts asked for more frequent service at night.",
      "The routes start next month and the fares stay the same for every zone."]


def _fingerprint(lines: list[str]) -> bytes:
    return page_fingerprint([Block(i + 1, line, "p") for i, line in enumerate(lines)]).values


def _values(fingerprint: bytes) -> np.ndarray:
    return fingerprint_matrix([fingerprint])[0]


# --- what a fingerprint reads ---------------------------------------------------------------------------------------------
def test_metadata_lines_and_other_regions_are_left_out_and_the_rest_is_read() -> None:
    blocks = [Block(1, "Name : admin"), Block(2, "작성자 : 홍길동"), Block(3, "Menu of another site", excluded_by="outside_region"),
              Block(4, KO[0]), Block(5, "입력 2025.12.06 16:43"), Block(6, EN[0])]
    assert article_lines(blocks) == [KO[0], EN[0]]


def test_a_long_line_is_text_even_when_it_starts_like_metadata() -> None:
    start = "작성자 : 홍길동 등록일 : 2020-01-20 조회 : 75 "
    line = start + "x" * (MAX_METADATA_LINE_CHARS - len(start))
    assert article_lines([Block(1, line)]) == [line]
    assert article_lines([Block(1, line[:-1])]) == []


def test_article_chars_count_the_article_lines_only() -> None:
    blocks = [Block(1, "Name : admin"), Block(2, KO[0]), Block(3, EN[0])]
    fingerprint = page_fingerprint(blocks)
    assert fingerprint.article_chars == len(KO[0]) + len(EN[0])
    assert not fingerprint.empty


def test_a_page_without_article_text_has_the_empty_fingerprint() -> None:
    for blocks in ([], [Block(1, "Name : admin")], [Block(1, "   ")]):
        fingerprint = page_fingerprint(blocks)
        assert fingerprint.values == EMPTY_FINGERPRINT and fingerprint.empty
    assert Fingerprint(EMPTY_FINGERPRINT, 0).empty and not Fingerprint(_fingerprint(EN), 10).empty


def test_a_fingerprint_reads_the_first_fifty_thousand_characters() -> None:
    def page(filler_words: int, *more: str) -> bytes:  # 'aa aa aa ...' makes one shingle only, whatever its length
        return _fingerprint(["aa " * filler_words + " ".join(more)])

    words = ("alpha", "bravo", "charlie", "delta", "echo")
    assert len("aa " * 16_600) + 30 < MAX_FINGERPRINT_CHARS < len("aa " * 16_700)
    assert page(16_600, *words) != page(16_600)  # ends before the 50,000th character: read
    assert page(16_700, *words) == page(16_700)  # starts after it: not read
    over_lines = ["aa " * 10_000, "aa " * 6_700 + " ".join(words)]  # the limit runs over the lines
    assert _fingerprint(over_lines) == _fingerprint(over_lines[:1] + ["aa " * 6_700])
    assert _fingerprint(over_lines + [" ".join(words)]) == _fingerprint(over_lines)  # lines past it are not read
    within = ["aa " * 10_000, "aa " * 6_600 + " ".join(words)]
    assert _fingerprint(within) != _fingerprint(within[:1] + ["aa " * 6_600])


# --- words and shingles ---------------------------------------------------------------------------------------------------
def test_a_word_is_a_lower_cased_run_between_spaces_and_punctuation() -> None:
    hashes, lines = word_hashes("Gwangju, City-Hall.\n광주시는  버스")
    assert len(hashes) == 5 and lines.tolist() == [0, 0, 0, 1, 1]
    assert hashes[0] == word_hashes("gwangju")[0][0] == word_hashes("  GWANGJU!!")[0][0]
    assert hashes[3] == word_hashes("광주시는")[0][0] and hashes[3] != word_hashes("광주시")[0][0]
    assert len(set(hashes.tolist())) == 5
    assert word_hashes("")[0].size == 0 and word_hashes(" ,.;\n")[0].size == 0


def test_long_words_hash_whole_and_differ_by_any_byte() -> None:
    stem = "a" * (MAX_WORD_BYTES - 1)
    assert word_hashes(stem + "b")[0][0] != word_hashes(stem + "c")[0][0]
    assert word_hashes(stem + "bz")[0][0] != word_hashes(stem + "by")[0][0]
    url = "https://www.gwangju.go.kr/boardView.do?pageId=www789&boardId=BD_0000000027&seq=" + "7" * 200
    assert len(word_hashes(url)[0]) == len(word_hashes(url.replace("7", "8"))[0])


def test_words_differ_by_their_bytes_and_their_order() -> None:
    assert word_hashes("ab")[0][0] != word_hashes("ba")[0][0]
    assert word_hashes("a" * 62 + "bc")[0][0] != word_hashes("a" * 62 + "cb")[0][0]  # the 63rd and 64th bytes in order
    for byte in ("\x00", "\x01"):
        assert word_hashes("a")[0][0] != word_hashes("a" + byte)[0][0]
    assert word_hashes("straße")[0][0] != word_hashes("STRASSE")[0][0]  # lower-cased, not upper-cased


def test_word_boundaries_are_ascii_spaces_and_punctuation_and_nothing_else() -> None:
    table = _separator_table()
    assert table.shape == (256,) and table.dtype == bool
    assert set(np.flatnonzero(table).tolist()) == {ord(c) for c in string.whitespace + string.punctuation}


def test_shingles_are_ordered_word_triples_within_a_line() -> None:
    assert len(shingle_hashes(["one two three four five"])) == 3
    assert len(shingle_hashes(["one two three four", "five six seven eight"])) == 4  # none across the two lines
    assert shingle_hashes(["bus city hall"]).tolist() != shingle_hashes(["hall city bus"]).tolist()
    assert shingle_hashes(["a b c"]).tolist() != shingle_hashes(["a b d"]).tolist()
    assert shingle_hashes(["a b c"]).tolist() == shingle_hashes(["A, b. C!"]).tolist()


def test_a_line_break_inside_a_block_does_not_cut_its_shingles() -> None:
    assert shingle_hashes(["a b c d\ne f g h"]).tolist() == shingle_hashes(["a b c d e f g h"]).tolist()


def test_a_page_of_short_lines_is_shingled_across_them() -> None:
    # two in-line shingles are fewer than MIN_BLOCK_SHINGLES (3): every triple counts, across lines too
    assert len(shingle_hashes(["one two three", "four five", "six seven eight"])) == 6
    assert len(shingle_hashes(["one two three four five", "six"])) == 3  # three in a line: enough
    assert len(shingle_hashes(["one two"])) == 2  # fewer than three words: the words themselves
    assert len(shingle_hashes(["one", "two three"])) == 1


# --- the MinHash estimate -----------------------------------------------------------------------------------------------------
def _random_sets(size: int, jaccard: float, seed: int) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    pool = rng.integers(0, 2 ** 63, size * 2, dtype=np.uint64) * np.uint64(2) + rng.integers(0, 2, size * 2, np.uint64)
    shared = round(2 * size * jaccard / (1 + jaccard))  # |A| = |B| = size, |A & B| / |A | B| = jaccard
    first = pool[:size]
    second = np.concatenate([pool[:shared], pool[size:2 * size - shared]])
    return first, second


def test_the_estimate_follows_the_jaccard_similarity_of_the_shingle_sets() -> None:
    for size in (40, 400, 4000):
        for jaccard in (0.0, 0.3, 0.7, 1.0):
            estimates = [float(similarity(minhash(a), minhash(b))) for a, b in
                         (_random_sets(size, jaccard, seed) for seed in range(8))]
            assert abs(np.mean(estimates) - jaccard) < 0.08, (size, jaccard, np.mean(estimates))


def test_a_fingerprint_never_holds_the_empty_value_and_ignores_order_and_repeats() -> None:
    rng = np.random.default_rng(5)
    for size in (1, 2, 10, 1000):
        hashes = rng.integers(0, 2 ** 64 - 1, size, dtype=np.uint64)
        values = minhash(hashes)
        assert values.dtype == np.uint32 and len(values) == FINGERPRINT_BINS
        assert not (values == EMPTY).any()
        assert (minhash(hashes[::-1]) == values).all() and (minhash(np.concatenate([hashes, hashes])) == values).all()
    assert (minhash(np.empty(0, np.uint64)) == EMPTY).all()
    top = np.uint64(0xFFFFFFFFFFFFFFFF)
    assert not (minhash(np.array([top, top - np.uint64(1)])) == EMPTY).any()


def test_a_bin_keeps_the_least_value_of_its_hashes() -> None:
    bin_five = np.uint64(5) << np.uint64(58)
    hashes = np.array([bin_five | np.uint64(40), bin_five | np.uint64(20), bin_five | np.uint64(30)], np.uint64)
    assert minhash(hashes)[5] == 20
    assert minhash(hashes[:1])[5] == 40
    assert minhash(np.array([bin_five | np.uint64(21)], np.uint64))[5] == 20  # the lowest bit never counts


def test_an_empty_bin_borrows_from_the_next_filled_bin_to_its_right_circularly() -> None:
    def one(bin_: int, low: int) -> np.uint64:
        return (np.uint64(bin_) << np.uint64(58)) | np.uint64(low)

    alone = minhash(np.array([one(5, 100)], np.uint64))
    both = minhash(np.array([one(5, 100), one(10, 200)], np.uint64))
    agree = alone == both
    # bins 0-5 borrow from (or are) bin 5 in both; 6-10 follow bin 10 in the second; 11-63 wrap round to bin 5
    assert agree[:6].all() and not agree[6:11].any() and agree[11:].all()
    assert len(set(alone.tolist())) == FINGERPRINT_BINS  # the distance re-mixes each borrowed value
    other = minhash(np.array([one(5, 102)], np.uint64))
    assert not (other == alone).any()  # pages agree on a borrowed bin only when they agree on its source


def test_similarity_is_the_share_of_equal_values_row_by_row() -> None:
    first = np.arange(FINGERPRINT_BINS, dtype=np.uint32)
    second = first.copy()
    second[:16] += 1
    assert float(similarity(first, second)) == 0.75
    assert similarity(np.stack([first, first]), np.stack([first, second])).tolist() == [1.0, 0.75]
    assert fingerprint_matrix([]).shape == (0, FINGERPRINT_BINS)


# --- candidate pairs and groups ---------------------------------------------------------------------------------------------------
def _row(seed: int) -> np.ndarray:
    return np.random.default_rng(seed).integers(0, 2 ** 31, FINGERPRINT_BINS, dtype=np.uint32)


def test_a_pair_is_found_through_any_one_band_it_shares() -> None:
    base = _row(1)
    for band in range(LSH_BANDS):
        other = base.copy()
        for each in range(LSH_BANDS):  # one bin differs in every other band: 49 of 64 bins agree (0.77)
            if each != band:
                other[each * LSH_ROWS + each % LSH_ROWS] += 1
        assert candidate_pairs(np.stack([base, _row(2), other])).tolist() == [[0, 2]], band


def test_a_pair_sharing_bands_but_under_the_jaccard_bound_is_dropped() -> None:
    base = _row(3)
    agreeing = int(np.ceil(DUPLICATE_JACCARD * FINGERPRINT_BINS))  # 45 of 64
    close, far = base.copy(), base.copy()
    close[agreeing:] += 1
    far[agreeing - 1:] += 1
    assert candidate_pairs(np.stack([base, close])).tolist() == [[0, 1]]
    assert candidate_pairs(np.stack([base, far])).tolist() == []


def test_pages_without_article_text_are_never_paired_by_fingerprint() -> None:
    empty = np.full(FINGERPRINT_BINS, EMPTY, np.uint32)
    row = _row(4)
    assert candidate_pairs(np.stack([empty, empty])).tolist() == []
    assert candidate_pairs(np.stack([empty, row])).tolist() == []
    assert candidate_pairs(np.stack([empty, row, empty, row])).tolist() == [[1, 3]]  # indices of the whole matrix
    assert duplicate_components(np.stack([empty, empty, row])) == [0, 1, 2]


def test_many_copies_of_one_article_form_one_group() -> None:
    rows = [_row(6)] * 5 + [_row(7), _row(6)]
    assert duplicate_components(np.stack(rows)) == [0, 0, 0, 0, 0, 5, 0]


def test_equal_bytes_group_whatever_the_fingerprint_and_missing_hashes_do_not() -> None:
    empty = np.full(FINGERPRINT_BINS, EMPTY, np.uint32)
    matrix = np.stack([empty, _row(8), empty, _row(9), empty])
    assert duplicate_components(matrix, ["a", "b", "a", "b", ""]) == [0, 1, 0, 1, 4]
    assert duplicate_components(matrix, ["", "", "", "", ""]) == [0, 1, 2, 3, 4]
    assert duplicate_components(matrix, ["x", "y", "z", "y", "x"]) == [0, 1, 2, 1, 0]


def test_groups_join_transitively_and_are_named_by_their_first_row() -> None:
    empty = np.full(FINGERPRINT_BINS, EMPTY, np.uint32)
    matrix = np.stack([empty] * 5)
    assert duplicate_components(matrix, ["a", "b", "c", "b", "c"]) == [0, 1, 2, 1, 2]
    assert duplicate_components(matrix, ["a", "b", "a", "b", "b"]) == [0, 1, 0, 1, 1]
    # 4 = 1 (bytes), 3 = 4 (bytes) and 3 = 0 (bytes): all one group named by row 0
    assert duplicate_components(matrix, ["c", "b", "d", "c", "b"]) == [0, 1, 2, 0, 1]
    chain = duplicate_components(np.stack([empty] * 4), ["p", "q", "q", "p"])
    assert chain == [0, 1, 1, 0]


def _copy(path: str, lines: list[str], chars: int | None = None, digest: str | None = None) -> Copy:
    fingerprint = page_fingerprint([Block(i + 1, t, "p") for i, t in enumerate(lines)])
    return Copy(path, f"doc-{path}", digest or f"sha-{path}", fingerprint.values,
                fingerprint.article_chars if chars is None else chars)


def test_a_group_is_named_by_its_first_copy_by_path_and_read_in_its_most_complete_copy() -> None:
    copies = [_copy("gwangju/b.html", KO), _copy("gwangju/a.html", KO[:2] + [KO[2] + " 관련 사진 첨부"]),
              _copy("busan/c.html", KO), _copy("seoul/x.html", EN)]
    groups = assign_groups(copies)
    assert [g.duplicate_group for g in groups] == ["doc-busan/c.html"] * 3 + ["doc-seoul/x.html"]
    assert [g.canonical_doc_id for g in groups[:3]] == ["doc-gwangju/a.html"] * 3  # the most article text
    assert [g.copies for g in groups] == [3, 3, 3, 1]


def test_pages_without_article_text_but_equal_bytes_are_one_group() -> None:
    copies = [_copy("a.html", [], digest="same"), _copy("b.html", [], digest="same"), _copy("c.html", [])]
    assert [g.duplicate_group for g in assign_groups(copies)] == ["doc-a.html", "doc-a.html", "doc-c.html"]


def test_copies_of_equal_length_make_the_first_by_path_canonical() -> None:
    copies = [_copy("z.html", EN), _copy("m.html", EN), _copy("q.html", EN)]
    assert {g.canonical_doc_id for g in assign_groups(copies)} == {"doc-m.html"}
    assert assign_groups([]) == []
