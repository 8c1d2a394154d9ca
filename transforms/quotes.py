"""Find direct quotes and their speakers in paragraphs, English and Korean.

A passage in double quotes is a quote when a speech verb attributes it ("..., said Mayor Lee",
"Mayor Lee said, “...”", "김민석 본부장은 “...”라고 말했다") or when it is the whole paragraph (a
quote continued from the previous one). Quoted names and terms inside prose ("golmok", “Safest
City”) are not quotes. Pronoun speakers ('he', 'she') resolve to the last named speaker. A <blockquote> that names its speaker in
its own <footer> or <cite> ('<blockquote><p>...</p><footer><cite>Premier Sandy Silver</cite></footer></blockquote>')
is a quote whatever its marks: the markup attributes it (see blockquote_quotes).
"""
from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from cityclips.transforms.html import blockquote_place
from cityclips.transforms.records import Quote, Segment

MIN_QUOTE_WORDS = 3  # 'Safest City' in quotes is a name, not speech
MIN_KOREAN_QUOTE_CHARS = 8  # Korean quotes are counted in syllables: '“안전도시”' is a name
WHOLE_PARAGRAPH_SHARE = 0.8  # a quote covering this much of its paragraph stands on its own
QUOTE_KINDS = ("paragraph", "list_item")
OPENING = "“\""
CLOSING = "”\""
SPEECH_VERBS = ("said", "says", "stated", "added", "noted", "emphasized", "emphasised", "stressed", "explained",
                "remarked", "announced", "asserted", "told", "urged", "commented", "continued saying",
                "continued", "concluded", "declared", "replied", "answered", "insisted", "pointed out",
                "affirmed", "reaffirmed", "reiterated", "observed", "warned", "argued", "acknowledged", "recalled")
PRONOUNS = {"he", "she", "they", "그", "그녀", "그는", "그녀는"}
KOREAN_TITLES = ("시장", "부시장", "본부장", "국장", "과장", "실장", "대변인", "위원장", "의장", "장관", "대표", "교수",
                 "원장", "회장", "센터장", "이사장", "청장", "구청장", "군수", "지사", "총장", "소장", "팀장", "관계자",
                 "대사", "의원", "위원", "이사", "사장", "부장", "차장", "단장", "처장", "관장", "교육감", "박사", "연구원",
                 "선수", "감독", "코치", "작가", "변호사", "주무관", "계장", "이장", "통장", "총재", "담당자", "차관",
                 "대통령", "부통령", "당선인", "총리", "후보", "후보자", "경영자", "창업자", "책임자", "전문가",
                 "애널리스트", "연구위원", "사무관", "씨")
MAX_SPEAKER_WORDS = 6  # '이사벨 푸치 이케아 코리아 대표': a name, an organisation and a title

_VERB = "|".join(v.replace(" ", r"\s+") for v in sorted(SPEECH_VERBS, key=len, reverse=True))
_WORD = r"[A-Z][\w'’-]*"
_SPEAKER = rf"(?:[Tt]he\s+{_WORD}(?:\s+{_WORD}){{0,4}}|[Tt]he\s+[a-z]+(?:\s+[a-z]+)?|{_WORD}(?:\s+(?:of\s+(?:the\s+)?)?{_WORD}){{0,6}}|[Hh]e|[Ss]he|[Tt]hey)"
# 'Director Yoon Hae-jin of the Transportation Bureau' -> 'Director Yoon Hae-jin': the appositive goes.
_APPOSITIVE = re.compile(r"\s+of\s+(?:the\s+)?[A-Z].*$")
_AFTER_VERB_FIRST = re.compile(rf"^[\s,.]*(?:{_VERB})\s+(?P<speaker>{_SPEAKER})")
_AFTER_SPEAKER_FIRST = re.compile(rf"^[\s,.]*(?P<speaker>{_SPEAKER})\s+(?:also\s+)?(?:{_VERB})\b")
_BEFORE = re.compile(rf"(?P<speaker>{_SPEAKER})\s+(?:also\s+|then\s+|further\s+)?(?:{_VERB})"
                     rf"(?:\s+(?:that|saying|as follows))?\s*[,:]?\s*$")
