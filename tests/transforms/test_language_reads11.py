"""language's windowed n-gram walk: the same feature counts, in the same order, as py3langid's byte-by-byte
walk, so the same scores and answers (Korean and English texts, and the other Latin languages)."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier, visit_counts

from cityclips.transforms import language
from cityclips.transforms.language import WINDOWED_WALK_BYTES, _latin_identifier

TEXTS = [
    "The city council approved the new budget for public transport and road repairs on Tuesday evening",
    "Die Stadtverwaltung hat heute neue Regeln für den Verkehr in der Innenstadt bekannt gegeben",
    "La mairie a annoncé hier de nouvelles règles pour la circulation dans le centre-ville",
    "광주광역시는 시민 여러분의 의견을 듣기 위해 Smart City 정책 설명회를 개최합니다 (Gwangju Metropolitan City)",
    "Press release | Mayor's Office | 2024-05-01 | Contact: 062-613-2114 | www.gwangju.go.kr",
]


def _library_counts(identifier, encoded: bytes):
    return visit_counts(identifier.tk_nextmove, identifier._rowbase, identifier.tk_output, encoded)


def _same(identifier, text: str) -> None:
    encoded = identifier._encode(text)
    expected = _library_counts(identifier, encoded)
    found = identifier._counts(encoded)
    assert (found is None) == (expected is None)
    if expected:
        assert list(found.items()) == list(expected.items())  # keys in order of first sight: the same float sums


def test_the_automaton_is_six_bytes_deep():
    assert _latin_identifier()._depth == 6


def test_windowed_counts_are_the_library_walks_in_korean_english_and_other_languages():
    identifier = _latin_identifier()
    for text in TEXTS:
        _same(identifier, text)
        _same(identifier, text * 5)  # long texts, the ones the windowed walk takes


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from("abcdefghijklmnopqrstuvwxyzäöüéèà ABCDEFG.,'-0123456789광주시청민원"),
               min_size=6, max_size=300))
def test_windowed_counts_match_on_any_text(text):
    _same(_latin_identifier(), text)


def test_scores_and_answers_are_the_librarys():
    plain = LanguageIdentifier.from_modelpath(MODEL_DIR / MODEL_FILE, norm_probs=True)
    plain.set_languages(list(language.LATIN_CANDIDATES))
    ours = _latin_identifier()
    for text in TEXTS:
        long = text * 3
        assert len(ours._encode(long)) >= WINDOWED_WALK_BYTES
        assert ours.classify(long) == plain.classify(long)
        assert (ours._decide(long) == plain._decide(long)).all()
