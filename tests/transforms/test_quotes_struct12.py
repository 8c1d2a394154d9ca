"""Round 12 (struct12): a blockquote whose attribution left the body ends there, Korean and English."""
from __future__ import annotations

from cityclips.transforms.quotes import extract_quotes
from cityclips.transforms.records import Segment

QUOTE = "body/main/article/div.field--name-field-quote/blockquote.blockquote/div.content/p"
CITE = "body/main/article/div.field--name-field-quote/blockquote.blockquote/footer/cite/p"


def quotes(lines: list[tuple[int, str, str]]) -> list[tuple[str | None, str]]:
    """lines: (source line, text, DOM path) of the body's paragraphs; lines missing between them left the body."""
    segments = [Segment(seq, "paragraph", text, source_line=line) for seq, (line, text, _) in enumerate(lines)]
    paths = {line: path for line, _, path in lines}
    return [(q.speaker, q.text[:20]) for q in extract_quotes(segments, paths)]


def test_a_blockquote_whose_footer_went_is_not_the_next_ones_english() -> None:
    # f1108: the first quote's '<cite>Premier Sandy Silver</cite>' recurs on every release and went as the
    # site's template; the next blockquote (same masked path) names its own speaker
    got = quotes([(13, "Climate change is a top priority for this government and for the panel.", QUOTE),
                  (15, "The topic of climate change is very important to my people and me.", QUOTE),
                  (16, "Youth Panel member Azreil Allen", CITE)])
    assert got == [("Youth Panel member Azreil Allen", "The topic of climate")]


def test_a_blockquote_whose_footer_went_is_not_the_next_ones_korean() -> None:
    got = quotes([(20, "기후위기 대응은 우리 시의 가장 중요한 과제이며 시민과 함께 풀어가겠습니다.", QUOTE),
                  (22, "청년들이 직접 만든 제안이 정책으로 이어지도록 끝까지 돕겠습니다.", QUOTE),
                  (23, "강기정 광주광역시장", CITE)])
    assert got == [("강기정 광주광역시장", "청년들이 직접 만든 제안이 정책으로 ")]


def test_paragraphs_of_one_blockquote_side_by_side_stay_one_quote() -> None:
    got = quotes([(13, "Climate change is a top priority for this government.", QUOTE),
                  (14, "We will keep working with the panel on every recommendation.", QUOTE),
                  (15, "Premier Sandy Silver", CITE)])
    assert got == [("Premier Sandy Silver", "Climate change is a ")]
