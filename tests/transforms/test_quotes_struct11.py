"""Round 11 (struct11): more English speech verbs; a pronoun speaker before any named one."""
from __future__ import annotations

from cityclips.transforms.quotes import extract_quotes, last_english_subject
from cityclips.transforms.records import Segment


def quotes(*paragraphs: str) -> list[tuple[str | None, str | None, str]]:
    segments = [Segment(seq=i, kind="paragraph", text=text, source_line=i) for i, text in enumerate(paragraphs)]
    return [(q.speaker, q.speaker_as_written, q.text[:20]) for q in extract_quotes(segments)]


def test_affirmed_and_reiterated_attribute_a_quote() -> None:
    assert quotes("“Bharat is one and will always remain one,” affirmed the Vice-President.",
                  "“We will finish the road by May,” Mayor Kim reiterated.") == [
        ("the Vice-President", "the Vice-President", "Bharat is one and wi"), ("Mayor Kim", "Mayor Kim", "We will finish the r")]


def test_a_pronoun_before_any_named_speaker_is_the_subject_of_the_reported_speech() -> None:
    """'Shri Radhakrishnan said the campaign ... “...,” he affirmed.': 'he' is the one said to speak before it."""
    got = quotes("Highlighting the campaign, Shri Radhakrishnan said it has grown into a movement. He called upon every "
                 "citizen to display the flag. “Bharat is one and will always remain one,” he affirmed.")
    assert got == [("Shri Radhakrishnan", "he", "Bharat is one and wi")]
    got = quotes("The council met on Monday. Mayor Lee said the plan was ready.",
                 "“We start the work next week,” she added.")
    assert got == [("Mayor Lee", "she", "We start the work ne")]


def test_the_subject_before_the_quote_in_its_paragraph_beats_an_earlier_speaker() -> None:
    got = quotes("“The budget is balanced,” said Mayor Lee.",
                 "Councillor Park said the vote would wait. “We need another month,” he added.")
    assert got == [("Mayor Lee", "Mayor Lee", "The budget is balanc"), ("Councillor Park", "he", "We need another mont")]


def test_no_subject_in_korean_or_in_quotes() -> None:
    """Korean subjects have their own reading (last_korean_subject); a name inside quotes is what was said."""
    assert last_english_subject("강 시장은 말했다.") is None
    assert last_english_subject("He said “Mayor Kim said it first.”") is None


def test_a_subject_of_a_relative_clause_does_not_speak_korean() -> None:
    """'김 의원이 ... 표명한 데 대해 “...”고 화답했다': 김 의원 is the subject of the clause '표명한' closes; the
    speaker is the article's (the last named), not him."""
    got = quotes("이 후보는 “국민끼리 싸우는 시대를 끝내겠다”고 말했다.",
                 "김상욱 무소속 의원이 이날 이 후보 지지 의사를 표명한 데 대해 “우리 당으로 입당해서 함께 했으면 좋겠다”고 화답했다.")
    assert [speaker for speaker, _, _ in got] == ["이 후보", "이 후보"]


def test_a_subject_with_its_particle_before_the_quote_still_speaks_korean() -> None:
    got = quotes("이 후보는 “국민끼리 싸우는 시대를 끝내겠다”고 말했다.",
                 "김상욱 무소속 의원이 이날 “우리 당으로 입당해서 함께 했으면 좋겠다”고 말했다.")
    assert [speaker for speaker, _, _ in got] == ["이 후보", "김상욱 무소속 의원"]


def test_a_short_quote_a_quotative_ties_to_a_verb_of_saying_is_speech_korean() -> None:
    got = quotes("친청계 최고위원들은 “당헌 위배”라고 강하게 반발했다.",
                 "하지만 이성윤 최고위원은 곧장 “명백한 당헌 위반”이라고 반대 의사를 밝혔다고 한다.")
    assert [text for _, _, text in got] == ["당헌 위배", "명백한 당헌 위반"]


def test_a_short_quote_that_names_something_stays_a_name_korean() -> None:
    """'“안전도시”라고 불리는', '“광주형 일자리”를 추진한다': a name in quotes, however it is introduced."""
    assert quotes("광주는 “안전도시 광주”라고 불리는 사업을 벌였다.", "시는 “광주형 일자리”를 추진한다고 밝혔다.") == []
