"""Named line rules for site chrome, in one place so another city's site is one edit away.

Each rule is a name and a pattern matched against a whole line (after whitespace collapse). Rules
are deliberately anchored: a line is chrome only when it is nothing but chrome, so an article
sentence that mentions 'print' or '목록' is never removed.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

MAX_CHROME_LINE_CHARS = 200  # chrome lines are short; a longer line is article text whatever it says
MAX_ITEM_CHARS = 80  # a single chrome item (a button, a menu entry, a skip link) is a few words
# Words that make '<word> City' a phrase rather than a place name: 'Smart City' and 'The City' are
# headings or text, 'Gwangju City' is the site's name.
NOT_PLACE_WORDS = ("the", "a", "an", "this", "that", "our", "your", "my", "their", "its", "every", "each",
                   "smart", "safe", "safer", "green", "open", "digital", "creative", "sister", "host", "capital",
                   "inner", "global", "local", "central", "national", "federal", "friendly", "future", "new", "ai")
# A line that ends like a sentence (an English word or a digit and a full stop, a Korean verb ending
# '...했다.') is article text: loose phrase rules (survey, address, copyright words) never take it.
_SENTENCE_END = re.compile(r"(?:[A-Za-z]{2}[.!]|\d[.!]|다[.!]?)[\"”’')\]]*$")


@dataclass(frozen=True)
class LineRule:
    """A named chrome pattern: matched against the whole line, or searched in it (anywhere=True)."""

    name: str
    pattern: re.Pattern[str]
    max_chars: int = MAX_ITEM_CHARS
    anywhere: bool = False
    prose_ok: bool = True  # False: a line that ends like a sentence is never this rule's

    def applies(self, text: str) -> bool:
        """True when the rule may name a line this long and shaped so (its length bound, its prose test)."""
        return len(text) <= self.max_chars and (self.prose_ok or not _SENTENCE_END.search(text))

    def matches(self, text: str) -> bool:
        if not self.applies(text):
            return False
        return bool(self.pattern.search(text) if self.anywhere else self.pattern.match(text))


def _rule(name: str, *alternatives: str, max_chars: int = MAX_ITEM_CHARS) -> LineRule:
    body = "|".join(f"(?:{a})" for a in alternatives)
    return LineRule(name, re.compile(rf"^(?:{body})$", re.IGNORECASE), max_chars)


def _contains(name: str, *alternatives: str, max_chars: int = MAX_CHROME_LINE_CHARS,
              prose_ok: bool = True) -> LineRule:
    """A short line that contains a tell-tale phrase ('All rights reserved', '만족하십니까')."""
    body = "|".join(f"(?:{a})" for a in alternatives)
    return LineRule(name, re.compile(body, re.IGNORECASE), max_chars, anywhere=True, prose_ok=prose_ok)


LINE_RULES: tuple[LineRule, ...] = (
    _rule("skip_link",
          r"(shortcut|skip|go|jump) to (the )?(text|contents?|main( contents?| menu)?|body|navigation)",
          r"(본문|주\s?메뉴|메인\s?메뉴|하단\s?메뉴|메뉴)\s*(바로\s*가기|건너\s*뛰기)(\s*.{0,10})?",
          r"[가-힣 ]{1,12}\s?바로\s?가기"),  # '주요 서비스 바로가기': any short 'go to X' link
    _rule("site_name",
          rf"(?!(?:{'|'.join(NOT_PLACE_WORDS)})\b)"
          r"[A-Z][a-z]+(-[a-z]+)?( metropolitan| special| special self-governing)? (city|government|province)"
          r"( hall| office)?",
          r"[가-힣]{1,8}(광역시|특별시|특례시|특별자치시|특별자치도|시청|도청|군청|구청)",
          # A line that is only '청주시' is the site's name. Place names have two syllables or more;
          # two-syllable words ending in 시/군 are ordinary nouns ('당시', '도시', '전시', '해군').
          r"[가-힣]{2,4}(시|군)"),
    _rule("menu",
          r"(모바일\s?)?(전체\s?)?메뉴\s?(열기|닫기|보기)?", r"(open|close|view|toggle) (the )?(all |mobile |main )?menu",
          r"(all |mobile |main )?menu (open|close)", r"korean|english|chinese|japanese|русский|español|français",
          r"(all|main|mobile|site) ?menu", r"sitemap|site map|사이트\s?맵", r"(log ?in|log ?out|sign ?(in|up)|join)",
          r"(로그인|로그아웃|회원가입|통합검색|검색|검색어 입력|search|language|언어|한국어|english|中文|日本語)",
          r"(korean|english|chinese|japanese|한국어|中文|日本語|русский|tiếng việt|español|français)"
          r"( ?[|/·] ?(korean|english|chinese|japanese|한국어|中文|日本語|русский|tiếng việt|español|français))+",
          r"[▲△↑^]?\s*(top|맨 ?위로|위로 가기|go to top|back to top)\s*[▲△↑^]?", r"home|홈|홈으로", r"(이전|다음|prev(ious)?|next)( ?(글|page|post))?"),
    _rule("button",
          r"(page )?(print|download|share|scrap|copy (url|link)|list|back to list|go to list|zoom (in|out))",
          r"tweet( this)?|pin it",  # a share button's label ('<a class="twitter-share-button">Tweet</a>')
          r"(인쇄|목록|다운로드|공유|스크랩|url ?복사|주소 ?복사|링크 ?복사|확대|축소|글자 ?크기|이전글|다음글)(하기|으로)?",
          r"(facebook|twitter|x|x ?\(twitter\)|kakao ?(talk|story)?|naver ?blog|blog|band|instagram|youtube|페이스북|트위터|"
          r"카카오(톡|스토리)?|블로그|밴드|인스타그램|유튜브)"),
    _contains("survey", r"만족하(십니까|셨습니까|셨나요)|만족도\s?(조사|평가)|평가해\s?주세요|의견을 남겨|"
                        r"도움이\s?되(셨|었)(나요|습니까)|are you satisfied|how satisfied|satisfied with (the|this)|"
                        r"page satisfaction|rate this page|was this (page|information) helpful", max_chars=120,
              prose_ok=False),  # '시민 만족도 조사 결과 85%가 만족했다.' reports a survey
    _rule("survey", r"(매우\s?)?(만족|불만족|좋음|나쁨|그렇다|그렇지 않다)|보통|(very )?(satisfied|dissatisfied|good|poor)|"
                    r"neutral|average|평가하기|의견 ?등록|submit|제출|rate|평가"),
    _contains("copyright", r"ⓒ|©|all rights reserved|copyright\s*(\(c\)|\d{4})|\(c\)\s*(\d{4}|copyright)",
              max_chars=240),
    # the bare words appear in prose too: 'Copyright law protects artists.', '무단 복제를 단속하겠다.'
    _contains("copyright", r"copyright|무단\s?(전재|복제|배포)", max_chars=240, prose_ok=False),
    # The terms a page's content may be reused under (KOGL's '공공누리', Creative Commons): the site's
    # licence notice under every page, as a copyright line is; the sentence is a formula ('본 저작물은 ...
    # 조건에 따라 이용할 수 있습니다', 'This work is licensed under a ... License.') whatever its type.
    _contains("licence", r"저작물은?.{0,120}조건에\s?따라\s?이용\s?할?\s?수\s?있습니다",
              r"\b(this|the|all) (work|content|page|site|material|text)s?\b.{0,40}\b(is|are) (licen[cs]ed|available) under\b",
              max_chars=240),
    # ... and its marks: a licence type ('공공누리 제4유형'), the copyright policy's link ('저작권 정책 보기'); a
    # licence's bare name ('What is Creative Commons?', '공공누리란') is a subject pages write about
    _contains("licence", r"공공누리\s?제?\s?\d\s?유형|저작권\s?(보호\s?)?정책", max_chars=120, prose_ok=False),
    _contains("address_footer", r"^(address|주소)\s*[:：]", max_chars=160),
    # Places, road names and phone numbers also fill news sentences ('광주광역시 서구 치평동 일대에서 ... 열린다.').
    _contains("address_footer",
              r"^(\(?\d{5}\)?\s*)?[가-힣]+(광역시|특별시|특례시|도)\s+[가-힣]+(구|시|군)\s+.{0,60}(\d+|번지|번길)",
              # romanised Korean road-name address: '111 Naebang-ro, Seo-gu, Gwangju'
              r"\b\d{1,5}(-\d{1,4})?,? [A-Z][a-z]+-(ro|gil|daero|dong)\b",
              # the phone label opens the line or follows the address's number or a separator ('... 용소로 45 TEL:
              # 051-629-4114', 'Fax (313) 224-3522'); after words it is an instruction ('Join by Phone: +1-646-...')
              r"(?:^|(?<=[\d),|·/]\s)|(?<=[\d),|·/]))(tel|fax|phone)\b\s*[.:]?\s*[+\d(][\d()\s.+-]{6,}",
              max_chars=160, prose_ok=False),
    # previous / next article links under the article: '이전글 : 제목', 'Next   Gadeokdo Airport Plan Finalized'
    _contains("prev_next", r"^(이전\s?글|다음\s?글|윗\s?글|아랫\s?글)\s*[:：|]?",
              # ... not 'Next date: Saturday, April 11, 2026 | 02:00 PM': the next date of a recurring event is its schedule
              r"^(previous|prev|next)( post| article| news)?(?!\s+(date|time|meeting|session)s?\s*[:：])\s*[:：|]?\s+"
              r"(?=[A-Z0-9“\"‘'])[^.!?]*[!?]?$",
              max_chars=160),
    _contains("prev_next", r"no (next|previous|prev) (post|article)|(이전|다음)\s?글이 없습니다", max_chars=80),
    # hashtag rows under an article: 'Tags  #hydrogen  #tram', '#강남구 #반려동물'
    _contains("tags", r"^(?:(?:tags?|태그|키워드)\s*[:：]?\s*)?#[^#]+(?:#[^#]+)+$", r"^(?:tags?|태그)\s*[:：]", max_chars=200),
    # A widget that asks the reader to log in ('로그인이 필요합니다.', 'Please log in to comment.'): the site's, not the article's
    _rule("login_prompt",  # a note's mark may lead it ('*로그인 후 작성 가능합니다.', '※ Please log in to comment.')
          r"(?:[*※]\s?)?(회원\s?)?로그인(이|을)?\s?(필요합니다|하셔야\s?합니다|해\s?주(세요|십시오)|후\s?(이용|작성|확인|열람|신청)\s?"
          r"(하실\s?수\s?있습니다|할\s?수\s?있습니다|가능합니다|해\s?주(세요|십시오)))\.?",
          r"(?:[*※]\s?)?(please )?(log|sign) ?in (to|before) [a-z ]{2,40}\.?",
          r"(?:[*※]\s?)?(you must|you need to) (be )?(logged|signed) in"
          r"( to [a-z ]{2,40})?\.?", r"(login|sign[- ]in) (is )?required\.?"),
    # A list or a widget with nothing in it says so ('등록된 후기가 없습니다.', '진행 중인 채용 공고가 없습니다.', 'No comments
    # yet.'): the message of an empty box, not the article's text. Events and meetings are left out: 'No Meeting' in a
    # schedule is the schedule's fact.
    _rule("empty_state",
          r"(현재\s?)?(등록된|작성된|진행\s?중인|검색된|조회된|게시된|최근)\s?[가-힣A-Za-z0-9·\s]{1,20}?(이|가)\s?없습니다\.?",
          r"(there (are|is) )?no (comments?|reviews?|posts?|results?|records?|items?|entries|articles?|files?|messages?|"
          r"replies|questions?)( (yet|found|available|to (show|display)))\.?",
          r"there (are|is) no (comments?|reviews?|posts?|results?|records?|items?|entries|articles?|files?|messages?|"
          r"replies|questions?)( yet)?\.?"),
    _rule("updated", r"(최종\s?수정일|최종\s?업데이트|last (updated|modified))\s*[:：]?.{0,40}"),
    _rule("attachment_button",
          r"attachments? full( \(compressed\))? download", r"(download|save) all( attachments)?",
          r"첨부\s?파일\s?전체\s?(\(압축\)\s?)?다운로드", r"전체\s?다운로드|일괄\s?다운로드",
          r"(첨부\s?파일\s?)?(바로\s?보기|미리\s?보기)|preview|view"),
)


MAX_COMPOSITE_CHARS = 100  # a row of buttons or menu links; longer lines are not split into tokens
COMPOSITE_RULES = ("menu", "button", "skip_link", "site_name", "survey")  # rules whose items sit side by side in a row
_COMPOSITE_SEPARATORS = re.compile(r"\s*[|·/]\s*")


# Whole-line item rules in one alternation (one regex call per line), contains-rules after them.
_ITEM_RULES = re.compile("|".join(f"(?P<{r.name}_{i}>{r.pattern.pattern})" for i, r in enumerate(LINE_RULES)
                                  if not r.anywhere), re.IGNORECASE)
_CONTAINS_RULES = tuple(r for r in LINE_RULES if r.anywhere)


def _item_rule(text: str) -> str | None:
    if len(text) > MAX_ITEM_CHARS:
        return None
    match = _ITEM_RULES.match(text)
    return match.lastgroup.rsplit("_", 1)[0] if match else None


# The contains-rules' patterns, each searched on its own: one alternation of all of them (a scan of the line
# instead of one per rule) was twice as slow, since no branch's first characters can then be looked for in C
# (measured on the 23,199 lines the peers' 579 pages ask about: 0.56 -> 0.31 CPU-s).
_CONTAINS_SEARCHES = tuple((rule, rule.pattern.search) for rule in _CONTAINS_RULES)
_CONTAINS_LONGEST = max(r.max_chars for r in _CONTAINS_RULES)


def _contains_rule(text: str) -> str | None:
    """The contains-rule whose phrase comes first in the line (the first in order among those starting there),
    if it applies to a line this long and shaped so; else the first rule in order that does; else None."""
    leftmost = first = None
    at = len(text) + 1
    for rule, search in _CONTAINS_SEARCHES:
        found = search(text)
        if found is None:
            continue
        if found.start() < at:
            leftmost, at = rule, found.start()
        if first is None and rule.applies(text):
            first = rule
    if leftmost is None:
        return None
    if leftmost.applies(text):
        return leftmost.name
    return first.name if first is not None else None


def _whole_line_rule(text: str) -> str | None:
    rule = _item_rule(text)
    if rule:
        return rule
    if len(text) > _CONTAINS_LONGEST:
        return None
    return _contains_rule(text)


def _composite_rule(text: str) -> str | None:
    """A row of chrome items ('로그인 | 회원가입 | 사이트맵', '인쇄 페이스북 목록', 'page print page download')."""
    words = text.split()
    if not (_item_rule(words[0]) in COMPOSITE_RULES
            or (len(words) > 1 and _item_rule(f"{words[0]} {words[1]}") in COMPOSITE_RULES)):
        return None  # cheap exit for prose: a row of chrome starts with a chrome item
    for parts in (_COMPOSITE_SEPARATORS.split(text), text.split()):
        parts = [p for p in parts if p]
        if len(parts) > 1 and all(_item_rule(p) in COMPOSITE_RULES for p in parts):
            return "menu"
    words = text.split()
    # Two-word items ('page print') side by side: cover the line greedily with one- or two-word items.
    i = 0
    while i < len(words):
        if i + 1 < len(words) and _item_rule(f"{words[i]} {words[i + 1]}") in COMPOSITE_RULES:
            i += 2
        elif _item_rule(words[i]) in COMPOSITE_RULES:
            i += 1
        else:
            return None
    return "menu" if len(words) > 2 else None


CONTROL_RULE = "button"  # the line rule of a control's label ('Print', 'Share', 'Tweet', '인쇄', '공유')
# ... and of a file's control ('다운로드', '미리보기', 'View'): the labels of the controls beside a row's value
CONTROL_RULES = frozenset({CONTROL_RULE, "attachment_button"})


def match_line_rule(text: str) -> str | None:
    """The name of the first chrome rule that matches the whole line, or None.

    >>> match_line_rule("page print"), match_line_rule("모바일메뉴 열기"), match_line_rule("Print this.")
    ('button', 'menu', None)
    """
    text = " ".join(text.split())  # the rules see single-spaced words, whatever the caller passed
    if not text or len(text) > MAX_CHROME_LINE_CHARS:
        return None
    rule = _whole_line_rule(text)
    if rule is None and len(text) <= MAX_COMPOSITE_CHARS:
        rule = _composite_rule(text)
    return rule
