"""transforms/language.py (round 14, mut14): the script rule, the function-word rule, the Latin and other-script
decisions at their documented bounds, as the mutation check of the module left them open (issue 19).

py3langid and langdetect are stood in for (a given answer, a recording factory) only where a bound is on their
answer (the probability floor, langdetect's cut and trials): no real text puts a probability exactly on 0.5."""
from __future__ import annotations

import os
import subprocess
import sys
from types import SimpleNamespace

import numpy as np
import pytest
from langdetect.lang_detect_exception import LangDetectException

from cityclips.transforms import language
from cityclips.transforms.language import (CJK_LETTER_WEIGHT, LANGDETECT_TRIALS, MAX_LANGDETECT_CHARS,
                                           MIN_LANGDETECT_LETTERS, UNDETERMINED, LanguageGuess, detect_language)

ENGLISH = "The city government will extend the opening hours of the civil service center next month."


# --- the script rule: a Hangul syllable weighs CJK_LETTER_WEIGHT Latin letters, more than half decides ----------

def test_three_syllables_outweigh_six_latin_letters_and_not_seven() -> None:
    # 3 x 2.33 = 6.99: over half of 6.99 + 6, under half of 6.99 + 7
    ko = detect_language("시청은 abcdef")
    assert (ko.language, ko.method) == ("ko", "script")
    assert ko.confidence == round(3 * CJK_LETTER_WEIGHT / (3 * CJK_LETTER_WEIGHT + 6), 4)
    assert ko.letters == 9
    latin = detect_language("시청은 abcdefg")
    assert latin.method != "script" and latin.language == "en"


def test_letters_of_other_scripts_weigh_against_hangul_too() -> None:
    # 3 syllables (6.99) against 4 Latin and 3 Cyrillic letters (7): not decided by script
    guess = detect_language("시청은 abcd где")
    assert guess.method != "script"
    ko = detect_language("시청은 abcd гд")  # 6.99 against 6
    assert (ko.language, ko.method) == ("ko", "script")
    assert ko.confidence == round(3 * CJK_LETTER_WEIGHT / (3 * CJK_LETTER_WEIGHT + 6), 4)


def test_hangul_wins_over_as_much_kana_and_kana_over_han() -> None:
    assert detect_language("한글かな").language == "ko"  # one of each: Hangul >= kana
    assert detect_language("한かな").language == "ja"
    assert detect_language("東京都庁です").language == "ja"
    assert detect_language("東京都庁").language == "zh"
    assert detect_language("東京都庁", default="ja").language == "ja"
    assert detect_language("東京都庁", default="ko").language == "zh"
    guess = detect_language("東京都庁 ab")
    assert guess.confidence == round(4 * CJK_LETTER_WEIGHT / (4 * CJK_LETTER_WEIGHT + 2), 4)


def test_each_script_is_counted_with_its_own_letters() -> None:
    # one Latin letter among Hangul: 2 x 2.33 against 1 + 4 others (Cyrillic) is under half
    assert detect_language("시청 a гдеж").method != "script"
    assert detect_language("시청 гдежз").method != "script"  # 4.66 against 5
    assert detect_language("시청 гдеж").method == "script"  # 4.66 against 4
    # accented Latin without CJK letters is Latin, counted by the Latin class
    text = "Le conseil municipal a adopté le budget de l'année prochaine à l'unanimité."
    french = detect_language(text)
    assert french.language == "fr" and french.letters == sum(map(str.isalpha, text))


def test_accented_latin_letters_count_as_latin_against_other_scripts() -> None:
    # 'éééé' are Latin letters: 4 Latin against 3 Cyrillic goes to the Latin decision, not to langdetect
    guess = detect_language("éééé где")
    assert (guess.language, guess.method) == ("en", "default")
    other = detect_language("éé где")  # 2 Latin against 3 Cyrillic: the other scripts' decision
    assert other.method in ("langdetect", "default") and other.language != "en"


@pytest.mark.parametrize("text, letters", [("시청 민원실", 5), ("abc 시청", 5), ("東京 かな 한", 5), ("ab гд", 4)])
def test_letters_counts_every_letter_whatever_its_script(text: str, letters: int) -> None:
    assert detect_language(text).letters == letters