# 'Andrzej BUŁA (EPP, PL), co-rapporteur for the RESTORE regulation said: “...': a named speaker, then who they
# are (a party in brackets, a role in lower case) before the verb. The sentence opens with the name.
MAX_APPOSITIVE_CHARS = 160  # 'rapporteur for the European Agricultural Fund for Rural Development (EAFRD) related regulation'
_NAMED_WITH_ROLE = re.compile(rf"(?P<speaker>{_WORD}(?:\s+{_WORD}){{1,3}})\s*(?:\([^()]{{1,40}}\))?\s*,?\s+"
                              rf"(?:an?\s+|the\s+)?[a-z][^“”\"]{{0,{MAX_APPOSITIVE_CHARS}}}?,?\s+(?:{_VERB})\s*[,:]?\s*")
_SENTENCE_START = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")
# Korean attribution follows the quote: '“...”고 말했다', '“...”라며 강조했다', '“...”고 덧붙였다'.
_KOREAN_AFTER = re.compile(r"^\s*(?:이?라고|고|(?:이?라|하)?며|(?:이?라)?면서|하고)(?:도|요)?(?![가-힣])")
# ... and ends its sentence in a predicate ('말했다', '밝혔습니다', '덧붙였다'), or another quote follows ('“...”며 “...”').
_KOREAN_PREDICATE = re.compile(r"(?:다|요)[.!]?\s*(?:$|[“\"]|[^\w\s])|(?:다|요)\.|[“\"]")
MAX_KOREAN_ATTRIBUTION_CHARS = 40  # '고 말했다.', '라고 강기정 광주시장은 힘주어 말했다.'
# The subject before the quote carries a particle: topic 은/는, subject 이/가, 도 ('also'), 께서는.
_PARTICLE = re.compile(r"^(?P<stem>.+?)(?:께서는|께서|은|는|이|가|도)$")
# Words that open a clause or say when, never a speaker or a speaker's name ('이날 강 시장은').
KOREAN_NOT_NAMES = frozenset({"이날", "또", "또한", "이어", "이어서", "한편", "특히", "아울러", "앞서", "이에", "그러면서",
                              "당시", "지난", "오늘", "최근", "현재", "이번", "이후", "이와", "함께", "대해", "이에", "그리고",
                              "하지만", "그러나", "다만", "또는", "및", "등", "더불어", "끝으로", "마지막으로"})
_KOREAN_NAME = re.compile(r"^[가-힣]{1,4}$|^[A-Z][A-Za-z.-]*$")  # '강', '강기정', '남궁민수'; 'AI' in 'AI산업국장' is a title's
_JOSA_END = re.compile(r"(?:에서|에게|으로|로|의|을|를|에|과|와|며|고|서|한|인|된|던|은|는|이|가|도)$")
_KOREAN_SPEECH_VERB = re.compile(r"(?:말|강조|설명|당부|주문|약속|다짐|호소|지적|언급|답|인사)(?:했|한다|합니다)|"
                                 r"(?:밝혔|밝힌다|전했|전한다|덧붙였|덧붙인다)")
# A quote followed by these is a noun in the clause ('“안전도시 광주”를 만든다'), not speech.
_NOUN_PARTICLE = re.compile(r"^(?:을|를|의|에|에서|으로|로|과|와|이|가|은|는|도|만)(?![가-힣])")
_NOT_SURNAMES = frozenset("겸및등또각본당해그")  # one-syllable words that join or point, not names
_TOPIC = re.compile(r"(?:께서는|은|는)$")  # the topic particle: '에릭 트럼프는', '시는'
# A quote that stands as its own paragraph, with no attribution, is speech only when it ends like a
# sentence; '“3조弗 시장, 美에 잡아둘 것”' is a subheading in quotes.
_SENTENCE_END = re.compile(r"(?:[.!?…]|[다요죠까])[\"'’”)]*$")
_SENTENCE_BREAK = re.compile(r"[.!?。](?=\s)|\n")


# “ always opens (Korean glues it to the verb before: '밝히며“...'); a straight " opens only when not glued to a word.
_OPEN = re.compile(r"“|(?<![^\W_])\"")
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


