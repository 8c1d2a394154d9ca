"""Quotes and speakers: cases the mutation run of transforms/quotes.py showed no test pinned (issue 19).

Each test states what a reader of the quotes table would see go wrong: a speaker lost, a speaker
that runs on into the sentence, a word of the quote cut off, a quote swallowed by the next one.
"""
from __future__ import annotations

from cityclips.transforms.quotes import extract_quotes
from cityclips.transforms.records import Segment


def found(*texts: str) -> list[tuple]:
    """(speaker, speaker as written, quote text) of each quote in paragraphs made of texts."""
    segments = [Segment(seq=i, kind="paragraph", text=t) for i, t in enumerate(texts)]
    return [(q.speaker, q.speaker_as_written, q.text) for q in extract_quotes(segments)]


def speakers(*texts: str) -> list[str | None]:
    return [quote[0] for quote in found(*texts)]


# --- where a quote starts and ends ------------------------------------------------------------

def test_a_one_letter_term_in_quotes_does_not_swallow_the_next_quote() -> None:
    assert found("The city rated the plan “A” and Mayor Kang said, “We will start building in May.”") == [
        ("Mayor Kang", "Mayor Kang", "We will start building in May.")]
    assert found("시는 “A” 등급을 받았다. 강 시장은 “시민 여러분께 감사드린다”고 말했다.") == [
        ("강 시장", "강 시장", "시민 여러분께 감사드린다")]


def test_a_trailing_comma_is_cut_and_nothing_else() -> None:
    assert found("“We welcome the investment from SpaceX,” said Mayor Kang.") == [
        ("Mayor Kang", "Mayor Kang", "We welcome the investment from SpaceX")]


# --- Korean speakers before the quote ----------------------------------------------------------

def test_a_quote_right_after_a_titled_subject_is_speech_without_a_verb() -> None:
    assert found("강기정 시장은 “시민의 안전이 최우선이다.”") == [("강기정 시장", "강기정 시장", "시민의 안전이 최우선이다.")]
    # the opening mark glued to the subject, as scrapes often leave it
    assert found("강기정 시장은“시민의 안전이 최우선이다.”") == [("강기정 시장", "강기정 시장", "시민의 안전이 최우선이다.")]


def test_a_korean_sentence_quoting_english_keeps_its_korean_speaker() -> None:
    assert found("강 시장은 “We are ready for the AI era”라고 말했다.") == [
        ("강 시장", "강 시장", "We are ready for the AI era")]


def test_an_untitled_topic_opening_the_sentence_speaks_with_words_between() -> None:
    assert speakers("에릭 트럼프는 이날 행사에서 “비트코인만큼 안전한 재화는 없다”고 말했다.") == ["에릭 트럼프"]
    assert speakers("이날 행사에서 에릭 트럼프는 “비트코인만큼 안전한 재화는 없다”고 말했다.") == ["에릭 트럼프"]
    # straight quotes, and the opening mark glued to the topic
    assert speakers('에릭 트럼프는 "비트코인만큼 안전한 재화는 없다"고 말했다.') == ["에릭 트럼프"]
    assert speakers("에릭 트럼프는“비트코인만큼 안전한 재화는 없다”고 말했다.") == ["에릭 트럼프"]


def test_a_comma_after_the_topic_does_not_lose_the_speaker() -> None:
    assert speakers("에릭 트럼프는, “비트코인만큼 안전한 재화는 없다”고 말했다.") == ["에릭 트럼프"]


def test_two_speakers_in_one_sentence_each_keep_their_quote() -> None:
    # 'A는 “...”, B는 “...”고 말했다': the second quote is B's, not A's from before the first quote
    assert speakers("강 시장은 “광주 투자를 환영한다”, 에릭 트럼프는 이날 “한국 투자를 늘리겠다”고 말했다.") == [
        "강 시장", "에릭 트럼프"]


def test_the_speaker_phrase_stops_at_clause_words_and_time_words() -> None:
    assert speakers("이날 광주시 관계자는 “불편을 최소화하도록 노력하겠다”고 말했다.") == ["광주시 관계자"]
    assert speakers("이날 행사에서 광주시 관계자는 “불편을 최소화하도록 노력하겠다”고 말했다.") == ["광주시 관계자"]


def test_the_speaker_phrase_is_at_most_six_words() -> None:
    assert speakers("행사 첫날 블라디미르 테네브 로빈후드 공동창업자 겸 최고경영자(CEO)는 “토큰화 증권이 미래가 될 것”이라고 밝혔다.") == [
        "블라디미르 테네브 로빈후드 공동창업자 겸 최고경영자(CEO)"]


def test_latin_words_in_a_korean_speaker_phrase_are_kept() -> None:
    assert speakers("구광모 LG 회장은 “미래 인재에 과감히 투자하겠다”고 말했다.") == ["구광모 LG 회장"]
    assert speakers("전항일 eBay 코리아 대표는 “판매자와 함께 성장하겠다”고 말했다.") == ["전항일 eBay 코리아 대표"]