def test_no_letters_is_undetermined_and_sure() -> None:
    assert detect_language("2024.05.01 12:30") == LanguageGuess(UNDETERMINED, "script", 1.0, 0)


# --- Latin text: the letters floor, the fallback, the function words ------------------------------------------

def test_nineteen_latin_letters_get_the_default_and_twenty_go_further() -> None:
    short = "abcdefghij klmnopqrs"  # 19 letters
    assert detect_language(short, default="fr") == LanguageGuess("fr", "default", 0.0, 19)
    assert detect_language(short, default="ko") == LanguageGuess("en", "default", 0.0, 19)
    sixteen = "the city of the town"  # 16 letters: still the default
    assert detect_language(sixteen, default="fr").method == "default"
    twenty = "the city and the port of a"  # exactly 20 letters: the rules read it
    assert detect_language(twenty, default="fr") == LanguageGuess("en", "function_words", 1.0, 20)
    enough = "the city and the town of the port"  # 26 letters, 8 words, 5 function words
    assert detect_language(enough, default="fr") == LanguageGuess("en", "function_words", 1.0, 26)


def test_the_letters_floor_counts_latin_letters_not_hangul() -> None:
    # 19 Latin letters among Korean that does not decide by script: the default, not the model
    text = "시청 abcdefghij klmnopqrs"
    guess = detect_language(text, default="fr")
    assert (guess.language, guess.method) == ("fr", "default")


def test_six_words_with_a_fifth_function_words_are_english_without_the_model() -> None:
    # 10 words, 2 function words: exactly the share
    text = "the Gwangju budget committee approved of tramline plans yesterday evening"
    guess = detect_language(text, default="fr")
    assert (guess.language, guess.method, guess.confidence) == ("en", "function_words", 1.0)
    # 11 words, 2 function words: under a fifth, the model decides
    assert detect_language(text + " quickly", default="fr").method != "function_words"
    # five words are too few, whatever their share
    assert detect_language("the city and the harbourfront", default="fr").method != "function_words"
    six = detect_language("the city and the harbour front", default="fr")
    assert (six.language, six.method) == ("en", "function_words")


def test_function_words_are_read_case_blind_and_another_languages_word_sends_to_the_model() -> None:
    assert detect_language("THE CITY AND THE HARBOUR FRONT", default="fr").method == "function_words"
    assert detect_language("the city and the harbour und front", default="fr").method != "function_words"


class _Answer:
    """A stand-in for py3langid's identifier: a given answer, the text it was asked about recorded."""

    def __init__(self, answer: tuple[str, float]):
        self.answer, self.asked = answer, []

    def classify(self, text: str) -> tuple[str, float]:
        self.asked.append(text)
        return self.answer


@pytest.fixture
def answer(monkeypatch: pytest.MonkeyPatch):
    def given(language_code: str, probability: float) -> _Answer:
        stand_in = _Answer((language_code, probability))
        monkeypatch.setattr(language, "_latin_identifier", lambda: stand_in)
        return stand_in
    return given


HEADLINE = "Gwangju Biennale Foundation announces artistic director"  # no function words: the model decides
HEADLINE_LETTERS = sum(map(str.isalpha, HEADLINE))


def test_an_answer_other_than_the_fallback_needs_half_the_probability(answer) -> None:
    answer("fr", 0.5)
    assert detect_language(HEADLINE) == LanguageGuess("fr", "langid", 0.5, HEADLINE_LETTERS)
    answer("fr", 0.4999)
    assert detect_language(HEADLINE) == LanguageGuess("en", "default", 0.0, HEADLINE_LETTERS)
    answer("fr", 0.4999)
    assert detect_language(HEADLINE, default="de") == LanguageGuess("de", "default", 0.0, HEADLINE_LETTERS)


