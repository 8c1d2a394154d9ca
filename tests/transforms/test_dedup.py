"""Near-duplicate detection (transforms/dedup.py) and its effect on template statistics, in both
languages, on text dumps and HTML: a copy never erases an article (issue 14)."""
from __future__ import annotations

import numpy as np
import pytest

from cityclips.transforms.dedup import (EMPTY_FINGERPRINT, Copy, assign_groups, duplicate_components, fingerprint_matrix,
                                        page_fingerprint, shingle_hashes, similarity, word_hashes)
from cityclips.transforms.pipeline import corpus_templates, page_blocks, process_pages
from cityclips.transforms.records import Block, RawPage
from tests.conftest import EVAL_PAGES, SEEDS

SEED_CLIP = "001_37b750b5778ba05a.txt"
KOREAN_TEXT = "016_gwangju_ai_datacenter.txt"  # 작성자 : 대변인실 등록일 : 2023-03-02 10:15 조회수 : 1234
KOREAN_HTML = "024_gwangju_flu_vaccination.html"  # <th>조회수</th><td>2,431</td>
ENGLISH_HTML = "009_gwangju_hydrogen_bus.html"  # <th>Hits</th><td>96</td>


def raw_page(path, name: str | None = None, data: bytes | None = None) -> RawPage:
    return RawPage(name or path.name, path.read_bytes() if data is None else data,
                   "html" if path.suffix == ".html" else "text")


def rescrape(raw: RawPage, old: str, new: str) -> RawPage:
    """The same page scraped again later: one number on it changed."""
    assert raw.data.count(old.encode()) == 1
    stem, extension = raw.source_path.rsplit(".", 1)
    return RawPage(f"{stem}_rescraped.{extension}", raw.data.replace(old.encode(), new.encode()), raw.source_format)


def fingerprint_of(raw: RawPage) -> np.ndarray:
    return np.frombuffer(page_fingerprint(page_blocks(raw)[0]).values, "<u4")


def segments(raw: RawPage, corpus: list[RawPage]) -> list[tuple[str, str]]:
    document = process_pages([raw], corpus_templates(corpus))[0]
    return [(s.kind, s.text) for s in document.segments]


COPIES = [
    (SEEDS / SEED_CLIP, "14:4975", "14:4981"),
    (EVAL_PAGES / KOREAN_TEXT, "조회수 : 1234", "조회수 : 1240"),
    (EVAL_PAGES / KOREAN_HTML, "<td>2,431</td>", "<td>2,502</td>"),
    (EVAL_PAGES / ENGLISH_HTML, "<td>96</td>", "<td>103</td>"),
]


@pytest.mark.parametrize("path, old, new", COPIES, ids=["en-text", "ko-text", "ko-html", "en-html"])
def test_a_rescraped_copy_keeps_the_segments_of_the_page_alone(path, old, new):
    """Without duplicate groups both copies' article lines recur on 'two distinct pages' and go as template."""
    original = raw_page(path)
    copy = rescrape(original, old, new)
    alone = segments(original, [original])
    assert len(alone) > 5
    assert segments(original, [original, copy]) == alone
    assert segments(copy, [original, copy]) == alone


def test_seeds_plus_the_rescraped_clip_keep_its_31_list_items():
    seeds = [raw_page(p) for p in sorted(SEEDS.glob("*.txt"))]
    copy = rescrape(seeds[1], "14:4975", "14:4981")
    corpus = seeds + [copy]
    documents = {d.source_path: d for d in process_pages(corpus, corpus_templates(corpus))}
    for name in (SEED_CLIP, copy.source_path):
        kinds = [s.kind for s in documents[name].segments]
        assert kinds.count("list_item") == 31 and not any(r.rule == "template" for r in documents[name].removed)


@pytest.mark.parametrize("path, old, new", COPIES, ids=["en-text", "ko-text", "ko-html", "en-html"])
def test_copies_group_and_distinct_pages_do_not(path, old, new):
    original = raw_page(path)
    copy = rescrape(original, old, new)
    others = [raw_page(p) for p in sorted(SEEDS.glob("*.txt")) if p.name != SEED_CLIP] \
        + [raw_page(EVAL_PAGES / n) for n in ("001_gwangju_ai_budget.txt", "028_gwangju_heatwave.html")]
    matrix = fingerprint_matrix([page_fingerprint(page_blocks(r)[0]).values for r in [original, copy, *others]])
    roots = duplicate_components(matrix)
    assert roots[0] == roots[1] == 0
    assert roots[2:] == list(range(2, len(roots)))