def _korean_subject(words: list[str], titled: bool = True) -> str | None:
    """The speaker in words that end with its particle ('□ 윤상흠 한국디자인진흥원장은' -> '윤상흠 한국디자인진흥원장').

    The last word must be a title ('시장', '대표', '관계자', '씨') or a pronoun with its particle, or, with
    titled=False, any topic ('에릭 트럼프는'); the speaker is the noun phrase it closes, back to a word
    that ends a clause, says when, or is a marker.
    """
    match = _PARTICLE.match(words[-1])
    if not match:
        return None
    stem = match["stem"]
    if stem in PRONOUNS or stem + "는" in PRONOUNS:
        return stem
    if not stem.endswith(KOREAN_TITLES) and (titled or not _TOPIC.search(words[-1]) or stem in KOREAN_NOT_NAMES):
        return None
    phrase = [stem]
    for word in reversed(words[:-1]):
        if re.fullmatch(r"[가-힣]", word) and word not in _NOT_SURNAMES:  # a surname alone: '이 당선인', '강 시장'
            phrase.insert(0, word)
            break
        if len(phrase) >= MAX_SPEAKER_WORDS or word in KOREAN_NOT_NAMES or _JOSA_END.search(word) \
                or not re.match(r"^[가-힣A-Za-z][\w·()-]*$", word) or re.match(r"^\d", word):
            break
        phrase.insert(0, word)
    return " ".join(phrase)


_SUBJECT_CASE = re.compile(r"[이가]$")  # the subject particle: a clause's subject, not only the sentence's topic
# A verb in its adnominal form ('표명한', '선출된', '말했던'): it closes a clause that modifies the noun after it.
_ADNOMINAL = re.compile(r"[가-힣](?:한|된|던)$")


def _in_relative_clause(words: Sequence[str], end: int) -> bool:
    """True when words[end - 1], a subject with 이/가, is the subject of a clause that a later adnominal verb
    closes ('김 의원이 이날 지지 의사를 표명한 데 대해 “...”고 화답했다': 김 의원 supports, the sentence's
    unnamed topic answers), so it does not speak the quote."""
    return bool(_SUBJECT_CASE.search(words[end - 1])) and any(_ADNOMINAL.search(w) for w in words[end:])


def _korean_speaker(before: str) -> str | None:
    """The speaker of a Korean quote from the text of its sentence before it.

    Nearest first: the topic right before the quote ('에릭 트럼프는 “...'), then any titled subject
    earlier in the sentence ('강기정 시장은 15일 간부회의에서 “...'), then the topic that opens the
    sentence ('이 당선인은 전일 유세에서 “...', '그는 ...').
    """
    sentence = _SENTENCE_BREAK.split(before)[-1]
    sentence = re.split(r"[”\"]", sentence)[-1]  # not past an earlier quote's closing mark
    words = sentence.replace(",", " ").split()
    if not words:
        return None
    if _TOPIC.search(words[-1]) and (speaker := _korean_subject(words, titled=False)):
        return speaker
    for end in range(len(words), 0, -1):
        speaker = _korean_subject(words[:end])
        if speaker and not _in_relative_clause(words, end):
            return speaker
    for end, word in enumerate(words[:MAX_SPEAKER_WORDS], start=1):
        if _TOPIC.search(word):
            return _korean_subject(words[:end], titled=False)
        if _JOSA_END.search(word):
            break
    return None


def last_korean_subject(text: str) -> str | None:
    """The last titled subject in a Korean text ('... 강기정 시장은 인사말에서 ...' -> '강기정 시장'), or None."""
    if not _HANGUL.search(text):
        return None
    words = re.sub(r"[“”\"]", " ", text).replace(",", " ").split()
    for end in range(len(words), 0, -1):
        if _PARTICLE.match(words[end - 1]) and not _in_relative_clause(words, end):
            speaker = _korean_subject(words[:end])
            if speaker and speaker not in PRONOUNS:
                return speaker
    return None


# 'Shri Radhakrishnan said the campaign ...': a named subject of a speech verb in reported speech.
_SAID_SUBJECT = re.compile(rf"(?P<speaker>{_SPEAKER})\s+(?:also\s+)?(?:{_VERB})\b")
# ... whose speech verb follows a space: a text without one has no such subject, and this scan is a tenth of
# _SAID_SUBJECT's, which tries a speaker of up to seven words at every capital (measured on the 14,099 texts
# the peers' 579 pages ask about: 0.35 -> 0.06 CPU-s)
_SPACED_VERB = re.compile(rf"\s(?:{_VERB})\b")