def test_the_fallback_itself_is_taken_at_any_probability(answer) -> None:
    answer("en", 0.1)
    assert detect_language(HEADLINE) == LanguageGuess("en", "langid", 0.1, HEADLINE_LETTERS)
    answer("en", 0.1)
    assert detect_language(HEADLINE, default="ko") == LanguageGuess("en", "langid", 0.1, HEADLINE_LETTERS)  # CJK site: English
    answer("de", 0.1)
    assert detect_language(HEADLINE, default="de") == LanguageGuess("de", "langid", 0.1, HEADLINE_LETTERS)


def test_the_model_reads_latin_text_without_its_hangul(answer) -> None:
    asked = answer("en", 0.9)
    text = "광주 Gwangju Biennale Foundation announces artistic director"
    guess = detect_language(text, default="ko")
    assert (guess.language, guess.method) == ("en", "langid")
    assert asked.asked == ["  " + text[2:]]  # each syllable a space
    asked = answer("en", 0.9)
    detect_language(HEADLINE)
    assert asked.asked == [HEADLINE]  # all Latin: the text as it is


def test_a_latin_text_without_cjk_letters_reaches_the_model_as_written(answer) -> None:
    # '・' (U+30FB, the middle dot of Korean and Japanese typesetting) is in the CJK class but is no letter: with no
    # CJK letter in the text, the text goes to the model unchanged (py3langid scores the dot: 0.59 against 0.65)
    asked = answer("en", 0.9)
    text = "Gwangju・Biennale・Foundation announces artistic director"
    detect_language(text)
    assert asked.asked == [text]
    asked = answer("en", 0.9)
    detect_language("광주・Biennale Foundation announces artistic director")
    assert asked.asked == ["   Biennale Foundation announces artistic director"]  # with a CJK letter: both go


def test_a_real_headline_reaches_the_model_and_gets_its_language() -> None:
    guess = detect_language(HEADLINE)
    assert (guess.language, guess.method) == ("en", "langid") and 0.5 <= guess.confidence <= 1.0
    german = detect_language("Stadtverwaltung verlängert Öffnungszeiten des Bürgerbüros deutlich")
    assert (german.language, german.method) == ("de", "langid")


# --- other scripts: langdetect, cut and trials ------------------------------------------------------------------

class _Detector:
    def __init__(self, found):
        self.found, self.texts, self.n_trial = found, [], None

    def append(self, text: str) -> None:
        self.texts.append(text)

    def get_probabilities(self):
        if isinstance(self.found, Exception):
            raise self.found
        return self.found


class _Factory:
    def __init__(self, found):
        self.found, self.made = found, []

    def create(self) -> _Detector:
        self.made.append(_Detector(self.found))
        return self.made[-1]


class _Lang:
    def __init__(self, lang: str, prob: float):
        self.lang, self.prob = lang, prob


def test_langdetect_reads_up_to_its_limit_cut_at_a_space() -> None:
    factory = _Factory([_Lang("ru", 0.9), _Lang("uk", 0.1)])
    words = "слово " * 30  # 180 characters
    assert language._langdetect(factory, words) == [("ru", 0.9), ("uk", 0.1)]
    (detector,) = factory.made
    cut = words.rfind(" ", 0, MAX_LANGDETECT_CHARS + 1)
    assert detector.texts == [words[:cut]] and detector.n_trial == LANGDETECT_TRIALS


def test_langdetect_cuts_a_text_of_long_words_at_its_limit() -> None:
    factory = _Factory([_Lang("ru", 1.0)])
    text = "а" * 30 + " " + "б" * 100  # the only space before the limit is in its first half: cut at the limit
    language._langdetect(factory, text)
    assert factory.made[0].texts == [text[:MAX_LANGDETECT_CHARS]]
    factory = _Factory([_Lang("ru", 1.0)])
    text = "а" * 40 + " " + "б" * 100  # a space at exactly half the limit is not past it: cut at the limit
    language._langdetect(factory, text)
    assert factory.made[0].texts == [text[:MAX_LANGDETECT_CHARS]]
    factory = _Factory([_Lang("ru", 1.0)])
    text = "а" * 41 + " " + "б" * 100  # a space past the first half: cut there
    language._langdetect(factory, text)
    assert factory.made[0].texts == [text[:41]]


