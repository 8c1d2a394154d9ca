"""Language of a segment and of a document: a script rule first, then an n-gram model for Latin text.

langdetect alone fails on these pages (measured on bench/data/langid, Korean/English news):
it reduces every Hangul syllable to one symbol, so its Korean evidence is script only and mixed
lines go wrong; unseeded it is nondeterministic; on 20 characters or less it gets half of English
right; it raises on text without letters; and it manages a few hundred texts per CPU-second.
So the script decides whatever the script can decide (Hangul, kana, Han, no letters at all);
English prose is told by its function words; other Latin text long enough to carry evidence goes
to py3langid (langid.py's byte n-gram model, shipped in its wheel) over every Latin-script language
langdetect has a profile for, and its answers other than the site default are accepted only when
it is sure; the rare other scripts (Cyrillic, Arabic, Indic, ...) go to seeded langdetect over its
profiles of those scripts. bench/bench_langid.py measures every constant below.

    >>> detect_language("시청 민원실 운영 시간 안내")
    LanguageGuess(language='ko', method='script', confidence=1.0, letters=11)
"""
from __future__ import annotations

import re
from collections import Counter, OrderedDict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

import numpy as np
from langdetect.detector_factory import DetectorFactory
from langdetect.lang_detect_exception import LangDetectException
from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

UNDETERMINED = "und"  # ISO 639-2 code for "no language can be told" (dates, URLs, numbers)

# One Hangul syllable (or kana, or Han character) counts as this many Latin letters when a line
# mixes scripts. Measured, not tuned: en.txt and ko.txt are translations of the same news, and
# en.txt holds 321,562 Latin letters for ko.txt's 137,866 Hangul syllables (2.33; median per
# line pair 2.39). With it, mixed_en is 98.6% and mixed_ko 97.4% right by script alone; weights
# of 1 or 4 trade one set off against the other (99.7/94.1% and 96.0/99.2%). Kana and Han reuse
# the Hangul weight unmeasured (no Japanese or Chinese data here).
CJK_LETTER_WEIGHT = 2.33
# A line is decided by its script when CJK letters carry more than half of its weighted letters:
# whichever script carries most of the information is the language of the line.
SCRIPT_SHARE_THRESHOLD = 0.5
# Below this many Latin letters no model is asked: it guesses (short English -> it, tl, af, nl)
# and its probability means nothing; the site default is a better answer. Measured on the en/fr
# sentence and snippet files with langdetect, binned by Latin letters: English is 86% right at
# 5-9 letters, 94% at 10-14, 98.3% at 15-19, 98.7% at 20-24, >= 99.2% from 25 up. Below 20 its
# errors pass 1.7% on the language that Latin text on these sites nearly always is, so the
# default wins there. It costs every other Latin language its snippets under 20 letters.
MIN_LANGDETECT_LETTERS = 20
# Every Latin-script language langdetect ships a profile for (its other profiles are CJK, handled
# by script, or other scripts, below). py3langid knows all of them; it is restricted to these so
# that its answer is always a language langdetect could name.
LATIN_CANDIDATES = ("af", "ca", "cs", "cy", "da", "de", "en", "es", "et", "fi", "fr", "hr", "hu", "id", "it",
                    "lt", "lv", "nl", "no", "pl", "pt", "ro", "sk", "sl", "so", "sq", "sv", "sw", "tl", "tr", "vi")
