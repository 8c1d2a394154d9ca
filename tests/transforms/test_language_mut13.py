"""transforms/language.py (round 13, mut13): language_shares and LanguageDetector's cache, as the mutation check of
those functions left them open (issue 19; a partial run: the rest of language.py was not checked this round)."""
from __future__ import annotations

from cityclips.transforms.language import DEFAULT_CACHE_SIZE, LanguageDetector, LanguageGuess, language_shares


def _guess(language: str, letters: int) -> LanguageGuess:
    return LanguageGuess(language, "script", 1.0, letters)


def test_shares_sum_the_letters_of_each_language_largest_first() -> None:
    shares = language_shares([_guess("en", 10), _guess("ko", 10), _guess("ko", 20)])
    assert shares == {"ko": 0.75, "en": 0.25} and list(shares) == ["ko", "en"]


def test_equal_shares_are_ordered_by_language_code() -> None:
    assert list(language_shares([_guess("ko", 10), _guess("en", 10)])) == ["en", "ko"]


def test_one_letter_counts_and_guesses_without_letters_do_not() -> None:
    assert language_shares([_guess("ko", 1)]) == {"ko": 1.0}
    assert language_shares([_guess("en", 0), _guess("ko", 3)]) == {"ko": 1.0}
    assert language_shares([_guess("und", 5), _guess("en", 0)]) == {}


def test_the_detector_answers_with_its_sites_default() -> None:
    assert LanguageDetector().default == "en" and LanguageDetector().cache_size == DEFAULT_CACHE_SIZE
    assert LanguageDetector().detect("page print").language == "en"
    assert LanguageDetector("fr").detect("page print").language == "fr"  # short Latin text: the site's default
    assert LanguageDetector("ko").detect("인쇄하기").language == "ko"


def test_the_cache_keeps_as_many_texts_as_its_size() -> None:
    one = LanguageDetector(cache_size=1)
    assert one.detect("page print") is one.detect("page print")
    two = LanguageDetector(cache_size=2)
    first = two.detect("page print")
    two.detect("인쇄하기")
    assert two.detect("page print") is first  # two texts fit
    two.detect("목록으로")
    two.detect("Back to list")
    assert two.detect("page print") is not first  # the least recently used went