def test_langdetect_cuts_at_a_space_up_to_the_limit_and_not_after_it() -> None:
    for at, expected in ((MAX_LANGDETECT_CHARS, MAX_LANGDETECT_CHARS), (MAX_LANGDETECT_CHARS + 1, MAX_LANGDETECT_CHARS),
                         (MAX_LANGDETECT_CHARS - 1, MAX_LANGDETECT_CHARS - 1)):
        factory = _Factory([_Lang("ru", 1.0)])
        text = "а" * at + " " + "б" * 100
        language._langdetect(factory, text)
        assert factory.made[0].texts == [text[:expected]], at


def test_langdetect_reads_a_text_of_its_limit_whole() -> None:
    for length in (MAX_LANGDETECT_CHARS, MAX_LANGDETECT_CHARS + 1):
        factory = _Factory([_Lang("ru", 1.0)])
        text = ("где " * 30)[:length]
        language._langdetect(factory, text)
        expected = text if length == MAX_LANGDETECT_CHARS else text[:text.rfind(" ", 0, MAX_LANGDETECT_CHARS + 1)]
        assert factory.made[0].texts == [expected]


def test_langdetect_finding_nothing_is_no_answer() -> None:
    assert language._langdetect(_Factory(LangDetectException(0, "no features")), "где") == []


def test_other_scripts_get_langdetects_first_answer_or_undetermined(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(language, "_other_script_factory", lambda: _Factory([_Lang("uk", 0.75), _Lang("ru", 0.25)]))
    assert detect_language("Київ міська рада") == LanguageGuess("uk", "langdetect", 0.75, 14)
    monkeypatch.setattr(language, "_other_script_factory", lambda: _Factory(LangDetectException(0, "none")))
    assert detect_language("Київ міська рада") == LanguageGuess(UNDETERMINED, "default", 0.0, 14)


def test_real_langdetect_is_seeded_and_reads_only_other_script_profiles() -> None:
    first = language._langdetect(language._load_factory(["ru", "uk", "bg"]), "Київ міська рада")
    again = language._langdetect(language._load_factory(["ru", "uk", "bg"]), "Київ міська рада")
    assert first == again and first and {code for code, _ in first} <= {"ru", "uk", "bg"}
    assert detect_language("Москва и Санкт-Петербург").language == "ru"
    assert detect_language("Αθήνα και Θεσσαλονίκη").language == "el"


def test_as_many_latin_as_other_letters_go_to_the_latin_decision() -> None:
    assert detect_language("abc где").method == "default" and detect_language("abc где").language == "en"
    assert detect_language("abc где", default="ko").language == "en"


# --- addresses ------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("address", ["http://www.gwangju.go.kr/board", "www.seoul.go.kr", "mayor@gwangju.go.kr",
                                     "ftp://files.city.kr/a"])
def test_an_address_has_letters_but_no_language(address: str) -> None:
    guess = detect_language(address)
    assert (guess.language, guess.method) == (UNDETERMINED, "script")
    assert guess.letters == sum(map(str.isalpha, address))


def test_korean_beside_an_address_is_korean_and_counts_the_addresss_letters() -> None:
    text = "문의 mayor@gwangju.go.kr"
    guess = detect_language(text)
    assert (guess.language, guess.method, guess.confidence) == ("ko", "script", 1.0)
    assert guess.letters == sum(map(str.isalpha, text))


def test_a_text_without_an_address_is_read_as_it_is() -> None:
    # 'at' and '.' are no address: the letters are the text's own
    guess = detect_language(ENGLISH)
    assert (guess.language, guess.method) == ("en", "function_words")
    assert guess.letters == sum(map(str.isalpha, ENGLISH))


@pytest.mark.parametrize("text", ["Q&A", "OK", "TV", "a"])
@pytest.mark.parametrize("default", ["ko", "en"])
def test_a_short_ascii_line_has_no_cjk_letters(text: str, default: str) -> None:
    # 'Q&A' on a Korean site's menu: one CJK letter counted by mistake would outweigh two Latin letters
    assert detect_language(text, default=default) == LanguageGuess("en", "default", 0.0, sum(map(str.isalpha, text)))