def last_english_subject(text: str) -> str | None:
    """The last named subject of a speech verb in English text outside its quotes ('Highlighting the campaign,
    Shri Radhakrishnan said it has grown. He called ...' -> 'Shri Radhakrishnan'), or None: whom a later
    '“...,” he affirmed' quotes when no quote has named a speaker yet."""
    if _HANGUL.search(text):
        return None
    outside = _outside_quotes(text)
    if not _SPACED_VERB.search(outside):
        return None
    names = [m["speaker"] for m in _SAID_SUBJECT.finditer(outside)
             if m["speaker"].lower() not in PRONOUNS]
    return _APPOSITIVE.sub("", names[-1]) if names else None


# 'When Jane Roberts gave birth', 'said Jessica Calarco': two capitalised words inside a sentence (a sentence's
# first word is capitalised whatever it is), the second a last name the story goes on to use alone.
_FULL_NAME = re.compile(r"(?<=[a-z,] )[A-Z][a-z]+ (?P<surname>[A-Z][a-z]+)\b(?! [A-Z])")
# 'Jane ' before 'Roberts' (part of another full name), 'the ' before 'University': no person's name used alone
_NOT_ALONE_BEFORE = re.compile(r"(?:[A-Z][\w.'’-]*|\b(?i:the|a|an))\s$")


def full_name_surnames(text: str) -> set[str]:
    """Last names of the full names in English text ('When Jane Roberts gave birth, ...' -> {'Roberts'})."""
    return {match["surname"] for match in _FULL_NAME.finditer(text)}


def last_surname(text: str, surnames: set[str]) -> str | None:
    """The last of the known last names that text uses alone ('In the fall, Roberts won't return to teaching.'
    -> 'Roberts'): whom a pronoun after it ('“...,” she said') refers to. News style names a person in full once,
    then by the last name; None when the text uses none."""
    if not surnames or _HANGUL.search(text):
        return None
    found = [(match.start(), name) for name in surnames
             for match in re.finditer(rf"\b{re.escape(name)}\b(?! [A-Z]| of\b)", text)
             if not _NOT_ALONE_BEFORE.search(text[max(0, match.start() - 40):match.start()])]
    return max(found)[1] if found else None


def _since_last_quote(text: str) -> str:
    """The text after its last closing quotation mark (the opening mark it ends with left out): a quote attributed
    there names the latest speaker."""
    return _CLOSE.split(text.rstrip().rstrip(OPENING))[-1]


def _outside_quotes(text: str) -> str:
    """text with its quoted passages left out (the marks stay): a subject named inside an earlier
    quote ('“박 국장이 잘했다”') is what the speaker said, not the speaker."""
    kept, position = [], 0
    for start, end in _spans(text):
        kept.append(text[position:start])
        position = end
    kept.append(text[position:])
    return " ".join(kept)


def _korean_attributed(after: str) -> str | None:
    """'' when the text after a Korean quote attributes it ('고 말했다'), the speaker when it names one
    after the quote ('라고 강 시장은 말했다'), None when it does not attribute it."""
    marker = _KOREAN_AFTER.match(after)
    if not marker:
        return None
    rest = after[marker.end():marker.end() + MAX_KOREAN_ATTRIBUTION_CHARS]
    if not _KOREAN_PREDICATE.search(rest):
        return None
    clause = _SENTENCE_BREAK.split(re.split(r"[“\"]", rest)[0])[0]  # this sentence only: the next may name another
    words = clause.replace(",", " ").split()
    for end in range(len(words), 0, -1):
        speaker = _korean_subject(words[:end])
        if speaker:
            return speaker
    return ""


def _speaker_for(text: str, start: int, end: int) -> tuple[str | None, bool]:
    """(speaker as written, attributed): attributed is True when a speech verb ties the quote to a
    speaker, named or not ('“...”고 말했다' names none: the speaker comes from the context)."""
    after = text[end + 1:end + 120]
    before = text[max(0, start - 121):start - 1]
    # An attribution right before the quote ('The mayor stated: “...') binds tighter than a sentence after it.
    for pattern, snippet in ((_BEFORE, before), (_AFTER_VERB_FIRST, after), (_AFTER_SPEAKER_FIRST, after)):
        match = pattern.search(snippet)
        if match:
            return _APPOSITIVE.sub("", match["speaker"]), True
    if (named := _NAMED_WITH_ROLE.fullmatch(_SENTENCE_START.split(text[:max(0, start - 1)])[-1])) is not None:
        return named["speaker"], True
    if not _HANGUL.search(text[start:end]) and not _HANGUL.search(after[:20]):
        return None, False
    attributed = _korean_attributed(after)
    if attributed:
        return attributed, True
    speaker = _korean_speaker(text[:start - 1])
    if attributed == "":
        # '강 시장은 인사말을 했다. 이어 “...”고 덧붙였다': the subject of an earlier sentence speaks
        return speaker or last_korean_subject(_outside_quotes(text[:start - 1])), True
    # no verb after it: a quote right after a titled subject ('김 시장은 “...”') is still speech
    if _NOUN_PARTICLE.match(after):
        return None, False  # '“...”을 추진한다': a name in quotes, inside the clause
    near = _korean_subject(before.split()) if before.split() else None
    return (near, True) if near else (None, False)


