"""Language-identification benchmark: cityclips' detector against plain seeded langdetect.

Prints one table of accuracy per file of the langid set (Korean/English news, French control),
page-level results with share error, then the same measurement per language on Universal
Dependencies text (de/es/fr/pt/zh/ja/en/ko: paragraphs, sentences, mid and short snippets),
throughput on a 50/50 mix of en.txt/ko.txt lines and on a mix of the UD Latin-script sentences,
and whether two separate processes give identical labels. Not a timed test: run it by hand.

    .venv/bin/python bench/bench_langid.py
    .venv/bin/python bench/bench_langid.py --data ../shared/data/langid
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from langdetect import DetectorFactory, detect_langs  # noqa: E402
from langdetect.lang_detect_exception import LangDetectException  # noqa: E402

from cityclips.transforms.language import (LATIN_CANDIDATES, LATIN_MODEL, MIN_LANGDETECT_LETTERS, LanguageGuess,  # noqa: E402
                                 detect_language, document_language, language_shares)

DEFAULT_DATA = Path(__file__).resolve().parent / "data" / "langid"
SITE_DEFAULT = "en"  # a 'ko' default gives the same labels: Latin text never gets a CJK default
TIMING_CHUNK = 100  # texts timed per turn (see texts_per_second)
DETERMINISM_FILES = ("short_en", "mid_en")  # short_en as the issue asks; mid_en reaches langdetect
# (file, label, target accuracy or None); the done-when targets
ROWS = [
    ("short_en", "en", 0.99), ("short_ko", "ko", None), ("mid_en", "en", None), ("mid_ko", "ko", None),
    ("en", "en", None), ("ko", "ko", None), ("en clean-script", "en", 0.995), ("ko clean-script", "ko", 0.995),
    ("mixed_en", "en", 0.98), ("mixed_ko", "ko", 0.97),
    ("short_fr", "fr", None), ("mid_fr", "fr", None), ("fr", "fr", None), ("fr, mid_fr 20+ letters", "fr", None),
]
# Universal Dependencies sets (ud/README.md): paragraphs must be 99% right in every language
UD_LANGUAGES = ("de", "es", "fr", "pt", "zh", "ja", "en", "ko")
UD_PARAGRAPH_TARGET = 0.99
UD_JA_SENTENCES_PER_PARAGRAPH = 3  # ja comes from GSD, which has no document ids: consecutive sentences
SHORT_CHARS, MID_CHARS = 20, 60  # snippet lengths as in short_*.txt (<= 20) and mid_*.txt (21-60)
CUT_BY_CHARACTER = frozenset({"zh", "ja"})  # no spaces between words
MIN_SPEEDUP = 10.0
MAX_SHARE_ERROR = 0.01

Labeller = Callable[[str], LanguageGuess]


def plain_langdetect(text: str) -> LanguageGuess:
    """Seeded langdetect with all 55 profiles, as a LanguageGuess ('und' when it raises)."""
    letters = sum(map(str.isalpha, text))
    try:
        best = detect_langs(text)[0]
    except LangDetectException:
        return LanguageGuess("und", "langdetect", 0.0, letters)
    language = "zh" if best.lang.startswith("zh-") else best.lang
    return LanguageGuess(language, "langdetect", best.prob, letters)


def cityclips(text: str) -> LanguageGuess:
    return detect_language(text, SITE_DEFAULT)


def is_hangul(ch: str) -> bool:
    return "\uac00" <= ch <= "\ud7a3"


def clean_script(text: str, label: str) -> bool:
    """Lines whose script agrees with their label: ko.txt has English-dominant headlines."""
    hangul = sum(map(is_hangul, text))
    if label == "ko":
        return hangul * 2 > sum(map(str.isalpha, text))
    return hangul == 0


def read_lines(data: Path, name: str) -> list[str]:
    return (data / f"{name}.txt").read_text(encoding="utf-8").splitlines()


def accuracy(labeller: Labeller, texts: Sequence[str], label: str) -> float:
    return sum(labeller(text).language == label for text in texts) / len(texts)


def page_scores(labeller: Labeller, pages: list[dict]) -> tuple[float, float, float]:
    """(line accuracy, page accuracy, mean |predicted - true letter-weighted share of lang|)."""
    right_lines = total_lines = right_pages = 0
    share_error = 0.0
    for page in pages:
        guesses = [labeller(line) for line in page["lines"]]
        right_lines += sum(g.language == label for g, label in zip(guesses, page["line_labels"]))
        total_lines += len(guesses)
        shares = language_shares(guesses)
        right_pages += document_language(shares) == page["lang"]
        true_letters = [sum(map(str.isalpha, line)) for line in page["lines"]]
        true_share = sum(n for n, label in zip(true_letters, page["line_labels"]) if label == page["lang"])
        share_error += abs(shares.get(page["lang"], 0.0) - true_share / sum(true_letters))
    return right_lines / total_lines, right_pages / len(pages), share_error / len(pages)


def texts_per_second(labellers: Sequence[Labeller], texts: Sequence[str]) -> list[float]:
    """CPU-time throughput of each labeller, timed chunk by chunk in turn.

    Interleaving the labellers over small chunks gives them the same machine load, so their
    ratio holds even when other processes compete for the CPU.
    """
    spent = [0.0] * len(labellers)
    for start in range(0, len(texts), TIMING_CHUNK):
        chunk = texts[start:start + TIMING_CHUNK]
        for i, labeller in enumerate(labellers):
            started = time.process_time()
            for text in chunk:
                labeller(text)
            spent[i] += time.process_time() - started
    return [len(texts) / seconds for seconds in spent]


def labels_in_subprocess(data: Path, name: str, hash_seed: str) -> list[str]:
    env = {**os.environ, "PYTHONHASHSEED": hash_seed}
    out = subprocess.run([sys.executable, __file__, "--data", str(data), "--labels", name],
                         capture_output=True, text=True, check=True, env=env)
    return out.stdout.splitlines()


def mark(value: float, target: float | None, higher_is_better: bool = True) -> str:
    if target is None:
        return ""
    met = value >= target if higher_is_better else value < target
    return "yes" if met else "NO"


def read_ud(data: Path, language: str) -> tuple[list[str], list[str]]:
    """(sentences, paragraphs) of one UD language: a paragraph joins one document's sentences."""
    rows = [line.split("\t", 1) for line in (data / "ud" / f"ud_{language}.tsv").read_text(encoding="utf-8").splitlines()]
    sentences = [text for _, text in rows]
    documents: dict[str, list[str]] = {}
    for index, (doc, text) in enumerate(rows):
        key = str(index // UD_JA_SENTENCES_PER_PARAGRAPH) if language == "ja" else doc
        documents.setdefault(key, []).append(text)
    joiner = "" if language in CUT_BY_CHARACTER else " "
    return sentences, [joiner.join(texts) for texts in documents.values()]


def snippet(text: str, max_chars: int, by_character: bool) -> str:
    """The longest head of text of at most max_chars characters, cut at a word boundary."""
    if by_character:
        return text[:max_chars]
    head = ""
    for word in text.split():
        if len(head) + len(word) + 1 > max_chars:
            break
        head = f"{head} {word}".strip()
    return head


def ud_sets(data: Path) -> dict[str, tuple[str, list[str]]]:
    """name -> (label, texts) for the UD rows: paragraphs, sentences, mid and short snippets."""
    sets = {}
    for language in UD_LANGUAGES:
        sentences, paragraphs = read_ud(data, language)
        by_character = language in CUT_BY_CHARACTER
        short = [s for s in (snippet(t, SHORT_CHARS, by_character) for t in sentences) if s]
        mid = [s for s in (snippet(t, MID_CHARS, by_character) for t in sentences) if len(s) > SHORT_CHARS]
        sets[f"ud {language} paragraphs"] = (language, paragraphs)
        sets[f"ud {language} sentences"] = (language, sentences)
        sets[f"ud {language} mid"] = (language, mid)
        sets[f"ud {language} short"] = (language, short)
    return sets


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Language-identification benchmark (see module docstring).")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="langid data directory")
    parser.add_argument("--labels", metavar="FILE", help=argparse.SUPPRESS)  # determinism helper
    args = parser.parse_args(argv)
    DetectorFactory.seed = 0  # plain langdetect, seeded as the issue asks

    if args.labels:
        print("\n".join(cityclips(text).language for text in read_lines(args.data, args.labels)))
        return 0

    files = {name: read_lines(args.data, name) for name in
             ("short_en", "short_ko", "mid_en", "mid_ko", "en", "ko", "mixed_en", "mixed_ko",
              "short_fr", "mid_fr", "fr")}
    files["en clean-script"] = [t for t in files["en"] if clean_script(t, "en")]
    files["ko clean-script"] = [t for t in files["ko"] if clean_script(t, "ko")]
    files["fr, mid_fr 20+ letters"] = [t for t in files["fr"] + files["mid_fr"]
                                       if sum(map(str.isalpha, t)) >= MIN_LANGDETECT_LETTERS]
    pages = [json.loads(line) for line in (args.data / "pages.jsonl").read_text(encoding="utf-8").splitlines()]

    print(f"langid benchmark on {args.data} (site default '{SITE_DEFAULT}', cityclips Latin candidates: "
          f"{len(LATIN_CANDIDATES)} languages through {LATIN_MODEL})")
    header = f"{'file':<24}{'n':>6}{'cityclips':>11}{'langdetect':>12}{'target':>9}{'met':>5}"
    print(header)
    print("-" * len(header))
    for name, label, target in ROWS:
        ours, plain = accuracy(cityclips, files[name], label), accuracy(plain_langdetect, files[name], label)
        target_text = f"{target:.1%}" if target else ""
        print(f"{name:<24}{len(files[name]):>6}{ours:>11.1%}{plain:>12.1%}{target_text:>9}{mark(ours, target):>5}")
    ours_pages, plain_pages = page_scores(cityclips, pages), page_scores(plain_langdetect, pages)
    n_lines = sum(len(page["lines"]) for page in pages)
    print(f"{'pages line-level':<24}{n_lines:>6}{ours_pages[0]:>11.1%}{plain_pages[0]:>12.1%}")
    print(f"{'pages page-level':<24}{len(pages):>6}{ours_pages[1]:>11.1%}{plain_pages[1]:>12.1%}"
          f"{'100.0%':>9}{mark(ours_pages[1], 1.0):>5}")
    print(f"{'pages share error':<24}{len(pages):>6}{ours_pages[2]:>11.4f}{plain_pages[2]:>12.4f}"
          f"{'<0.01':>9}{mark(ours_pages[2], MAX_SHARE_ERROR, higher_is_better=False):>5}")

    ud = ud_sets(args.data)
    for name, (label, texts) in ud.items():
        ours, plain = accuracy(cityclips, texts, label), accuracy(plain_langdetect, texts, label)
        target = UD_PARAGRAPH_TARGET if name.endswith("paragraphs") else None
        target_text = f"{target:.1%}" if target else ""
        print(f"{name:<24}{len(texts):>6}{ours:>11.1%}{plain:>12.1%}{target_text:>9}{mark(ours, target):>5}")

    mix = [text for pair in zip(files["en"], files["ko"]) for text in pair]
    cityclips(mix[0]), plain_langdetect(mix[0])  # load profiles outside the timing
    ours_rate, plain_rate = texts_per_second([cityclips, plain_langdetect], mix)
    speedup = ours_rate / plain_rate
    print(f"{'texts/CPU-s en/ko mix':<24}{len(mix):>6}{ours_rate:>11,.0f}{plain_rate:>12,.0f}"
          f"{'>=10x':>9}{mark(speedup, MIN_SPEEDUP):>5}   ratio {speedup:.1f}x")

    latin_mix = [text for group in zip(*(ud[f"ud {language} sentences"][1] for language in ("de", "es", "fr", "pt", "en")))
                 for text in group]
    ours_rate, plain_rate = texts_per_second([cityclips, plain_langdetect], latin_mix)
    print(f"{'texts/CPU-s UD Latin mix':<24}{len(latin_mix):>6}{ours_rate:>11,.0f}{plain_rate:>12,.0f}"
          f"{'':>9}{'':>5}   ratio {ours_rate / plain_rate:.1f}x (de/es/fr/pt/en sentences)")

    for name in DETERMINISM_FILES:
        first, second = (labels_in_subprocess(args.data, name, seed) for seed in ("1", "2"))
        same = first == second and len(first) == len(files[name])
        changed = sum(a != b for a, b in zip(first, second))
        print(f"{'determinism ' + name:<24}{len(first):>6}{'identical' if same else f'{changed} differ':>11}"
              f"{'':>12}{'same':>9}{'yes' if same else 'NO':>5}   two processes, PYTHONHASHSEED 1 and 2")

    print()
    print(f"Short Latin text: cityclips asks a model only about Latin text of {MIN_LANGDETECT_LETTERS}+ letters and")
    print("  gives shorter Latin text the site default 'en', so short_fr and the UD de/es/fr/pt short rows are lost")
    print(f"  by design, as are mid_fr's and fr's lines under {MIN_LANGDETECT_LETTERS} letters (the short dialogue lines);")
    print("  the 'fr, mid_fr 20+ letters' row is what is kept. Han-only snippets are 'zh' unless the site is 'ja'.")
    print("ko clean-script = ko.txt lines where Hangul syllables are over half the letters; en clean-script = en.txt")
    print("  lines without Hangul. The other ko.txt lines are English-dominant headlines (label noise).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