def _english_of(letters: int) -> str:
    """English prose (a fifth or more function words) of exactly `letters` Latin letters."""
    words, count = [], 0
    sentence = "the city and the port of the region will open the new market to the public in the spring".split()
    while count < letters:
        word = sentence[len(words) % len(sentence)][: letters - count]
        words.append(word)
        count += len(word)
    return " ".join(words)


def test_hangul_carrying_exactly_half_the_weight_does_not_decide() -> None:
    # 100 syllables weigh 233.0 (exactly, in floats) against 233 Latin letters: a share of exactly 0.5 is not "more
    # than half", so the Latin text decides; one syllable more is over half
    english = _english_of(233)
    assert sum(map(str.isalpha, english)) == 233
    half = detect_language("시청 " * 50 + english, default="ko")
    assert (half.language, half.method) == ("en", "function_words")
    over = detect_language("시청 " * 50 + "구 " + english, default="ko")
    assert (over.language, over.method) == ("ko", "script")


def test_langdetect_profiles_are_read_as_utf8_whatever_the_locale() -> None:
    # a worker started under the C locale without UTF-8 mode reads files as ASCII by default; the profiles hold
    # non-ASCII n-grams, so they are read as UTF-8 by name
    russian = "Москва и Санкт-Петербург".encode("unicode_escape").decode("ascii")  # an ASCII command line
    script = ("from cityclips.transforms import language\n"
              f"print(language._langdetect(language._load_factory(['ru', 'uk']), '{russian}')[0][0])")
    env = dict(os.environ, LC_ALL="C", LANG="C", PYTHONUTF8="0", PYTHONCOERCECLOCALE="0", PYTHONIOENCODING="utf-8")
    out = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.strip() == "ru"


def test_the_automatons_depth_is_its_longest_ngram_counted_from_the_start_state() -> None:
    # a hand-made automaton of one n-gram 'ab': start -a-> 1 -b-> 2, every other byte back to the start ('a' to 1)
    moves = np.zeros(3 * 256, dtype=np.intp)
    for state in range(3):
        moves[state * 256 + ord("a")] = 1
    moves[1 * 256 + ord("b")] = 2
    automaton = SimpleNamespace(_moves=moves, _rows=np.array([0, 256, 512], dtype=np.intp))
    assert language._WindowedIdentifier._automaton_depth(automaton) == 2


def test_an_automaton_without_ngrams_is_no_byte_deep() -> None:
    # every byte leads back to the start state: the start is not found again as a state one byte away
    automaton = SimpleNamespace(_moves=np.zeros(256, dtype=np.intp), _rows=np.array([0], dtype=np.intp))
    assert language._WindowedIdentifier._automaton_depth(automaton) == 0


def _library_score(identifier, text: bytes):
    return super(language._WindowedIdentifier, identifier)._raw_score(text)


@pytest.mark.parametrize("text", [
    'The mayor said:\n"All city offices will open on Saturday for the civil service day."',
    '시장은 이렇게 말했다:\n"All city offices will open on Saturday," 광주광역시 시민 여러분께 알립니다.',
])
def test_the_models_first_ngram_is_counted_by_the_windowed_walk(text: str) -> None:
    # feature 0 of the shipped model is the n-gram '\n"A': a feature index of 0 is a feature, not 'none' (-1)
    identifier = language._latin_identifier()
    encoded = identifier._encode(text)
    assert len(encoded) >= language.WINDOWED_WALK_BYTES and b'\n"A' in encoded
    assert np.array_equal(identifier._raw_score(encoded), _library_score(identifier, encoded))
    assert identifier._counts(encoded)[0] == 1


def test_a_long_text_without_ngrams_scores_as_the_library_scores_it() -> None:
    identifier = language._latin_identifier()
    encoded = b"\x00" * 70  # no n-gram of the model: the windowed walk finds none and the library scores it
    assert identifier._counts(encoded) is None
    assert np.array_equal(identifier._raw_score(encoded), _library_score(identifier, encoded))