_HANGUL = re.compile(r"[\uac00-\ud7a3]")


MIN_SHORT_KOREAN_QUOTE_CHARS = 4  # '“당헌 위배”라고 반발했다': four syllables are speech when a quotative says so
# A quotative ('라고', '이라며') and, within a few words, a verb of saying or protesting in a finite form.
_SAYING = (r"(?:말|강조|설명|당부|주문|약속|다짐|호소|지적|언급|답|반발|반박|반대|비판|비난|주장|촉구|요청|토로|일축|경고|항의)"
           r"(?:했|하며|하고|한다|합니다)|밝혔|밝히며|전했|덧붙였")
_QUOTATIVE_SAYING = re.compile(rf"^\s*이?라(?:고|며|면서)(?:\s+[가-힣]+){{0,3}}?\s*[가-힣]*?(?:{_SAYING})")


def _is_short_quoted_speech(quote: str, after: str) -> bool:
    """A Korean quote under MIN_KOREAN_QUOTE_CHARS that a quotative ties to a verb of saying: speech, not a name
    ('“당헌 위배”라고 강하게 반발했다', '“명백한 당헌 위반”이라고 반대 의사를 밝혔다'; '“안전도시”라고 불리는' stays a name)."""
    return bool(_HANGUL.search(quote)) and len(quote.replace(" ", "")) >= MIN_SHORT_KOREAN_QUOTE_CHARS \
        and _QUOTATIVE_SAYING.match(after) is not None


def _is_speech(quote: str) -> bool:
    if _HANGUL.search(quote):
        return len(quote.replace(" ", "")) >= MIN_KOREAN_QUOTE_CHARS
    return len(quote.split()) >= MIN_QUOTE_WORDS


# Between the halves of one quote stands the first half's attribution: '” said Nelson. “', '," Burnett said, "',
# '” said Rioland, who is Black. “', '”고 강 시장은 말했다. “'. A first half attributed before it ('The mayor stated:
# “...” He also asserted that he had to “...”') is whole: the words after it open another quote.
_KOREAN_ATTRIBUTION_GAP = re.compile(r"^\s*(?:이?라고|고)\s+(?:[가-힣A-Za-z]+\s+){0,4}[가-힣]+다\.?\s*$")


def _attributed_between(text: str, previous_start: int, gap: str) -> bool:
    """True when the words between two quoted passages attribute the first and the first has no attribution before it."""
    if _KOREAN_ATTRIBUTION_GAP.match(gap):
        return len(gap) <= MAX_KOREAN_ATTRIBUTION_CHARS and bool(_KOREAN_SPEECH_VERB.search(gap))
    if _BEFORE.search(text[max(0, previous_start - 121):max(0, previous_start - 1)]):
        return False
    return bool(_AFTER_VERB_FIRST.match(gap) or _AFTER_SPEAKER_FIRST.match(gap))


def _join_split_quotes(text: str, found: list[tuple]) -> list[tuple[str, str | None, bool]]:
    """One quote split by its attribution ('“Attendance was at 90 percent,” said Nelson. “As of January 9,
    it is at 92.”', '“...”고 강 시장은 말했다. “...”'): a passage after the quoted one its attribution follows is
    the rest of that quote, when it names no other speaker. found: (quote, speaker, unnamed, start, end)."""
    joined: list[tuple[str, str | None, bool]] = []
    previous = None  # (start, end) of the passage before
    for quote, speaker, unnamed, start, end in found:
        # a speaker named again joins only a sentence that runs on ('"...," Burnett said, "but ..."')
        same_speaker = speaker is None or (joined and speaker == joined[-1][1] and quote[:1].islower())
        if joined and same_speaker and not unnamed and \
                _attributed_between(text, previous[0], text[previous[1] + 1:start - 1]):
            first, first_speaker, first_unnamed = joined[-1]
            joined[-1] = (f"{first} {quote}", first_speaker, first_unnamed)
        else:
            joined.append((quote, speaker, unnamed))
        previous = (start, end)
    return joined


