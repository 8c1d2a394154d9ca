"""Find direct quotes and their speakers in paragraphs, English and Korean.

A passage in double quotes is a quote when a speech verb attributes it ("..., said Mayor Lee",
"Mayor Lee said, “...”", "김민석 본부장은 “...”라고 말했다") or when it is the whole paragraph (a
quote continued from the previous one). Quoted names and terms inside prose ("golmok", “Safest
City”) are not quotes. Pronoun speakers ('he', 'she') resolve to the last named speaker.
"""
from __future__ import annotations

import re
from collections.abc import Sequence

from cityclips.transforms.records import Quote, Segment

MIN_QUOTE_WORDS = 3  # 'Safest City' in quotes is a name, not speech
MIN_KOREAN_QUOTE_CHARS = 8  # Korean quotes are counted in syllables: '“안전도시”' is a name
WHOLE_PARAGRAPH_SHARE = 0.8  # a quote covering this much of its paragraph stands on its own
QUOTE_KINDS = ("paragraph", "list_item")
OPENING = "“\""
CLOSING = "”\""
SPEECH_VERBS = ("said", "says", "stated", "added", "noted", "emphasized", "emphasised", "stressed", "explained",
                "remarked", "announced", "asserted", "told", "urged", "commented", "continued saying",
                "continued", "concluded", "declared", "replied", "answered", "insisted", "pointed out")
PRONOUNS = {"he", "she", "they", "그", "그녀", "그는", "그녀는"}
KOREAN_TITLES = ("시장", "부시장", "본부장", "국장", "과장", "실장", "대변인", "위원장", "의장", "장관", "대표", "교수",
                 "원장", "회장", "센터장", "이사장", "청장", "구청장", "군수", "지사", "총장", "소장", "팀장", "관계자")

_VERB = "|".join(v.replace(" ", r"\s+") for v in sorted(SPEECH_VERBS, key=len, reverse=True))
_WORD = r"[A-Z][\w'’-]*"
_SPEAKER = rf"(?:[Tt]he\s+[a-z]+(?:\s+[a-z]+)?|{_WORD}(?:\s+(?:of\s+(?:the\s+)?)?{_WORD}){{0,6}}|[Hh]e|[Ss]he|[Tt]hey)"
# 'Director Yoon Hae-jin of the Transportation Bureau' -> 'Director Yoon Hae-jin': the appositive goes.
_APPOSITIVE = re.compile(r"\s+of\s+(?:the\s+)?[A-Z].*$")
_AFTER_VERB_FIRST = re.compile(rf"^[\s,.]*(?:{_VERB})\s+(?P<speaker>{_SPEAKER})")
_AFTER_SPEAKER_FIRST = re.compile(rf"^[\s,.]*(?P<speaker>{_SPEAKER})\s+(?:also\s+)?(?:{_VERB})\b")
_BEFORE = re.compile(rf"(?P<speaker>{_SPEAKER})\s+(?:also\s+|then\s+|further\s+)?(?:{_VERB})"
                     rf"(?:\s+(?:that|saying|as follows))?\s*[,:]?\s*$")
_KOREAN_BEFORE = re.compile(r"(?P<speaker>(?:[가-힣A-Za-z]{1,4}\s+)?[가-힣A-Za-z]+?)(?:은|는|이|가)\s*$")
_KOREAN_AFTER = re.compile(r"^\s*(?:이?라고|고|며|면서|라며)")


_OPEN = re.compile(r"(?<![^\W_])[“\"]")  # an opening mark not glued to a word before it
_CLOSE = re.compile(r"[”\"]")


def _spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each quoted passage, end exclusive of the closing mark."""
    spans = []
    position = 0
    while (opening := _OPEN.search(text, position)) is not None:
        closing = _CLOSE.search(text, opening.end() + 1)
        if closing is None:
            break
        spans.append((opening.end(), closing.start()))
        position = closing.end()
    return spans


def _korean_speaker(before: str) -> str | None:
    match = _KOREAN_BEFORE.search(before)
    if not match:
        return None
    words = match["speaker"].split()
    # '이날 김민석 본부장은' -> keep the title and at most the name before it.
    if words[-1].endswith(KOREAN_TITLES) or len(words) == 1:
        return " ".join(words[-2:]) if len(words) > 1 and len(words[-2]) <= 4 else words[-1]
    return None


def _speaker_for(text: str, start: int, end: int) -> str | None:
    after = text[end + 1:end + 120]
    before = text[max(0, start - 121):start - 1]
    # An attribution right before the quote ('The mayor stated: “...') binds tighter than a sentence after it.
    for pattern, snippet in ((_BEFORE, before), (_AFTER_VERB_FIRST, after), (_AFTER_SPEAKER_FIRST, after)):
        match = pattern.search(snippet)
        if match:
            return _APPOSITIVE.sub("", match["speaker"])
    if _KOREAN_AFTER.match(after) or re.search(r"(?:은|는|이|가)\s*$", before):
        return _korean_speaker(before)
    return None


def _is_speech(quote: str) -> bool:
    if re.search(r"[\uac00-\ud7a3]", quote):
        return len(quote.replace(" ", "")) >= MIN_KOREAN_QUOTE_CHARS
    return len(quote.split()) >= MIN_QUOTE_WORDS


def extract_quotes(segments: Sequence[Segment]) -> list[Quote]:
    """Quotes in reading order, with speaker as written and resolved (pronouns to the last name)."""
    quotes: list[Quote] = []
    last_named: str | None = None
    pending: list[int] = []  # whole-paragraph quotes waiting for a speaker named later
    for segment in segments:
        if segment.kind not in QUOTE_KINDS:
            continue
        text = segment.text
        if "“" not in text and '"' not in text:
            continue
        candidates: list[tuple[str, str | None, bool]] = []
        for start, end in _spans(text):
            quote = text[start:end].strip().rstrip(",").strip()
            if _is_speech(quote):
                whole = (end - start) >= WHOLE_PARAGRAPH_SHARE * len(text)
                candidates.append((quote, _speaker_for(text, start, end), whole))
        paragraph_speaker = next((speaker for _, speaker, _ in candidates if speaker), None)
        # A quote split in two ('“...,” said Mayor Kim. “...”') keeps its speaker: once a paragraph has an
        # attributed quote, its other passages in quotes are that speaker's too.
        found = [(quote, speaker) for quote, speaker, whole in candidates if speaker or whole or paragraph_speaker]
        for quote, written in found:
            written = written or paragraph_speaker
            resolved = written
            if written and written.lower() in PRONOUNS:
                resolved = last_named or written
            elif written:
                last_named = written
            if resolved is None:
                resolved = last_named
            if resolved is None:
                pending.append(len(quotes))
            elif pending:
                for index in pending:
                    quotes[index] = Quote(**{**quotes[index].__dict__, "speaker": resolved})
                pending.clear()
            quotes.append(Quote(segment.seq, len(quotes), resolved, written, quote))
    return quotes
