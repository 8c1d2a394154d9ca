"""Language detection: script rule, English function words, Latin text through py3langid, other scripts
through seeded langdetect, shares, memoising."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from cityclips.transforms.language import (LanguageDetector, LanguageGuess, detect_language, document_language,
                                 language_shares)

ROOT = Path(__file__).resolve().parents[2]
KOREAN = "서울시는 다음 달부터 시청 민원실 운영 시간을 오후 9시까지 연장한다고 밝혔다."
ENGLISH = "The city government will extend the opening hours of the civil service center next month."
# Mid-length English that reaches langdetect (20+ letters) and is not trivially English.
LANGDETECT_TEXTS = [
    "the United States suspended",
    "called the supercomputer the",
    "has a mind-boggling amount of other uses",
    "Livermore National Laboratory mainly",
    "circonstances bien malheureux et tristes",
    "Markets in Asia are broadly lower",
]


def test_korean_line_is_korean_by_script():
    guess = detect_language(KOREAN)
    assert (guess.language, guess.method) == ("ko", "script")
    assert guess.confidence == 1.0
    assert guess.letters == sum(ch.isalpha() for ch in KOREAN)


def test_english_prose_is_english_by_its_function_words():
    guess = detect_language(ENGLISH)
    assert (guess.language, guess.method) == ("en", "function_words")
    assert guess.confidence > 0.5


def test_english_headline_without_function_words_goes_to_the_model():
    guess = detect_language("Gwangju Mayor Announces Twenty Key Initiatives Regarding Artificial Intelligence")
    assert (guess.language, guess.method) == ("en", "langid")
    assert guess.confidence > 0.5


def test_french_prose_is_not_taken_for_english_by_the_fast_path():
    guess = detect_language("Le maire de la ville a présenté les projets pour les trois prochaines années.")
    assert (guess.language, guess.method) == ("fr", "langid")


@pytest.mark.parametrize("language, text", [
    ("de", "Der Bürgermeister hat heute die neuen Pläne für den Hauptbahnhof der Stadt vorgestellt."),
    ("es", "El ayuntamiento ampliará el horario de atención al público a partir del próximo mes."),
    ("pt", "A prefeitura vai ampliar o horário de atendimento ao público a partir do próximo mês."),
    ("fr", "La mairie prolongera les horaires d'ouverture du guichet à partir du mois prochain."),
    ("it", "Il comune prolungherà l'orario di apertura dello sportello a partire dal mese prossimo."),
    ("nl", "De gemeente verlengt vanaf volgende maand de openingstijden van het klantcentrum."),
    ("vi", "Thành phố sẽ kéo dài giờ mở cửa của trung tâm hành chính từ tháng sau."),
])
def test_every_latin_language_of_langdetect_can_be_the_answer(language, text):
    guess = detect_language(text, default="ko")
    assert (guess.language, guess.method) == (language, "langid")


def test_a_german_page_on_a_german_site_keeps_its_short_lines_german():
    assert detect_language("Seite drucken", default="de").language == "de"
    assert detect_language("Die Stadt hat heute die neuen Pläne vorgestellt.", default="de").language == "de"


def test_an_unsure_answer_falls_back_to_the_site_language():
    # Mixed, name-heavy Latin text: no language holds over half of the model's probability.
    guess = detect_language("Kori Schulman Capitol Hill Obama Kennedy", default="en")
    assert guess.language == "en"


def test_korean_sentence_with_english_name_is_korean():
    text = "버락 Obama 대통령은 오늘 청와대에서 이명박 대통령과 정상회담을 가졌다."
    guess = detect_language(text)
    assert (guess.language, guess.method) == ("ko", "script")


def test_korean_sentence_with_english_phrase_is_korean():
    text = ("가수 겸 작곡가인 롭 피셔가 이번 행사를 총괄하며 million in "
            "뉴욕 팝스 오케스트라가 연주할 예정이다.")
    assert detect_language(text).language == "ko"


def test_english_sentence_with_korean_phrase_is_english():
    text = "But McCain didn't 경제학 교수인 후버는 say at the time that he opposed the measure."
    guess = detect_language(text)
    assert guess.language == "en"
    assert guess.method in ("function_words", "langdetect")


def test_japanese_kana_is_japanese():
    assert detect_language("東京都は来月から新しい制度を始めます").language == "ja"
    assert detect_language("ひらがなとカタカナ").method == "script"


def test_chinese_han_only_is_chinese():
    guess = detect_language("首尔市政府宣布将延长市民服务中心的开放时间")
    assert (guess.language, guess.method) == ("zh", "script")


def test_han_only_text_on_a_japanese_site_is_japanese():
    assert detect_language("東京都庁総務局", default="ja").language == "ja"
    assert detect_language("東京都庁総務局", default="ko").language == "zh"


def test_japanese_prose_with_mostly_kanji_is_japanese():
    assert detect_language("光州広域市は来月から市民相談室の運営時間を延長すると発表した。").language == "ja"


def test_korean_with_hanja_is_korean():
    assert detect_language("에너지省의 핵 안보 차관인 존 고든 장군").language == "ko"


@pytest.mark.parametrize("text", ["2024.05.01", "http://x.y/z", "", "   ", "12:30 ~ 18:00", "www.seoul.go.kr",
                                  "help@seoul.go.kr", "☎ 02-120"])
def test_text_without_language_is_undetermined(text):
    guess = detect_language(text)
    assert guess.language == "und"
    assert guess.method == "script"
    assert 0.0 <= guess.confidence <= 1.0


def test_address_letters_still_counted():
    assert detect_language("http://x.y/z").letters == 4 + 3


def test_short_english_gets_the_default():
    guess = detect_language("page print")
    assert (guess.language, guess.method, guess.confidence) == ("en", "default", 0.0)


def test_short_latin_respects_a_latin_default():
    assert detect_language("page print", default="fr").language == "fr"


def test_short_latin_never_gets_a_cjk_default():
    # Decided: Latin script cannot be Korean, so a Korean site's short English line stays English.
    guess = detect_language("page print", default="ko")
    assert (guess.language, guess.method) == ("en", "default")
    assert detect_language("인쇄", default="en").language == "ko"  # and short Korean is Korean


def test_long_english_on_a_korean_site_is_english():
    assert detect_language(ENGLISH, default="ko").language == "en"


def test_french_sentence_is_french():
    guess = detect_language("Je vois dans cette histoire un concours de circonstances bien malheureux.")
    assert (guess.language, guess.method) == ("fr", "langid")


def test_other_scripts_go_to_langdetect():
    assert detect_language("Привет, как дела у тебя сегодня").language == "ru"


def test_same_text_same_label_within_a_process():
    first = [detect_language(text) for text in LANGDETECT_TEXTS]
    detect_language(ENGLISH)
    assert [detect_language(text) for text in reversed(LANGDETECT_TEXTS)] == first[::-1]


@pytest.mark.slow
def test_same_labels_in_two_processes():
    code = ("import sys; from cityclips.transforms.language import detect_language; "
            "print([detect_language(t) for t in sys.argv[1:]])")
    runs = [subprocess.run([sys.executable, "-c", code, *LANGDETECT_TEXTS], capture_output=True, text=True,
                           check=True, cwd=ROOT, env={**os.environ, "PYTHONHASHSEED": seed}).stdout
            for seed in ("1", "2")]
    assert runs[0] == runs[1]
    assert "langid" in runs[0]


def test_shares_are_weighted_by_letters():
    guesses = [LanguageGuess("ko", "script", 1.0, 30), LanguageGuess("en", "default", 0.0, 10),
               LanguageGuess("und", "script", 1.0, 7), LanguageGuess("ko", "script", 0.8, 20)]
    assert language_shares(guesses) == {"ko": 50 / 60, "en": 10 / 60}


def test_shares_of_a_real_page_count_the_minority_language():
    lines = [KOREAN, KOREAN.replace("9시", "10시"), "Contact", ENGLISH, "2024.05.01"]
    shares = language_shares(detect_language(line, default="ko") for line in lines)
    assert set(shares) == {"ko", "en"}
    assert shares["en"] == pytest.approx((7 + sum(ch.isalpha() for ch in ENGLISH)) /
                                         sum(ch.isalpha() for line in lines for ch in line))
    assert sum(shares.values()) == pytest.approx(1.0)


def test_shares_empty_without_letters():
    assert language_shares([]) == {}
    assert language_shares([LanguageGuess("und", "script", 1.0, 0)]) == {}


def test_document_language_is_the_largest_share():
    assert document_language({"en": 0.3, "ko": 0.7}) == "ko"
    assert document_language({}) == "und"


def test_document_language_breaks_ties_the_same_way_in_any_order():
    assert document_language({"ko": 0.5, "en": 0.5}) == document_language({"en": 0.5, "ko": 0.5}) == "en"


def test_cache_hit_returns_the_same_object():
    detector = LanguageDetector(default="ko")
    first = detector.detect("page print")
    assert detector.detect("page print") is first
    assert first == detect_language("page print", default="ko")


def test_cache_keeps_only_the_most_recent_texts():
    detector = LanguageDetector(cache_size=1)
    first = detector.detect(KOREAN)
    detector.detect(ENGLISH)
    again = detector.detect(KOREAN)
    assert again == first and again is not first


def test_cache_size_zero_stores_nothing():
    detector = LanguageDetector(cache_size=0)
    assert detector.detect(KOREAN) is not detector.detect(KOREAN)


@settings(max_examples=200, deadline=None)
@given(st.one_of(st.text(max_size=200), st.text(st.characters(max_codepoint=0x24F), max_size=200)),
       st.sampled_from(["en", "ko", "fr", "und"]))
def test_any_text_never_raises(text, default):
    guess = detect_language(text, default)
    assert 0.0 <= guess.confidence <= 1.0
    assert guess.method in {"script", "function_words", "langid", "langdetect", "default"}
    assert guess.letters == sum(ch.isalpha() for ch in text)
    assert guess.language and (guess.language != "und" or guess.method in {"script", "default"})


@settings(max_examples=50, deadline=None)
@given(st.text(st.characters(min_codepoint=0xAC00, max_codepoint=0xD7A3), min_size=1, max_size=40),
       st.text(st.sampled_from("abcdefghij "), max_size=10))
def test_hangul_dominated_text_is_korean(hangul, latin):
    assume(sum(ch.isalpha() for ch in latin) < 2 * len(hangul))  # Hangul weighs 2.33 letters each
    assert detect_language(hangul + " " + latin).language == "ko"