# A blockquote's attribution is a name and a role ('Youth Panel member Azreil Allen, 20, Haines Junction',
# '강기정 광주광역시장'); a longer line inside its footer is prose, not a speaker.
MAX_ATTRIBUTION_CHARS = 150
_ATTRIBUTION_DASH = re.compile(r"^[\s—―–~-]+")  # '— Premier Sandy Silver', '― 강기정 시장'
_QUOTE_MARKS = "“”\"‘’'「」『』"


def _removed_between(previous: int, line: int, block_paths: Mapping[int, str]) -> bool:
    """True when a line between two body lines is not in the body (block_paths holds every body line's path)."""
    return any(between not in block_paths for between in range(previous + 1, line))


MAX_SPEAKER_LINE_WORDS = 8  # '이재명 더불어민주당 대선 후보', 'Jane Roberts, Mayor of Springfield'
_SPEAKER_LINE_END = re.compile(r"[.!?:;,…]$|[다요죠까]$")


def _speaker_beside(segments: Sequence[Segment], run: Sequence[int], run_path: str | None, index: int,
                    block_paths: Mapping[int, str]) -> bool:
    """True when segments[index], right after a <blockquote> with no footer or cite, is its speaker: a quote module
    ('<div><blockquote>"..."</blockquote><p class="who">이재명 ... 후보</p></div>'): the next line of the page, a
    sibling of the blockquote and the last line of their box (the box holds the quote and its name only), a
    short line with no sentence end and no quotation mark."""
    segment = segments[index]
    line = segment.source_line
    if run_path is None or segment.kind != "paragraph" or line != segments[run[-1]].source_line + 1:
        return False
    box = run_path.rsplit("/", 1)[0]
    if block_paths.get(line, "").rsplit("/", 1)[0] != box or block_paths.get(line + 1, "").startswith(box + "/"):
        return False
    text = segment.text.strip()
    return 0 < len(text.split()) <= MAX_SPEAKER_LINE_WORDS and not _SPEAKER_LINE_END.search(text) \
        and not any(mark in text for mark in _QUOTE_MARKS) and not any(c.isdigit() for c in text)


def blockquote_quotes(segments: Sequence[Segment], block_paths: Mapping[int, str]) -> dict[int, tuple[str, str]]:
    """Quotes the markup attributes: a run of paragraphs inside one <blockquote> followed by the blockquote's
    footer or cite ('Minister of Environment Pauline Frost', '강기정 광주광역시장'), or by a name line right after it in
their box (_speaker_beside). Returns, by the index of the run's
    first segment, (the quote's text, the speaker as written); the run's other segments and the attribution are
    keyed too, with an empty text (they are part of that quote). A blockquote with no attribution is left to
    the quotation marks (an excerpt of a law, a tweet)."""
    found: dict[int, tuple[str, str]] = {}
    run: list[int] = []
    run_path = None
    for index, segment in enumerate(segments):
        place = blockquote_place(block_paths.get(segment.source_line, "")) if segment.kind in QUOTE_KINDS else None
        if place is None:
            if run and _speaker_beside(segments, run, run_path, index, block_paths):
                text = " ".join(segments[i].text for i in run).strip().strip(_QUOTE_MARKS).strip()
                found[run[0]] = (text, segment.text.strip())
                found.update((i, ("", segment.text.strip())) for i in run[1:] + [index])
            run, run_path = [], None
            continue
        path, attribution = place
        if run and _removed_between(segments[run[-1]].source_line, segment.source_line, block_paths):
            # a line of the page between them went (a blockquote's footer the template pass took as the site's
            # furniture): the blockquote it closed ended there, so what follows is another quote's
            run, run_path = [], None
        if not attribution:
            if path != run_path:
                run, run_path = [], path
            run.append(index)
            continue
        speaker = _ATTRIBUTION_DASH.sub("", segment.text).strip()
        if run and path == run_path and speaker and len(speaker) <= MAX_ATTRIBUTION_CHARS:
            text = " ".join(segments[i].text for i in run).strip().strip(_QUOTE_MARKS).strip()
            found[run[0]] = (text, speaker)
            found.update((i, ("", speaker)) for i in run[1:] + [index])
        run, run_path = [], None  # the attribution closes the blockquote: the next run is another quote
    return found


