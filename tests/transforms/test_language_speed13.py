"""language's widened model table (float32, row order): the same scores as py3langid's own float16 table,
to the last bit, on Korean, English and other Latin texts, short (the library's walk) and long (the windowed one)."""
from __future__ import annotations

from functools import cache

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st
from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

from cityclips.transforms import language
from cityclips.transforms.language import _latin_identifier


@cache
def _library() -> LanguageIdentifier:
    plain = LanguageIdentifier.from_modelpath(MODEL_DIR / MODEL_FILE, norm_probs=True)
    plain.set_languages(list(language.LATIN_CANDIDATES))
    return plain


def test_the_table_is_widened_in_row_order():
    table = _latin_identifier().nb_ptc
    assert table.dtype == np.float32 and table.flags["C_CONTIGUOUS"]
    assert table.shape == _library().nb_ptc.shape
    assert (table == _library().nb_ptc.astype(np.float32)).all()


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from("abcdefghijklmnopqrstuvwxyzäöüéèàñç ABCDEFG.,'-0123456789광주시청민원 "),
               min_size=1, max_size=400))
def test_scores_are_the_librarys_to_the_last_bit(text):
    ours, plain = _latin_identifier()._decide(text), _library()._decide(text)
    assert ours.dtype == plain.dtype and ours.tobytes() == plain.tobytes()


def test_answers_are_the_librarys_in_korean_english_and_other_languages():
    for text in ("The city council approved the new budget for public transport on Tuesday evening",
                 "Die Stadtverwaltung hat heute neue Regeln für den Verkehr bekannt gegeben",
                 "광주광역시는 Smart City 정책 설명회를 개최합니다 (Gwangju Metropolitan City)", "Q&A"):
        assert _latin_identifier().classify(text) == _library().classify(text)
