"""Tests for bench/generate_corpus.py: determinism, the requested mix, realistic and recurring
chrome, well-formed HTML, dirty pages, file layout and in-place mutation."""
from __future__ import annotations

import importlib.util
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from types import ModuleType

import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "bench" / "generate_corpus.py"
SEED = 7
SAMPLE_PAGES = 500
SHARE_TOLERANCE = 0.06  # three standard deviations of a 0.5 share over 500 pages is 0.067
CHROME_FLOOR = 0.2  # header and footer are on about half the pages; some site-languages have 15
HANGUL = re.compile(r"[\uac00-\ud7a3]")
LATIN = re.compile(r"[A-Za-z]")
VOID_ELEMENTS = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
                 "track", "wbr"}


def load_generator() -> ModuleType:
    """Import the script by path: bench/ is not a package."""
    if "generate_corpus" in sys.modules:
        return sys.modules["generate_corpus"]
    spec = importlib.util.spec_from_file_location("generate_corpus", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["generate_corpus"] = module  # process pools pickle functions by module name
    spec.loader.exec_module(module)
    return module


gen = load_generator()


@pytest.fixture(scope="module")
def sample() -> list[tuple[object, bytes]]:
    """(plan, bytes) of the first SAMPLE_PAGES pages with the default mix."""
    pages = []
    for index in range(SAMPLE_PAGES):
        name, data = gen.generate_page(index, SEED)
        plan = gen.plan_page(index, SEED)
        assert plan.name == name
        pages.append((plan, data))
    return pages


def clean_pages(sample, language: str | None = None, source_format: str | None = None):
    """Clean pages of the sample, optionally of one language and format, decoded."""
    return [(plan, data.decode("utf-8")) for plan, data in sample
            if plan.dirty is None
            and (language is None or plan.language == language)
            and (source_format is None or plan.source_format == source_format)]


# ------------------------------------------------------------------ determinism
def test_same_seed_gives_same_bytes_in_any_order():
    forward = [gen.generate_page(index, SEED) for index in range(40)]
    gen.line_banks.cache_clear()  # banks are rebuilt, and in a different order
    backward = [gen.generate_page(index, SEED) for index in reversed(range(40))]
    assert forward == backward[::-1]


def test_other_seed_gives_other_pages():
    pairs = [(gen.generate_page(index, SEED)[1], gen.generate_page(index, SEED + 1)[1])
             for index in range(20)]
    assert sum(first != second for first, second in pairs) >= 19


@pytest.mark.slow  # a subprocess, though well under a second
def test_command_line_writes_the_same_bytes_in_a_fresh_process(tmp_path):
    out = tmp_path / "corpus"
    result = subprocess.run([sys.executable, str(SCRIPT), "--pages", "30", "--out", str(out),
                             "--seed", str(SEED), "--workers", "1"],
                            capture_output=True, text=True, check=True)
    assert result.stdout.startswith("wrote 30 pages")
    for index in range(30):
        name, data = gen.generate_page(index, SEED)
        assert (out / name).read_bytes() == data


# ------------------------------------------------------------------ the mix
def test_default_mix_matches_the_requested_shares(sample):
    english = sum(plan.language == "en" for plan, _ in sample) / SAMPLE_PAGES
    html = sum(plan.source_format == "html" for plan, _ in sample) / SAMPLE_PAGES
    assert abs(english - 0.6) <= SHARE_TOLERANCE
    assert abs(html - 0.3) <= SHARE_TOLERANCE


@pytest.mark.parametrize("en_share, html_share", [(0.2, 0.8), (1.0, 0.0), (0.0, 1.0)])
def test_other_mixes_match_their_shares(en_share, html_share):
    plans = [gen.plan_page(index, SEED, en_share, html_share, dirty_share=0.0)
             for index in range(SAMPLE_PAGES)]
    english = sum(plan.language == "en" for plan in plans) / SAMPLE_PAGES
    html = sum(plan.source_format == "html" for plan in plans) / SAMPLE_PAGES
    assert abs(english - en_share) <= SHARE_TOLERANCE
    assert abs(html - html_share) <= SHARE_TOLERANCE


def test_file_names_say_language_and_format(sample):
    for plan, _ in sample:
        assert plan.name.endswith(f"_{plan.language}.{'html' if plan.source_format == 'html' else 'txt'}")


def test_every_site_appears(sample):
    counts = {site.key: 0 for site in gen.SITES}
    for plan, _ in sample:
        counts[plan.site] += 1
    assert counts["gwangju"] > SAMPLE_PAGES * 0.4
    assert all(count > SAMPLE_PAGES * 0.08 for count in counts.values())


# ------------------------------------------------------------------ page content
def letters_share(text: str, pattern: re.Pattern[str]) -> float:
    hangul, latin = len(HANGUL.findall(text)), len(LATIN.findall(text))
    return len(pattern.findall(text)) / max(1, hangul + latin)


def test_korean_pages_are_mostly_hangul_and_english_pages_mostly_latin(sample):
    for plan, text in clean_pages(sample, "ko", "text"):
        assert letters_share(text, HANGUL) > 0.6, plan.name
    for plan, text in clean_pages(sample, "en", "text"):
        assert letters_share(text, HANGUL) < 0.1, plan.name


def test_text_pages_carry_the_seed_features(sample):
    english = "\n".join(text for _, text in clean_pages(sample, "en", "text"))
    korean = "\n".join(text for _, text in clean_pages(sample, "ko", "text"))
    for pattern in (r"^Name : admin Date : \d{4}-\d\d-\d\d \d\d:\d\d \d+$",
                    r"^Name : \S.*Date : \d{4}-\d\d-\d\d \d\d:\d\d\d+$",
                    r"^File$", r"^  • \S+\[size: [\d.]+ [KM]B, Download: \d+\]$",
                    r"^Attachment Full \(compressed\) Download$", r"^\| ", r"^□ ", r"^① ", r"^1\. ",
                    r"^<.+>$", r"^※ ", r"^  • page print$", r"“.+,” said Mayor \w+\.",
                    r"^  • Department of .+ : \+82-\(0\)\d\d-\d{3}-\d{4}$", r"^First, ",
                    r"^Are you satisfied with the information on this page\?$"):
        assert re.search(pattern, english, re.MULTILINE), pattern
    for pattern in (r"^작성자 : \S+ 등록일 : \d{4}-\d\d-\d\d \d\d:\d\d 조회수 : \d+$",
                    r"^작성자 : \S+등록일 : \d{4}-\d\d-\d\d\d\d:\d\d조회수 : \d+$",
                    r"^첨부파일$", r"^첨부파일 전체 \(압축\) 다운로드$", r"^○ ", r"^ - ", r"^  · ",
                    r"^□ ", r"^홈 > \S+ > 보도자료$", r"^  • 인쇄$", r"시장은 “.+”라고 말했다\.",
                    r"^담당부서 : \S+ ☎ 0\d\d-\d{3}-\d{4}$",
                    r"^이 페이지에서 제공하는 정보에 만족하십니까\?$"):
        assert re.search(pattern, korean, re.MULTILINE), pattern


def test_doubled_captions_are_glued(sample):
    texts = [text for _, text in clean_pages(sample, source_format="text")]
    doubled = re.compile(r"^(.{20,}?)\1", re.MULTILINE)
    share = sum(bool(doubled.search(text)) for text in texts) / len(texts)
    assert 0.2 <= share <= 0.4


def test_static_pages_have_no_metadata_line(sample):
    static = [text for plan, text in clean_pages(sample, source_format="text") if plan.static]
    assert static
    for text in static:
        assert "Date : " not in text and "등록일 : " not in text


def test_pages_average_four_to_eight_kilobytes(sample):
    sizes = [len(data) for plan, data in sample if plan.dirty is None and plan.source_format == "text"]
    assert 4_000 <= sum(sizes) / len(sizes) <= 8_000


# ------------------------------------------------------------------ site chrome
def test_every_site_chrome_recurs_on_its_own_pages_only(sample):
    text_pages = clean_pages(sample, source_format="text")
    for site in gen.SITES:
        for language, lines in gen.chrome_lines(site).items():
            own = [text.splitlines() for plan, text in text_pages
                   if plan.site == site.key and plan.language == language]
            assert len(own) >= 10, (site.key, language)
            for line in lines:
                share = sum(line in page for page in own) / len(own)
                assert share >= CHROME_FLOOR, (site.key, language, line, share)
            joiner = gen.QUICK_LINK_JOINER[language]
            quick_links = [joiner.join(items) for items in site.quick_links[language]]
            site_only = [*site.slogan[language], *quick_links]
            others = [text for plan, text in text_pages if plan.site != site.key]
            for line in site_only:
                assert not any(line in text for text in others), line


# ------------------------------------------------------------------ HTML
class TagChecker(HTMLParser):
    """Records the tags seen and any end tag that does not close the innermost open element."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.open: list[str] = []
        self.seen: set[str] = set()
        self.errors: list[str] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        self.seen.add(tag)
        if tag not in VOID_ELEMENTS:
            self.open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.open or self.open[-1] != tag:
            self.errors.append(f"</{tag}> closes {self.open[-1:] or 'nothing'}")
        else:
            self.open.pop()


def check_html(text: str) -> TagChecker:
    checker = TagChecker()
    checker.feed(text)
    checker.close()
    return checker


def test_html_pages_are_well_formed_documents(sample):
    pages = clean_pages(sample, source_format="html")
    assert len(pages) > 100
    for plan, text in pages:
        checker = check_html(text)
        assert not checker.errors and not checker.open, (plan.name, checker.errors[:3], checker.open)
        assert {"html", "head", "title", "meta", "script", "style", "body", "header", "nav", "article",
                "h2", "p", "footer"} <= checker.seen, plan.name
        assert '<meta charset="utf-8">' in text


def test_html_pages_use_every_structural_variant(sample):
    texts = [text for _, text in clean_pages(sample, source_format="html")]
    for marker in ('class="view_info"', '<dl class="info">', 'class="article-meta"', "<figcaption>",
                   "<ol>", '<nav class="breadcrumb">', 'class="location"', "<h4>&lt;", 'class="file"'):
        assert any(marker in text for text in texts), marker


# ------------------------------------------------------------------ dirty pages
def test_dirty_pages_follow_their_share_and_kind():
    plans = [gen.plan_page(index, SEED, dirty_share=0.2) for index in range(SAMPLE_PAGES)]
    dirty = [plan for plan in plans if plan.dirty]
    assert abs(len(dirty) / SAMPLE_PAGES - 0.2) <= SHARE_TOLERANCE
    assert {plan.dirty for plan in dirty} == set(gen.DIRTY_KINDS)
    seen: set[str] = set()
    for plan in dirty:
        if plan.dirty in seen:
            continue
        seen.add(plan.dirty)
        data = gen.generate_page(plan.index, SEED, dirty_share=0.2)[1]
        check_dirty_page(plan, data)


def check_dirty_page(plan, data: bytes) -> None:
    if plan.dirty == "empty":
        assert data == b""
    elif plan.dirty == "binary":
        assert b"\x00" in data
    elif plan.dirty == "cp949":
        with pytest.raises(UnicodeDecodeError):
            data.decode("utf-8")
        assert HANGUL.search(data.decode("cp949")) and b"charset" not in data
    elif plan.dirty == "long_line":
        assert b"\n" not in data and len(data) >= gen.LONG_LINE_BYTES
    else:
        text = data.decode("utf-8")
        assert "Date : " not in text and "등록일" not in text and "조회수" not in text
        if plan.source_format == "html":
            checker = check_html(text)
            assert not checker.errors and not checker.open


def test_default_dirty_share_is_small(sample):
    assert 0 < sum(plan.dirty is not None for plan, _ in sample) <= SAMPLE_PAGES * 0.03


# ------------------------------------------------------------------ writing
def test_file_names_are_unique_and_foldered(sample):
    names = [plan.name for plan, _ in sample]
    assert len(set(names)) == len(names)
    for plan, _ in sample:
        assert plan.name.startswith(f"{plan.index // gen.FILES_PER_FOLDER:04d}/{plan.index:06d}_")


def test_write_corpus_writes_folders_of_a_thousand(tmp_path):
    total = gen.write_corpus(tmp_path, 20, SEED, first_index=990)
    written = sorted(path.relative_to(tmp_path).as_posix() for path in tmp_path.rglob("*") if path.is_file())
    expected = [gen.generate_page(index, SEED) for index in range(990, 1010)]
    assert written == sorted(name for name, _ in expected)
    assert {name.split("/")[0] for name in written} == {"0000", "0001"}
    assert total == sum(len(data) for _, data in expected)


def test_command_line_refuses_a_non_empty_folder(tmp_path, capsys):
    (tmp_path / "existing.txt").write_text("x")
    assert gen.main(["--pages", "3", "--out", str(tmp_path)]) == 2
    assert "not empty" in capsys.readouterr().err


def test_command_line_rejects_a_share_outside_zero_to_one(tmp_path):
    with pytest.raises(SystemExit):
        gen.main(["--pages", "3", "--out", str(tmp_path), "--en-share", "1.5"])


# ------------------------------------------------------------------ mutation
MUTATE_PAGES = 100
MUTATE_SHARE = 0.1


@pytest.fixture
def corpus(tmp_path) -> Path:
    out = tmp_path / "corpus"
    gen.write_corpus(out, MUTATE_PAGES, SEED)
    return out


def snapshot(folder: Path) -> dict[str, bytes]:
    return {path.relative_to(folder).as_posix(): path.read_bytes()
            for path in folder.rglob("*") if path.is_file()}


def test_mutate_edits_about_the_share_and_deletes_and_adds_a_few(corpus):
    before = snapshot(corpus)
    report = gen.mutate_corpus(corpus, MUTATE_SHARE, seed=3)
    after = snapshot(corpus)
    assert len(report.edited) == round(MUTATE_SHARE * MUTATE_PAGES)
    assert 1 <= len(report.deleted) == len(report.added) < len(report.edited)
    for name in report.edited:
        assert after[name] != before[name]
        assert len(after[name]) > len(before[name])
        if name.endswith(".txt"):
            assert after[name].startswith(before[name])
        else:
            assert check_html(after[name].decode("utf-8")).errors == []
    assert not set(report.deleted) & set(after)
    assert not set(report.added) & set(before)
    assert set(report.added) <= set(after)
    untouched = set(before) - set(report.edited) - set(report.deleted)
    assert all(after[name] == before[name] for name in untouched)


def test_mutate_leaves_hidden_files_alone(corpus):
    stamp = corpus / ".complete"
    stamp.touch()
    report = gen.mutate_corpus(corpus, share=1.0, seed=3)
    assert stamp.exists() and stamp.read_bytes() == b""
    assert ".complete" not in report.edited + report.deleted


def test_mutate_is_deterministic(corpus, tmp_path):
    twin = tmp_path / "twin"
    shutil.copytree(corpus, twin)
    first = gen.mutate_corpus(corpus, MUTATE_SHARE, seed=3)
    second = gen.mutate_corpus(twin, MUTATE_SHARE, seed=3)
    assert first == second
    assert snapshot(corpus) == snapshot(twin)


def test_mutate_command_prints_what_it_did(corpus, capsys):
    assert gen.main(["--mutate", str(corpus), "--share", str(MUTATE_SHARE), "--seed", "3"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith(f"mutated {corpus}: 10 edited, ")
    assert sum(line.startswith("M ") for line in lines) == 10
    assert any(line.startswith("D ") for line in lines) and any(line.startswith("A ") for line in lines)