def test_a_time_word_as_topic_is_not_a_speaker() -> None:
    # '이날은' is a topic but says when: the speaker is the subject of the sentence before
    assert speakers("강기정 시장은 15일 개막식에 참석했다. 이날은 “광주의 미래는 청년에게 있다”고 강조했다.") == ["강기정 시장"]


def test_a_pronoun_opening_the_sentence_is_written_as_the_pronoun() -> None:
    assert found("김 국장은 “돌봄 공백을 반드시 메우겠다”고 말했다. 그가 거듭 “공공이 끝까지 책임지겠다”고 강조했다.") == [
        ("김 국장", "김 국장", "돌봄 공백을 반드시 메우겠다"), ("김 국장", "그", "공공이 끝까지 책임지겠다")]


# --- Korean speakers after the quote -------------------------------------------------------------

def test_a_speaker_named_after_the_quote_with_a_comma() -> None:
    assert speakers("“앞으로도 시민과 소통하겠다”고 강기정 시장은, 힘주어 말했다.") == ["강기정 시장"]


def test_a_pronoun_named_after_the_quote_resolves_to_the_last_speaker() -> None:
    assert found("“시민이 먼저라는 원칙을 지키겠다”라고 강기정 시장은 말했다.", "“현장을 끝까지 챙기겠다”고 그는 덧붙였다.") == [
        ("강기정 시장", "강기정 시장", "시민이 먼저라는 원칙을 지키겠다"), ("강기정 시장", "그", "현장을 끝까지 챙기겠다")]


def test_a_subject_inside_the_next_quote_is_not_the_speaker() -> None:
    assert found("강 시장은 “시민이 언제나 먼저다”라며 “박 국장은 현장을 챙겨라”고 말했다.")[0] == (
        "강 시장", "강 시장", "시민이 언제나 먼저다")


# --- Korean speakers of an earlier sentence --------------------------------------------------------

def test_a_title_alone_in_an_earlier_paragraph_speaks_the_next_quote() -> None:
    assert speakers("대변인은 이날 브리핑을 열었다.", "이어 “광주의 미래는 청년에게 있다”고 덧붙였다.") == ["대변인"]


def test_a_comma_after_the_subject_of_an_earlier_paragraph() -> None:
    assert speakers("강 시장은, 이날 개막식에서 인사말을 했다.", "이어 “광주의 미래는 청년에게 있다”고 덧붙였다.") == ["강 시장"]


def test_the_subject_before_an_earlier_glued_term_in_quotes_speaks_the_next_quote() -> None:
    # '“안전 제일”' is a term, not speech: the quote after it is the subject's, '강 시장'
    assert found("강 시장은“안전 제일”이라고 했다. 이어 “현장을 꼭 챙기겠다”고 덧붙였다.") == [
        ("강 시장", "강 시장", "현장을 꼭 챙기겠다")]


# --- pronouns and quotes waiting for a speaker -------------------------------------------------------

def test_a_pronoun_with_no_name_before_it_stays_the_pronoun() -> None:
    assert found("“We will keep every promise we made,” he said.") == [
        ("he", "he", "We will keep every promise we made")]
    assert found("그는 “약속을 반드시 지키겠다”고 말했다.") == [("그", "그", "약속을 반드시 지키겠다")]


def test_a_lead_quote_waits_past_a_sentence_that_names_no_speaker() -> None:
    assert speakers("“광주의 미래는 청년에게 있다.”", "이어 청년들에게 이같이 당부했다.",
                    "강 시장은 “청년 일자리를 꼭 늘리겠다”고 말했다.") == ["강 시장", "강 시장"]


def test_a_lead_quote_does_not_go_to_a_subject_that_does_not_speak() -> None:
    assert speakers("“광주의 미래는 청년에게 있다.”", "박 국장은 이날 행사를 진행했다.",
                    "강 시장은 “청년 일자리를 꼭 늘리겠다”고 말했다.") == ["강 시장", "강 시장"]


def test_a_quote_covering_exactly_the_whole_paragraph_share_stands_alone() -> None:
    # WHOLE_PARAGRAPH_SHARE means 'at least': 16 quoted characters of a 20-character paragraph (0.8)
    assert found("“We will win now.” ①", "Mayor Kang said, “We start in May.”")[0][2] == "We will win now."
    assert found("“광주의 미래는 청년에게 있다.” ①", "강 시장은 “청년 일자리를 꼭 늘리겠다”고 말했다.")[0][2] == "광주의 미래는 청년에게 있다."


def test_a_subject_named_inside_an_earlier_quote_is_not_the_next_quotes_speaker() -> None:
    # a bug the mutation run led to: '박 국장' (inside the first quote) was taken as the second quote's speaker
    assert speakers("김 시장은 “박 국장이 정말 잘했다”라며 “모두에게 고맙다고 전해 달라”고 말했다.") == ["김 시장", "김 시장"]
    assert speakers("김 시장은 “박 국장이 정말 잘했다”고 했다. 이어 “모두에게 고맙다고 전해 달라”고 말했다.") == ["김 시장", "김 시장"]