def extract_quotes(segments: Sequence[Segment], block_paths: Mapping[int, str] | None = None) -> list[Quote]:
    """Quotes in reading order, with speaker as written and resolved (pronouns to the last name).

    block_paths: each source line's DOM path (Block.dom_path, by Block.line_no), for the quotes a <blockquote>
    attributes in its markup (blockquote_quotes); none when absent (text pages)."""
    marked_up = blockquote_quotes(segments, block_paths) if block_paths else {}
    quotes: list[Quote] = []
    last_named: str | None = None  # the last speaker of a quote
    last_subject: str | None = None  # the last speaker or titled subject of a Korean sentence
    last_said: str | None = None  # the last named subject of an English speech verb in reported speech
    pending: list[int] = []  # whole-paragraph quotes waiting for a speaker named later
    surnames: set[str] = set()  # the last names of people the text has named in full so far ('Jane Roberts')
    for index, segment in enumerate(segments):
        if segment.kind not in QUOTE_KINDS:
            continue
        surnames |= full_name_surnames(_outside_quotes(segment.text))
        if index in marked_up:
            quoted, speaker = marked_up[index]
            if quoted:
                quotes.append(Quote(segment.seq, len(quotes), speaker, speaker, quoted))
                last_named = last_subject = speaker
            continue
        text = segment.text
        if "“" not in text and '"' not in text:
            # Korean news names the speaker in a sentence of its own before quoting ('강 시장은 ... 했다.'),
            # or after a quote that stands alone ('“...”' then '강 시장은 이같이 말했다.')
            subject = last_korean_subject(text)
            if subject and pending and _KOREAN_SPEECH_VERB.search(text):
                for index in pending:
                    quotes[index] = Quote(**{**quotes[index].__dict__, "speaker": subject})
                pending.clear()
            last_subject = subject or last_subject
            last_said = last_english_subject(text) or last_said
            continue
        candidates: list[tuple[str, str | None, bool, bool, int, int]] = []
        for start, end in _spans(text):
            quote = text[start:end].strip().rstrip(",").strip()
            if _is_speech(quote) or _is_short_quoted_speech(quote, text[end + 1:end + 1 + MAX_KOREAN_ATTRIBUTION_CHARS]):
                whole = (end - start) >= WHOLE_PARAGRAPH_SHARE * len(text) and bool(_SENTENCE_END.search(quote))
                speaker, attributed = _speaker_for(text, start, end)
                candidates.append((quote, speaker, whole or attributed, attributed and not speaker, start, end))
        paragraph_speaker = next((c[1] for c in candidates if c[1]), None)
        # A quote split in two ('“...,” said Mayor Kim. “...”') keeps its speaker: once a paragraph has an
        # attributed quote, its other passages in quotes are that speaker's too.
        found = _join_split_quotes(text, [(quote, speaker, unnamed, start, end)
                                          for quote, speaker, speech, unnamed, start, end in candidates
                                          if speaker or speech or paragraph_speaker])
        for quote, written, unnamed in found:
            written = written or paragraph_speaker
            resolved = written
            if written and written.lower() in PRONOUNS:
                # the subject this paragraph named before the quote, else the last speaker, else one named in prose
                before = text[:text.find(quote)]
                resolved = last_english_subject(before) or last_surname(_since_last_quote(before), surnames) or last_named or last_said \
                    or written
            elif written:
                last_named = last_subject = written
            if resolved is None:
                # '이어 “...”고 덧붙였다': the speech verb's subject is the last one named, in a quote or not
                resolved = (last_subject if unnamed else None) or last_named
            if resolved is None:
                pending.append(len(quotes))
            elif pending:
                for index in pending:
                    quotes[index] = Quote(**{**quotes[index].__dict__, "speaker": resolved})
                pending.clear()
            quotes.append(Quote(segment.seq, len(quotes), resolved, written, quote))
        last_said = last_english_subject(text) or last_said
    return quotes