# py3langid over LATIN_CANDIDATES, instead of langdetect over the same profiles. Measured on
# bench/data/langid (UD PUD de/es/fr/pt/en sentences and paragraphs, mid-length snippets, the
# en/fr news files), texts of 20+ letters: langdetect (80 chars, 2 trials) is 96.9-99.7% right
# on paragraphs and sentences and 94.7% on mid_en, py3langid 99.9-100% and 98.4% on mid_en;
# lingua-language-detector (96 MB of models) 99.1-100% and 98.4%; CLD2 93.5-100%. py3langid is
# also the fastest of the accurate ones: 5,000-20,000 texts per CPU-second against langdetect's
# 850-2,500 and lingua's 230-800.
LATIN_MODEL = "py3langid"
# An answer other than the fallback (the site's Latin default, else English) is accepted only at
# this normalised probability or above. Measured on texts of 20+ letters with fallback 'en': mid_en
# is 98.4% right with no floor, 99.8% at 0.5, 99.9% at 0.7, 100% at 0.9; the other languages' mid
# snippets are 99.5-100% right at 0.5, 98.2-99.3% at 0.7, 90.2-98.1% at 0.9. 0.5 (the answer
# holds over half the probability) keeps both sides at 99.5% or more.
LATIN_PROBABILITY_FLOOR = 0.5
# langdetect samples n-grams at random: with a fixed seed the same text always gets the same
# label (unseeded, 7.8% of short English snippets changed label between two runs).
LANGDETECT_SEED = 0
# langdetect (other scripts only now) reads at most this many characters, cut at a word boundary,
# and runs this many trials (its default 7): its answer comes from a few hundred sampled n-grams,
# so more text or more trials mostly cost time (measured on English when it served Latin text:
# 2 trials at 80 chars stayed within 0.25 pt of 7 trials on the whole text, at twice the speed).
MAX_LANGDETECT_CHARS = 80
LANGDETECT_TRIALS = 2
# Latin text is never labelled with a CJK language: on a Korean site (default 'ko') a short Latin
# line ('page print', 'Q&A') is English, the second language of every Korean city site, as the
# minority lines of pages.jsonl's Korean pages are.
CJK_LANGUAGES = frozenset({"ko", "ja", "zh"})
LATIN_FALLBACK = "en"
# langdetect's profiles for languages in other scripts (Cyrillic, Greek, Arabic, Hebrew, Indic,
# Thai), asked when such letters dominate a text: rare here, so all of them are affordable.
OTHER_SCRIPT_CANDIDATES = ("ar", "bg", "bn", "el", "fa", "gu", "he", "hi", "kn", "mk", "ml", "mr", "ne",
                           "pa", "ru", "ta", "te", "th", "uk", "ur")
DEFAULT_CACHE_SIZE = 100_000  # menus and footers repeat on every page of a site
# English prose is a fifth or more function words ('the', 'of', 'and' ...); French, Spanish or
# German prose has its own ('le', 'de', 'el', 'der' ...). A Latin text of FUNCTION_WORD_MIN_WORDS
# words or more whose English function words are FUNCTION_WORD_SHARE of its words, and which has
# none of the other languages' common words, is English without asking a model (langdetect was
# ~80% of the pipeline's time on English pages), and this answers most English paragraphs in
# microseconds. Anything else goes to the model. bench/bench_langid.py measures it.
FUNCTION_WORD_MIN_WORDS = 6
FUNCTION_WORD_SHARE = 0.2
ENGLISH_FUNCTION_WORDS = frozenset(
    "the of and to in a is that for on with as was by at from are it be has have will this an which its their "
    "were been or not but also said more than into about after over would can could should all his her they "
    "we our there these those other such who".split())
# Words common in the other Latin candidates (and their neighbours) and rare in English prose.
OTHER_FUNCTION_WORDS = frozenset(
    "le la les des du et est une que qui dans pour pas sur au aux ce cette il elle ne se sont avec mais ou "
    "el los las por con del una es y lo der die das und ist nicht ein eine mit von zu den het een van "
    "os da em um uma não são dos das pelo pela ao na nas e il della che sono".split())
_WORD = re.compile(r"[a-zà-ÿ']+")

_HANGUL = re.compile("[\u1100-\u11ff\u3131-\u318e\ua960-\ua97c\uac00-\ud7a3\ud7b0-\ud7fb\uffa1-\uffdc]")
_KANA = re.compile("[\u3041-\u309f\u30a1-\u30ff\u31f0-\u31ff\uff66-\uff9f]")
_HAN = re.compile("[\u3005-\u3007\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")
_LATIN = re.compile("[A-Za-z\u00aa\u00b5\u00ba\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u02af\u1e00-\u1eff"
                    "\u2c60-\u2c7f\ua720-\ua7ff\ufb00-\ufb06\uff21-\uff3a\uff41-\uff5a]")