def test_a_syndicated_story_groups_across_site_chrome():
    """The Korean release on another city's site: other header, menus and footer, the same article."""
    original = raw_page(EVAL_PAGES / KOREAN_TEXT)
    text = original.data.decode("utf-8")
    chrome_top = "본문 바로가기\n대전광역시\n모바일메뉴 열기\n시정소식 | 분야별정보 | 참여소통\n대전, 꿈이 이루어지는 과학도시\n"
    chrome_bottom = "\n개인정보처리방침 | 영상정보처리기기 운영방침\n(35240) 대전광역시 서구 한밭대로 120\nCopyright © 대전광역시."
    copy = RawPage("daejeon/" + original.source_path, (chrome_top + text + chrome_bottom).encode(), "text")
    assert float(similarity(fingerprint_of(original), fingerprint_of(copy))) >= 0.8


def test_menu_items_and_metadata_lines_leave_the_fingerprint_unchanged():
    body = [Block(1, "광주시는 인공지능 데이터센터를 2025년까지 첨단3지구에 구축한다고 밝혔다."),
            Block(2, "시는 국비 3,939억 원을 확보해 기업 입주를 지원할 계획이다.")]
    chrome = [Block(0, "본문 바로가기"), Block(0, "전체메뉴"), Block(0, "작성자 : 대변인실 등록일 : 2023-03-02 10:15 조회수 : 12")]
    assert page_fingerprint(body).values == page_fingerprint(chrome + body).values
    assert page_fingerprint(body).values != page_fingerprint(body[:1]).values


def test_word_hashes_ignore_case_and_ascii_punctuation_and_count_lines():
    hashes, lines = word_hashes("Gwangju, city\n광주는 도시")
    again, _ = word_hashes("gwangju city\n광주는 도시")
    assert list(hashes) == list(again) and list(lines) == [0, 0, 1, 1]
    assert len(set(hashes.tolist())) == 4


def test_shingles_stay_within_a_line_unless_the_page_has_too_few():
    two_lines = shingle_hashes(["one two three four", "five six seven"])
    assert len(two_lines) == 3  # (one two three) (two three four) (five six seven)
    assert len(shingle_hashes(["one two", "three four"])) == 2  # across lines: too few within


def test_many_identical_copies_make_one_group_in_linear_pairs():
    value = page_fingerprint([Block(1, "The same press release saved one hundred times by a crawler.")]).values
    distinct = [page_fingerprint([Block(1, " ".join(f"word{n}x{i}" for i in range(12)))]).values for n in range(50)]
    roots = duplicate_components(fingerprint_matrix([value] * 100 + distinct))
    assert set(roots[:100]) == {0} and len(set(roots[100:])) == 50


def test_pages_without_article_text_group_only_by_equal_bytes():
    matrix = fingerprint_matrix([EMPTY_FINGERPRINT] * 3)
    assert duplicate_components(matrix) == [0, 1, 2]
    assert duplicate_components(matrix, ["a", "b", "a"]) == [0, 1, 0]


def test_the_first_copy_by_path_names_the_group_and_the_most_complete_is_canonical():
    value = page_fingerprint([Block(1, "광주시는 인공지능 데이터센터를 첨단3지구에 구축한다고 밝혔다.")]).values
    copies = [Copy("b/print.txt", "doc-print", "s1", value, 500),
              Copy("c/view.txt", "doc-view", "s2", value, 900),
              Copy("a/first.txt", "doc-first", "s3", value, 500),
              Copy("d/other.txt", "doc-other", "s4", EMPTY_FINGERPRINT, 0)]
    groups = assign_groups(copies)
    assert {(g.duplicate_group, g.canonical_doc_id, g.copies) for g in groups[:3]} == {("doc-first", "doc-view", 3)}
    assert (groups[3].duplicate_group, groups[3].canonical_doc_id, groups[3].copies) == ("doc-other", "doc-other", 1)
    assert assign_groups(copies[::-1]) == groups[::-1]  # the order pages arrive in changes nothing


def test_a_fingerprint_reads_the_first_50000_characters_only():
    """A 2 MB one-line page costs milliseconds, not 0.6 s (the reliability suite's time budget)."""
    head = " ".join(f"word{n}" for n in range(10_000))  # about 59,000 characters
    one, two = page_fingerprint([Block(1, head + " tail one")]), page_fingerprint([Block(1, head + " other end")])
    assert one.values == two.values and one.article_chars != two.article_chars