_CJK = re.compile(f"{_HANGUL.pattern}|{_KANA.pattern}|{_HAN.pattern}")
# Web and e-mail addresses have letters but no language ('http://x.y/z' is not English).
_ADDRESS = re.compile(r"(?:https?|ftp)://\S+|www\.\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_PROFILES = files("langdetect").joinpath("profiles")  # read at first use, as langdetect itself does


@dataclass(frozen=True)
class LanguageGuess:
    """The language of one text and how it was decided.

    method is 'script' (the letters' script decided, or there were no letters), 'function_words'
    (English told by its function words), 'langid' (py3langid's answer, Latin text), 'langdetect'
    (seeded langdetect's answer, other scripts) or 'default' (too little evidence, or a model
    unsure: the site's default language).
    """

    language: str  # 'en', 'ko', 'ja', 'zh', 'fr', ..., or 'und'
    method: str  # 'script' | 'function_words' | 'langid' | 'langdetect' | 'default'
    confidence: float  # 0..1
    letters: int  # number of letters (str.isalpha chars) in the text, addresses included


@dataclass(frozen=True)
class _ScriptCounts:
    letters: int
    hangul: int
    kana: int
    han: int
    latin: int

    @property
    def other(self) -> int:
        return self.letters - self.hangul - self.kana - self.han - self.latin


def _count_letters(pattern: re.Pattern[str], text: str) -> int:
    return sum(map(str.isalpha, pattern.findall(text)))


def _count_scripts(text: str) -> _ScriptCounts:
    letters = sum(map(str.isalpha, text))
    if text.isascii():
        return _ScriptCounts(letters, 0, 0, 0, letters)
    if not _CJK.search(text):  # accented Latin (German, French ...): one scan instead of three that find nothing
        return _ScriptCounts(letters, 0, 0, 0, _count_letters(_LATIN, text))
    return _ScriptCounts(letters, _count_letters(_HANGUL, text), _count_letters(_KANA, text),
                         _count_letters(_HAN, text), _count_letters(_LATIN, text))


def _load_factory(languages: Iterable[str]) -> DetectorFactory:
    factory = DetectorFactory()
    factory.load_json_profile([_PROFILES.joinpath(language).read_text(encoding="utf-8")
                               for language in languages])
    # Seed this factory, not langdetect's global DetectorFactory class: the same determinism
    # without changing other users of langdetect in the process.
    factory.set_seed(LANGDETECT_SEED)
    return factory


# py3langid counts a text's byte n-grams by walking its scanner (an Aho-Corasick automaton over the
# model's n-grams) byte by byte in Python: two thirds of the model's time. The automaton's state after a
# byte is the longest suffix of the text read so far that is a prefix of an n-gram, so it depends on the
# last DEPTH bytes alone (DEPTH: the longest n-gram, 6 bytes in the shipped model, found at load). From
# WINDOWED_WALK_BYTES up a text's states are found for all its bytes at once: every position's last
# DEPTH bytes walked from the start state in DEPTH array steps (numpy), the first two steps read from a
# table of the states two bytes lead to. Same states, same counts in the same order, so the same
# scores to the last bit (tests/transforms/test_language_reads11.py). Measured on the 8,838 distinct
# texts the peers' 579 pages give the model (median 130 bytes): 0.69 -> 0.37 CPU-s; below 32-64 bytes
# numpy's fixed cost per call is more than the Python walk (16: 0.373, 64: 0.365, 256: 0.455).
WINDOWED_WALK_BYTES = 64


class _WindowedIdentifier(LanguageIdentifier):
    """py3langid's identifier whose n-gram counts of longer texts come from the windowed walk."""

    __slots__ = ("_depth", "_moves", "_rows", "_outputs", "_two_bytes")

    def prepare_walk(self) -> None:
        """The automaton as arrays, its depth and the two-byte table (once, after the model loads)."""
        self._moves = np.frombuffer(self.tk_nextmove, dtype=np.dtype(self.tk_nextmove.typecode))  # a view, no copy
        self._rows = np.asarray(self._rowbase, dtype=np.intp)
        self._outputs = np.asarray(self.tk_output, dtype=np.intp)
        every_byte = np.arange(256, dtype=np.intp)
        first = self._moves[self._rows[0] + every_byte]
        self._two_bytes = self._moves[self._rows[first][:, None] + every_byte[None, :]].ravel()
        self._depth = self._automaton_depth()

    def _automaton_depth(self) -> int:
        """The length of the longest n-gram: how many bytes from the start state the farthest state lies."""
        seen = np.zeros(len(self._rows), dtype=bool)
        seen[0] = True
        frontier, depth = np.array([0], dtype=np.intp), 0
        every_byte = np.arange(256, dtype=np.intp)
        while True:
            reached = self._moves[self._rows[frontier][:, None] + every_byte[None, :]].ravel()
            frontier = np.unique(reached[~seen[reached]])
            if not len(frontier):
                return depth
            seen[frontier] = True
            depth += 1

    def _counts(self, text: bytes) -> Counter | None:
        """{n-gram feature: count} as py3langid's visit_counts finds them (keys in order of first sight)."""
        depth, moves, rows = self._depth, self._moves, self._rows
        data = np.frombuffer(text, dtype=np.uint8).astype(np.intp)
        head, state = [], 0
        for letter in text[:depth - 1]:  # the first bytes have fewer than depth bytes before them
            state = self.tk_nextmove[self._rowbase[state] + letter]
            head.append(state)
        ends = len(text) - depth + 1
        states = self._two_bytes[(data[:ends] << 8) + data[1:ends + 1]]
        for step in range(2, depth):
            states = moves[rows[states] + data[step:ends + step]]
        features = self._outputs[np.concatenate((np.asarray(head, dtype=np.intp), states))]
        found = features[features >= 0].tolist()
        return Counter(found) if found else None

    def _raw_score(self, text):
        if len(text) < max(WINDOWED_WALK_BYTES, self._depth):
            return super()._raw_score(text)
        visits = self._counts(text)
        return self._sparse_score(visits, self.nb_ptc) if visits else super()._raw_score(text)


@cache
def _latin_identifier():
    """py3langid's shipped model, restricted to LATIN_CANDIDATES (loaded once, at first use)."""
    identifier = _WindowedIdentifier.from_modelpath(MODEL_DIR / MODEL_FILE, norm_probs=True)
    identifier.prepare_walk()
    identifier.set_languages(list(LATIN_CANDIDATES))
    # The restricted model's weights are a column slice of a float16 table (Fortran order): each score
    # gathers a text's rows from it and widens them to float32 first. Widened once, in row order, the
    # same products give the same scores to the last bit, 40 % sooner (8,789 texts of the peers' pages:
    # 0.25 -> 0.15 CPU-s), for 12 MB.
    identifier.nb_ptc = np.ascontiguousarray(identifier.nb_ptc, dtype=np.float32)
    return identifier


@cache
def _other_script_factory() -> DetectorFactory:
    return _load_factory(OTHER_SCRIPT_CANDIDATES)


def _langdetect(factory: DetectorFactory, text: str) -> list[tuple[str, float]]:
    """Seeded langdetect's (language, probability) list, best first; [] if it finds no features."""
    if len(text) > MAX_LANGDETECT_CHARS:
        cut = text.rfind(" ", 0, MAX_LANGDETECT_CHARS + 1)
        text = text[:cut] if cut > MAX_LANGDETECT_CHARS // 2 else text[:MAX_LANGDETECT_CHARS]
    detector = factory.create()
    detector.n_trial = LANGDETECT_TRIALS
    detector.append(text)
    try:
        found = detector.get_probabilities()
    except LangDetectException:
        return []
    return [(language.lang, language.prob) for language in found]


_Decision = tuple[str, str, float]  # (language, method, confidence)


def _script_decision(counts: _ScriptCounts, share: float, default: str) -> _Decision:
    if counts.hangul and counts.hangul >= counts.kana:
        return "ko", "script", share
    if counts.kana:  # Japanese prose always has kana (particles, endings); Chinese has none
        return "ja", "script", share
    # Han alone: Chinese, or a Japanese name or heading ('東京都庁') that only the site can tell
    return ("ja" if default == "ja" else "zh"), "script", share


def _function_word_decision(text: str) -> _Decision | None:
    """English told by its function words, without a model: 'en' or None (ask the model)."""
    words = _WORD.findall(text.lower())
    if len(words) < FUNCTION_WORD_MIN_WORDS:
        return None
    english = sum(map(ENGLISH_FUNCTION_WORDS.__contains__, words))  # C-level loops, not generators
    if english / len(words) >= FUNCTION_WORD_SHARE and OTHER_FUNCTION_WORDS.isdisjoint(words):
        return "en", "function_words", min(1.0, english / len(words) / FUNCTION_WORD_SHARE / 2 + 0.5)
    return None


def _latin_decision(text: str, counts: _ScriptCounts, default: str) -> _Decision:
    fallback = LATIN_FALLBACK if default in CJK_LANGUAGES else default
    if counts.latin < MIN_LANGDETECT_LETTERS:
        return fallback, "default", 0.0
    quick = _function_word_decision(text)
    if quick is not None:
        return quick
    language, probability = _latin_identifier().classify(
        _CJK.sub(" ", text) if counts.latin < counts.letters else text)
    probability = float(probability)
    if language == fallback or probability >= LATIN_PROBABILITY_FLOOR:
        return language, "langid", probability
    return fallback, "default", 0.0


def _other_script_decision(text: str) -> _Decision:
    # The default (a Latin or CJK language) cannot be the answer for these scripts.
    found = _langdetect(_other_script_factory(), text)
    if not found:
        return UNDETERMINED, "default", 0.0
    language, probability = found[0]
    return language, "langdetect", probability


def _decide(text: str, default: str, counts: _ScriptCounts) -> _Decision:
    if counts.letters == 0:
        return UNDETERMINED, "script", 1.0
    weighted_cjk = CJK_LETTER_WEIGHT * (counts.hangul + counts.kana + counts.han)
    cjk_share = weighted_cjk / (weighted_cjk + counts.latin + counts.other)
    if cjk_share > SCRIPT_SHARE_THRESHOLD:
        return _script_decision(counts, cjk_share, default)
    if counts.latin >= counts.other:
        return _latin_decision(text, counts, default)
    return _other_script_decision(text)


def detect_language(text: str, default: str = "en") -> LanguageGuess:
    """Guess the language of one line or segment; never raises.

    Korean, Japanese and Chinese are told by their script (a Hangul syllable weighs as
    CJK_LETTER_WEIGHT Latin letters in a mixed line; kana makes Japanese; Han alone is Chinese,
    or Japanese on a 'ja' site); Latin text of MIN_LANGDETECT_LETTERS or more is English by its
    function words, else goes to py3langid over LATIN_CANDIDATES (every Latin-script language of
    langdetect's); other scripts go to seeded langdetect. default is the site's language: the
    answer for shorter Latin text and when the model is unsure. A CJK default is never given to
    Latin text, which gets English instead. Text without letters outside web and e-mail
    addresses is 'und'; 'und' is sure (confidence 1.0) when decided by script; a default answer
    has confidence 0.0.

    >>> detect_language("서울시 Smart City 정책 발표회가 열렸다")
    LanguageGuess(language='ko', method='script', confidence=0.7565, letters=21)
    >>> detect_language("2024.05.01")
    LanguageGuess(language='und', method='script', confidence=1.0, letters=0)
    """
    read = _ADDRESS.sub(" ", text) if "://" in text or "@" in text or "www." in text else text
    counts = _count_scripts(read)
    language, method, confidence = _decide(read, default, counts)
    # letters counts the addresses too: counted again only when some were taken out
    letters = counts.letters if read is text else sum(map(str.isalpha, text))
    return LanguageGuess(language, method, round(min(max(confidence, 0.0), 1.0), 4), letters)


class LanguageDetector:
    """Memoising detector: repeated texts (menus, footers) are detected once per run.

    Keeps the cache_size most recently used texts; a repeated text returns the same LanguageGuess
    object. Not thread-safe: use one detector per worker.
    """

    def __init__(self, default: str = "en", cache_size: int = DEFAULT_CACHE_SIZE):
        self.default = default
        self.cache_size = cache_size
        self._cache: OrderedDict[str, LanguageGuess] = OrderedDict()

    def detect(self, text: str) -> LanguageGuess:
        """detect_language(text, self.default), answered from the cache when text was seen."""
        guess = self._cache.get(text)
        if guess is not None:
            self._cache.move_to_end(text)
            return guess
        guess = detect_language(text, self.default)
        if self.cache_size > 0:
            self._cache[text] = guess
            if len(self._cache) > self.cache_size:
                self._cache.popitem(last=False)
        return guess


def language_shares(guesses: Iterable[LanguageGuess]) -> dict[str, float]:
    """Share of each language in the letters of guesses, summing to 1; 'und' is left out.

    Weighting by letters lets a page's few short lines in its second language count for what
    they are (page-level detection hides them). {} if no guess has letters.

    >>> language_shares([LanguageGuess("ko", "script", 1.0, 30), LanguageGuess("en", "default", 0.0, 10)])
    {'ko': 0.75, 'en': 0.25}
    """
    letters_by_language: dict[str, int] = {}
    for guess in guesses:
        if guess.language != UNDETERMINED and guess.letters > 0:
            letters_by_language[guess.language] = letters_by_language.get(guess.language, 0) + guess.letters
    total = sum(letters_by_language.values())
    if total == 0:
        return {}
    ranked = sorted(letters_by_language.items(), key=lambda item: (-item[1], item[0]))
    return {language: letters / total for language, letters in ranked}


def document_language(shares: Mapping[str, float]) -> str:
    """The language with the largest share; 'und' if shares is empty.

    Ties go to the alphabetically first language code, so equal shares always give the same
    answer whatever the order of the mapping.
    """
    if not shares:
        return UNDETERMINED
    return min(shares.items(), key=lambda item: (-item[1], item[0]))[0]
