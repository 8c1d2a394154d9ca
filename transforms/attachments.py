"""Read the files a page lists (its attachments) from the DOM, before any chrome is removed.

Boards, meeting pages and notices list their files in many shapes: a '첨부파일' row of links whose text is the
file name ('공고문.hwp (71KB)'), a download list under 'Attachments', a Drupal file field with a PDF icon and a
size beside a link titled 'Agenda'. Two kinds of link are read, by structure rather than any site's words (and, from the blocks, list items and
rows that name a file without a link: listed_files):

- a link whose own text is a file name (a name ending in a document extension, a size or a count beside it);
- a link to a document (its URL names a .pdf, .hwp, ... file) that the page shows as a download: a file-type
  icon, a size beside it or on the line below it ('PDF, 1.2 MB, 24 pages' under a heading link), its own type
  named beside it or on its next line ('(HWP)', '[한글]', 'File Type: PDF'), a format table's cell reading its
  type ('Fillable Adobe:' | 'PDF'), or a row or box labelled as attachments ('첨부파일', 'Attachments'). Its name
  is the file name its title, its URL's file parameter or its URL's path gives (a path that links with different
  queries share names a script, not a file);
- the same document's other formats beside a file read so (its URL's path with another extension: 'dd0285.frl');
- a link whose text is a title, with one file type and a size beside it ('<a href="fileDown.do?id=3">공고문</a>
  [hwp, 35KB]'): named by the title, its extension the type shown.

A link to a document with no such sign is a link in prose ('the settlement is here'), not an attachment, and a
page with more shown documents than an item lists is a document library: its links are not read as attachments
(documents, not files, are counted: one document's language versions are one entry, document_key)
(nor any link of a page that names more files than an item ever lists: an archive).
Links in navigation and the page footer are never attachments. Text dumps keep their text shapes
(transforms/metadata.py: '1.jpg[size: 783.2 KB, Download: 1]'); merge_attachments joins the two readings.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import replace
from itertools import islice
from urllib.parse import parse_qsl, unquote, urlsplit

from lxml import etree

from cityclips.transforms.dom import tag_of, text_content
from cityclips.transforms.metadata import ATTACHMENT_HEADER_RE, DOWNLOADS_RE, MAX_PLAUSIBLE_COUNT, SIZE_RE, size_in_bytes
from cityclips.transforms.records import Attachment, Block, CleanPage, RemovedLine
from cityclips.transforms.rules import CONTROL_RULES, match_line_rule
from cityclips.transforms.source import absolute_url

# Files people attach to notices and meeting pages: documents (HWP and its template HWT, Office, OpenDocument,
# PDF, text), archives, images, and audio and video files offered as downloads (a speech's recording in WMV, MOV and
# MP3, a briefing's '동영상.mp4'). Web pages (.html, .do, .php) are never attachments.
MEDIA_EXTENSIONS = ("mp3", "mp4", "m4a", "m4v", "wav", "wma", "wmv", "mov", "avi", "mkv", "webm", "flv")
DOCUMENT_EXTENSIONS = ("pdf", "hwp", "hwpx", "hwt", "doc", "docx", "xls", "xlsx", "ppt", "pptx", "odt", "ods",
                       "odp", "rtf", "txt", "csv", "zip", "7z", "alz", "egg", "jpg", "jpeg", "png", "gif") + MEDIA_EXTENSIONS
_EXT = "|".join(sorted(DOCUMENT_EXTENSIONS, key=len, reverse=True))
MAX_NAME_CHARS = 200  # a file name is a title at most; longer link text is a sentence that mentions one
# A size or count beside the name ('(71KB)', '[size: 1.3 MB]', '(1)') is short.
MAX_BESIDE_CHARS = 40
# A link's text that is a file name: the name (a size may lead it, '217.99KB붙임. 포스터.jpg'), then at most a
# bracketed size or count or a bare size, and a download count ('공고문.hwp (120KB) 다운로드 12회', as
# transforms/metadata.py's DOWNLOADS_RE reads it). Nothing else may follow the extension.
_COUNT_WORDS = r"(?:downloads?|downloaded|다운로드|다운|hits)"
# Arrows and bullets that lead a link ('› PM_Besuch.pdf') are no part of the name; brackets are ('[서식1] 양식.zip').
_NAMED_FILE = re.compile(rf"^(?:\d[\d,]*(?:\.\d+)?\s*[KMG]B\s*)?[›»▶▷►•·ㆍ*\s-]*(?P<name>[^\n]{{1,{MAX_NAME_CHARS}}}?\.(?P<ext>{_EXT}))"
                         rf"\s*(?P<beside>[\[(][^\])]{{0,{MAX_BESIDE_CHARS}}}[\])]|\d[\d,]*(?:\.\d+)?\s*[KMG]B)?"
                         rf"(?P<count>\s*[,/|-]?\s*{_COUNT_WORDS}\s*[:：]?\s*\d[\d,]*\s*(?:회|times)?)?\s*$", re.IGNORECASE)
# A file name inside a title, an icon's alt text or a URL parameter ('공고.hwp 파일', 'name=공고.hwp').
_FILE_NAME = re.compile(rf"(?P<name>[^/\\=&?\n]{{1,{MAX_NAME_CHARS}}}?\.(?P<ext>{_EXT}))(?![^\W_])", re.IGNORECASE)
_URL_FILE = re.compile(rf"\.(?:{_EXT})$", re.IGNORECASE)
# A URL written as the link's text ('www.site.de/geschichten/banane.pdf', 'i.redd.it/x.jpg') is an address, not a name.
_URL_TEXT = re.compile(r"://|(?<![^\s(])www\.|(?<![^\s(])[\w-]+(?:\.[\w-]+)*\.[a-z]{2,6}/", re.IGNORECASE)
# A link to a picture named only by its URL is a photo's enlargement, not a file the page lists.
IMAGE_EXTENSIONS = frozenset({"jpg", "jpeg", "png", "gif"})
# A cheap first look at a link's href and title: only one that mentions a document's extension may point to one.
_MENTIONS_FILE = re.compile(rf"\.(?:{_EXT})(?![a-z0-9])", re.IGNORECASE)
# An icon that names a file type: its alt, src, title or class says 'pdf', 'hwp', 'application/pdf' ('PDF icon',
# 'bt_hwp.gif'); a decorative icon ('icon-notebook-list', 'icon-down') names none.
_ICON_HINT = re.compile(rf"(?<![a-z])(?:{_EXT})(?![a-z])|application[/-]", re.IGNORECASE)
# A URL's file name that is a storage key (digits, a hash: '20250411142518969.pdf') names no file a reader sees.
_STORAGE_KEY = re.compile(r"^(?:[\d_-]+|[0-9a-f_-]{16,})$", re.IGNORECASE)
ICON_TAGS = frozenset({"img", "i", "svg"})
# Attachments lists of real items hold 1-10 files (a grant call's forms and references: 10); a page showing
# more document links than this is a library or an archive of meetings, whose links are not one item's files.
MAX_SHOWN_DOCUMENTS = 15
# ... counted as documents: one document's language versions are one entry of the list, not many (an EU factsheet
# in 24 languages: '09_Factsheet_2023_EN.pdf', '..._BG.pdf'; a notice's '공고문(국문).hwp' and '공고문(영문).hwp').
# A version names its language by an ISO 639-1 code, a common ISO 639-2 one, or the language's name.
_ISO_639_1 = ("aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce ch co cr cs cu cv cy da de dv "
              "dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy hz ia id ie ig ii "
              "ik io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb lg li ln lo lt lu lv mg mh mi mk "
              "ml mn mr ms mt my na nb nd ne ng nl nn no nr nv ny oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc "
              "sd se sg si sk sl sm sn so sq sr ss st su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve "
              "vi vo wa wo xh yi yo za zh zu").split()
_LANGUAGE_NAMES = ("eng kor chi chn zho jpn vie rus fra fre deu ger spa english korean chinese japanese vietnamese "
                   "russian french german spanish 국문 한글 한국어 영문 영어 중문 중국어 일문 일본어 베트남어 러시아어 "
                   "몽골어 태국어 캄보디아어 우즈베크어 인도네시아어 필리핀어 네팔어 아랍어 스페인어 프랑스어 독일어").split()
# the language as a word of the name of its own, between separators ('_EN', '(영문)', '-bg', ' English')
_LANGUAGE_TAG = re.compile(rf"(?<![^\W_])(?:{'|'.join(_ISO_639_1 + _LANGUAGE_NAMES)})(?![^\W_])", re.IGNORECASE)
# An item lists a few files, a meeting its packet of agenda, minutes and exhibits (a few dozen at most); a page
# whose links name more files than this is an archive (a board of 1,152 agendas and minutes, a year of a
# commission's minutes): its files are its rows, not one item's attachments.
MAX_PAGE_FILES = 40
# Sectioning chrome: a footer's privacy-policy PDF or a menu's brochure is never an item's attachment.
CHROME_TAGS = frozenset({"nav", "footer"})
BESIDE_LEVELS = 2  # a size sits in the link's box or the box around it ('<span><a/></span> <span>(3 MB)</span>')
# ... or on the line below a link that is a line of its own (GOV.UK: '<h2><a>Report</a></h2><p>PDF, 1.2 MB, 24 pages</p>'):
# the link's box or one of the few boxes around it that hold nothing but the link, then its next sibling.
LINE_LEVELS = 3
# That line gives the file's facts (a reference, its type, size and pages: 'Ref: LIT 10132 PDF, 514KB, 8 pages');
# a longer line is a sentence of the text.
MAX_NEXT_LINE_CHARS = 80
# A size on that line stands as a word of its own and has a K, M or G ('514KB', '1.2 MB'): a line of text below a
# link ('Agenda Item #2 Status of the Draft 2022 Business Plan') holds no '2022 B' of a size.
_LINE_SIZE = re.compile(r"(?<![^\W\d_])(?P<num>\d[\d,]*(?:\.\d+)?)\s*(?P<unit>[KMG]B)(?![^\W_])", re.IGNORECASE)
# A page that says what type of file a link gives ('PDF', 'File Type: PDF', '(HWP)', '[한글]', a link reading 'PDF-Ext')
# shows it as a download. A type is named by its extension as a word or by the program that opens it; the type must be
# the link's own (a word 'PDF' beside a link to a .hwp names another file's type). Versions of one format share a family.
TYPE_NAMES = {"한글": "hwp", "한컴": "hwp", "아래아한글": "hwp", "word": "doc", "excel": "xls", "엑셀": "xls",
              "powerpoint": "ppt", "파워포인트": "ppt", "acrobat": "pdf", "adobe": "pdf"}
TYPE_FAMILY = {"hwpx": "hwp", "hwt": "hwp", "docx": "doc", "xlsx": "xls", "pptx": "ppt", "jpeg": "jpg"}
_TYPE_NAME = re.compile(rf"(?<![^\W_])(?:{_EXT}|{'|'.join(TYPE_NAMES)})(?![^\W_])", re.IGNORECASE)
# The same document in other formats sits beside its PDF: a link whose URL is an attachment's with another extension
# ('dd0285.pdf', 'dd0285.frl', 'dd0285.frz': a form for three programs). Web pages are never such a version.
WEB_EXTENSIONS = frozenset({"htm", "html", "shtml", "xhtml", "php", "asp", "aspx", "jsp", "jspx", "do", "cfm", "cgi",
                            "pl", "py", "action", "nhn", "json", "xml", "rss", "js", "css"})
_OTHER_FORMAT = re.compile(r"^(?P<stem>[^/]+)\.(?P<ext>[a-z][a-z0-9]{1,4})$", re.IGNORECASE)
LABEL_LEVELS = 4  # a label ('첨부파일', 'Attachments') sits in the link's row or box, a few levels up
MAX_LABEL_CHARS = 20  # a label is a word or two, with a count ('첨부파일 (2)')

# A remark that a listed file is not public ('비공개 문서', '공개 제한', 'Not publicly available', 'Restricted'): the
# file is a row of the list, with no link to it.
_WITHHELD = re.compile(r"[\W_]*(?:비공개|부분\s?공개|공개\s?제한|열람\s?제한|열람\s?불가|다운로드\s?불가|"
                       r"not\s+(?:publicly\s+)?(?:available|public|released)|restricted|withheld|confidential)"
                       r"(?:\s*(?:문서|파일|자료|document|file))?[\W_]*", re.IGNORECASE)
LISTED_HINTS = frozenset({"li", "cell"})  # list items and table rows: the entries of a file list
CELL_SEPARATOR = " : "  # how html_blocks joins a row's cells ('th : td')
_LINKS = etree.XPath("//a[@href or @onclick]")
_DESCRIBED_LINKS = etree.XPath("//a[@href and @aria-describedby]")
_DOTTED_LINKS = etree.XPath("//a[contains(., '.')]")  # links whose text may be a file name
_SPACE = re.compile(r"\s+")


def _squash(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


def _in_chrome(el: etree._Element) -> bool:
    return any(tag_of(up) in CHROME_TAGS or (up.get("role") or "").lower() == "navigation"
               for up in el.iterancestors())


def _beside_text(link: etree._Element) -> str:
    """The short text shown beside a link in its own box ('(136 KB)'): the text outside the link of the largest
    of its nearest ancestors (BESIDE_LEVELS) that hold this link alone; else the text right after the link."""
    own, beside, box = text_content(link), "", link
    for _ in range(BESIDE_LEVELS):
        box = box.getparent()
        if box is None or next(islice(box.iter("a"), 1, None), None) is not None:
            break  # the box holds other links too: their names are not this file's size
        text = _squash(text_content(box).replace(own, " ", 1))
        if len(text) > MAX_BESIDE_CHARS:
            break
        beside = text
    if not beside:
        beside = _squash(link.tail or "")
    return beside if len(beside) <= MAX_BESIDE_CHARS else ""


def _size_below(link: etree._Element) -> int | None:
    """The size on the short linkless line right below a link that is a line of its own ('<h2><a>Report</a></h2>'
    then '<p>PDF, 514KB, 8 pages</p>'): that line is the next element after the largest of the link's nearest boxes
    (LINE_LEVELS) whose text is the link's alone, with no text between them."""
    own, box = _squash(text_content(link)), link
    for _ in range(LINE_LEVELS):
        parent = box.getparent()
        if parent is None or _squash(text_content(parent)) != own:
            break
        box = parent
    below = box.getnext()
    while below is not None and not isinstance(below.tag, str):
        below = below.getnext()  # a comment between the lines
    if below is None or _squash(box.tail or "") or next(below.iter("a"), None) is not None:
        return None
    text = _squash(text_content(below))
    match = _LINE_SIZE.search(text) if len(text) <= MAX_NEXT_LINE_CHARS else None
    return size_in_bytes(match["num"], match["unit"]) if match else None


def _line_after(link: etree._Element) -> str:
    """The short text on the link's line after it, up to the next line break ('<a/> (PDF, 1 MB)'), or, when nothing
    follows the link on its own line, the next line ('<a>VA Form 10</a><br><label>File Type:</label> PDF<br>'); ''
    when that line holds a link or is longer than MAX_NEXT_LINE_CHARS."""
    parts, broke = [link.tail or ""], False
    for sibling in link.itersiblings():
        if not isinstance(sibling.tag, str):
            parts.append(sibling.tail or "")
            continue
        if tag_of(sibling) == "br":
            if broke or _squash("".join(parts)):
                break
            broke, parts = True, [sibling.tail or ""]  # the link ends its line: the facts are on the next one
            continue
        if next(sibling.iter("a"), None) is not None:
            return ""
        parts.extend((text_content(sibling), sibling.tail or ""))
        if sum(map(len, parts)) > MAX_NEXT_LINE_CHARS * 2:
            break
    text = _squash(" ".join(parts))
    return text if len(text) <= MAX_NEXT_LINE_CHARS else ""


def shown_types(text: str) -> set[str]:
    """The file types a short text names (extension families: 'PDF (1.2 MB)' -> {'pdf'}, '(한글, 120 KB)' -> {'hwp'},
    '[HWPX]' -> {'hwp'}).

    >>> sorted(shown_types("File Type: PDF")), sorted(shown_types("[한글, 35KB]")), sorted(shown_types("Spam pdfs"))
    (['pdf'], ['hwp'], [])
    """
    found = set()
    for match in _TYPE_NAME.finditer(text):
        word = match[0].lower()
        ext = TYPE_NAMES.get(word, word)
        found.add(TYPE_FAMILY.get(ext, ext))
    return found


def _names_its_type(ext: str, *texts: str) -> bool:
    """One of the short texts beside a link (its box's, its line's: '(HWP)', 'File Type: PDF') names the type of
    the file the link gives."""
    family = TYPE_FAMILY.get(ext, ext)
    return any(text and len(text) <= MAX_BESIDE_CHARS and family in shown_types(text) for text in texts)


def _in_format_row(link: etree._Element, text: str, ext: str) -> bool:
    """The link is a format's entry in a table: its text is a word or two naming its file's type ('PDF', 'PDF-Ext',
    'HWP 파일') and it fills a cell of a row whose earlier cell is a short label ('Fillable Adobe:', '서식'). A link
    reading 'PDF version' or 'CLICK HERE FOR PDF' in a paragraph is a page's print copy or a link of its text."""
    if len(text) > MAX_LABEL_CHARS or not _names_its_type(ext, text):
        return False
    cell = next((up for _, up in zip(range(LABEL_LEVELS), link.iterancestors()) if tag_of(up) in ("td", "th")), None)
    if cell is None or _squash(text_content(cell)) != text:
        return False
    return any(isinstance(before.tag, str) and tag_of(before) in ("td", "th") and next(before.iter("a"), None) is None
               and 0 < len(_squash(text_content(before))) <= MAX_LABEL_CHARS for before in cell.itersiblings(preceding=True))


def _size(*texts: str) -> int | None:
    for text in texts:
        match = SIZE_RE.search(text or "")
        if match:
            return size_in_bytes(match["num"], match["unit"])
    return None


def _names_a_type(icon: etree._Element) -> bool:
    # the src's own extension says nothing: a photo's thumbnail is a .jpg, the PDF icon a .gif ('bt_hwp.gif')
    src = (icon.get("src") or "").rsplit("/", 1)[-1].rsplit(".", 1)[0]
    return bool(_ICON_HINT.search(" ".join(filter(None, (icon.get("alt"), src, icon.get("title"), icon.get("class"))))))


def _downloads(*texts: str) -> int | None:
    """A download count shown beside a file ('다운로드 17회', 'Downloads: 3'); a bare '(1)' says nothing of what it counts."""
    for text in texts:
        match = DOWNLOADS_RE.search(text or "")
        if match:
            count = int(match["dl"].replace(",", ""))
            return count if count <= MAX_PLAUSIBLE_COUNT else None
    return None


def _has_icon(link: etree._Element) -> bool:
    """A file-type icon inside the link beside its text, or beside the link in its box."""
    parent = link.getparent()
    boxes = (link,) if parent is None else (link, parent)
    return any(_names_a_type(el) for box in boxes for el in box.iter(*ICON_TAGS))


def _is_label(el: etree._Element) -> bool:
    text = _squash(text_content(el))
    return 0 < len(text) <= MAX_LABEL_CHARS and bool(ATTACHMENT_HEADER_RE.match(text))


def _labelled_as_attachments(link: etree._Element) -> bool:
    """The link sits in a row or box whose label says it lists files ('첨부파일', 'Attachments', 'Files'):
    the box's own leading text, or a linkless child of it (a th, dt, heading) before the link's branch."""
    branch = link
    for level, box in enumerate(link.iterancestors(), 1):
        if box.tag in ("body", "html") or level > LABEL_LEVELS:
            return False
        label = _squash(box.text or "")
        if label and len(label) <= MAX_LABEL_CHARS and ATTACHMENT_HEADER_RE.match(label):
            return True
        for child in box:
            if child is branch:
                break
            if isinstance(child.tag, str) and next(child.iter("a"), None) is None and _is_label(child):
                return True
        branch = box
    return False


def _target_name(link: etree._Element, href: str) -> tuple[str, str] | None:
    """(name, extension) of the document a link points to, from its title, its URL's parameters or path."""
    title = link.get("title") or ""
    match = _FILE_NAME.search(title) if len(title) <= MAX_NAME_CHARS + MAX_BESIDE_CHARS else None  # else a tooltip
    if match and _FILE_NAME.fullmatch(match["name"]):
        return match["name"].strip(), match["ext"].lower()
    try:
        parts = urlsplit(href)
    except ValueError:
        return None
    for _, value in parse_qsl(parts.query):
        match = _FILE_NAME.fullmatch(value.strip())
        if match:
            return match["name"].strip().rsplit("/", 1)[-1], match["ext"].lower()
    name = unquote(parts.path).strip().rsplit("/", 1)[-1]
    if _URL_FILE.search(name) and not _STORAGE_KEY.match(name.rsplit(".", 1)[0]):
        return name, name.rsplit(".", 1)[-1].lower()
    return None


def _named_link(link: etree._Element, text: str, base_url: str | None) -> Attachment | None:
    """A link whose text is a file name: 'name.hwp', '공고.hwp (71KB)', '217.99KB붙임. 포스터.jpg'."""
    match = _NAMED_FILE.match(text)
    if not match or _URL_TEXT.search(match["name"]):
        return None
    beside = (match["beside"] or "", text[:match.start("name")], match["count"] or "", _beside_text(link))
    size = _size(*beside)
    if size is None:
        size = _size_below(link)
    return Attachment(0, match["name"].strip(), match["ext"].lower(), size, _downloads(*beside),
                      absolute_url(link.get("href"), base_url), "link_text")


def _shown_document(link: etree._Element, text: str, base_url: str | None) -> Attachment | None:
    """A link to a document the page shows as a download (an icon, a size beside it, an attachments label)."""
    href = (link.get("href") or "").strip()
    if not text or not href or not _MENTIONS_FILE.search(f"{href} {link.get('title') or ''}"):
        return None  # an image link (a photo, a certification mark) is not an entry of a file list
    target = _target_name(link, href)
    if target is None or target[1] in IMAGE_EXTENSIONS:
        return None
    beside, line = _beside_text(link), _line_after(link)
    size = _size(beside, line)
    if size is None:
        size = _size_below(link)
    if size is None and _fills_its_line(link, text) and TYPE_FAMILY.get(target[1], target[1]) in shown_types(text):
        size = _size(text)  # the link's own text gives its type and size ('Video (WMV)<br>7.7MB - 4min')
    if (size is None and not _has_icon(link) and not _labelled_as_attachments(link)
            and not _names_its_type(target[1], beside, line) and not _in_format_row(link, text, target[1])):
        return None
    return Attachment(0, target[0], target[1], size, _downloads(beside, line), absolute_url(href, base_url),
                      "link_target")


def _fills_its_line(link: etree._Element, text: str) -> bool:
    """The link is its line's whole text (a list item, a paragraph of its own): an entry of a download list, not a
    link in a sentence ('please see our <a>adoption brochure (PDF, 230 KB)</a>.' names a document the prose cites)."""
    parent = link.getparent()
    return parent is not None and _squash(text_content(parent)) == text


def _sized_after(link: etree._Element) -> bool:
    """A cheap first look: the text right after the link (its tail, the next element's) shows a size."""
    after = link.tail or ""
    if not _squash(after):
        following = link.getnext()
        after = text_content(following) if following is not None and isinstance(following.tag, str) else ""
    return len(after) <= MAX_BESIDE_CHARS * 2 and bool(SIZE_RE.search(after))


def _typed_link(link: etree._Element, text: str, base_url: str | None) -> Attachment | None:
    """A link whose text is a title, with its file's type and size beside it ('<a href="fileDown.do?id=3">공고문</a>
    [hwp, 35KB]', 'Annual report (PDF, 1.2 MB)'): the file, named by the title, its extension the type shown
    (the extension as written, or the family a program's name gives: '한글' -> hwp)."""
    if not 0 < len(text) <= MAX_NAME_CHARS or _MENTIONS_FILE.search(text) or not (link.get("href") or "").strip():
        return None
    beside = _beside_text(link)
    size = _size(beside)
    if size is None or _controls_only(text):
        return None  # a 'Download' button beside a file's name names no file itself
    words = {match[0].lower() for match in _TYPE_NAME.finditer(beside)}
    if len(shown_types(beside)) != 1 or len(words) != 1:
        return None
    word = words.pop()
    return Attachment(0, text, TYPE_NAMES.get(word, word), size, _downloads(beside),
                      absolute_url(link.get("href"), base_url), "link_text")


def _file_key(name: str) -> str:
    return _squash(name).casefold()


def document_key(name: str) -> str:
    """What a file's language versions share: its name without the extension and without the words that name a
    language ('09_Factsheet_2023_EN.pdf' and '09_Factsheet_2023_BG.pdf': '09_factsheet_2023_'; '공고문(국문).hwp'
    and '공고문(영문).hwp': '공고문()'). Files of different documents keep different keys.

    >>> document_key('Report_2023_EN.pdf') == document_key('Report_2023_fr.pdf') != document_key('Summary_2023_EN.pdf')
    True
    """
    return _LANGUAGE_TAG.sub("", _file_key(name).rsplit(".", 1)[0])


def _same_file(a: str, b: str) -> bool:
    """Two readings (their _file_key) name one file when they are the same, or one ends the other after a space
    or a mark ('첨부 공고.hwp' and '공고.hwp'), never inside a word or number ('11차 회의록.hwp' is not '1차 회의록.hwp')."""
    if len(a) < len(b):
        a, b = b, a
    return bool(b) and a.endswith(b) and (len(a) == len(b) or not a[-len(b) - 1].isalnum())


def _script_names(shown: Iterable[Attachment]) -> set[str]:
    """The names of shown documents that links to one path with different queries share: the path names a script
    that serves many files ('DisplayDocument.pdf?seqNo=822752', '...?seqNo=823918': a court's opinions), not a file."""
    paths: dict[str, set[str]] = {}
    for attachment in shown:
        if attachment.url and "?" in attachment.url:
            paths.setdefault(attachment.name, set()).add(attachment.url)
    return {name for name, urls in paths.items()
            if len(urls) > 1 and len({url.split("?", 1)[0] for url in urls}) == 1}


def read_attachments(root: etree._Element | None, base_url: str | None = None) -> tuple[Attachment, ...]:
    """The files a parsed page lists, in document order, each once: links whose text is a file name
    (source 'link_text'), then, unless the page shows more than MAX_SHOWN_DOCUMENTS of them, links to documents
    shown as downloads (source 'link_target'); none when they are more than MAX_PAGE_FILES (an archive). url is
    the link's target made absolute against base_url (the page's URL), None for a script link
    ('javascript:fnDown(3)'). Read before html_blocks detaches chrome.

    >>> root = etree.fromstring('<div><b>첨부파일</b><a href="/down.do?id=3">공고.hwp (71KB)</a></div>')
    >>> [(a.name, a.size_bytes, a.url) for a in read_attachments(root, "https://a.go.kr/board/view.do")]
    [('공고.hwp', 72704, 'https://a.go.kr/down.do?id=3')]
    """
    if root is None:
        return ()
    read: dict[int, Attachment] = {}  # by the link's place among the page's links
    dotted = set(_DOTTED_LINKS(root))
    links = _LINKS(root)
    for at, link in enumerate(links):
        # a look at the href and title first: most of a page's links are neither a file name nor a file's link
        if link not in dotted and not _MENTIONS_FILE.search(f"{link.get('href') or ''} {link.get('title') or ''}"):
            if not _sized_after(link):
                continue
            attachment = _typed_link(link, _squash(text_content(link)), base_url)
            if attachment and not _in_chrome(link):
                read[at] = attachment
            continue
        text = _squash(text_content(link))
        if len(text) > MAX_NAME_CHARS + MAX_BESIDE_CHARS:
            continue
        attachment = ((_named_link(link, text, base_url) if "." in text else None) or _shown_document(link, text, base_url)
                      or _typed_link(link, text, base_url))
        if attachment and not _in_chrome(link):
            read[at] = attachment
    if read:
        read.update(_other_formats(links, read, base_url))
    found = [read[at] for at in sorted(read)]
    scripts = _script_names(a for a in found if a.source == "link_target")
    if scripts:
        found = [a for a in found if a.source != "link_target" or a.name not in scripts]
    if len({document_key(a.name) for a in found if a.source == "link_target"}) > MAX_SHOWN_DOCUMENTS:
        found = [a for a in found if a.source != "link_target"]
    if len({document_key(a.name) for a in found}) > MAX_PAGE_FILES:
        return ()  # an archive (counted before merging, whose cost grows with the square of the files)
    return merge_attachments(found)


def _url_stem(url: str | None) -> tuple[str, str] | None:
    """(the URL's path without its extension, casefolded; the extension) of a URL naming a file, else None."""
    try:
        path = unquote(urlsplit(url or "").path)
    except ValueError:
        return None
    match = _OTHER_FORMAT.match(path.rsplit("/", 1)[-1])
    return (path[:-len(match["ext"]) - 1].casefold(), match["ext"].lower()) if match else None


def _other_formats(links: Sequence[etree._Element], read: dict[int, Attachment],
                   base_url: str | None) -> dict[int, Attachment]:
    """The links (by place) to the read files' other formats: a URL whose path is a read file's with another
    extension, no web page's ('dd0285.frl' and 'dd0285.frz' beside 'dd0285.pdf'), outside the page's chrome."""
    stems = {stem[0] for stem in map(_url_stem, (a.url for a in read.values())) if stem and stem[1] not in WEB_EXTENSIONS}
    urls = {a.url for a in read.values()}
    found: dict[int, Attachment] = {}
    for at, link in enumerate(links):
        if at in read or not stems:
            continue
        url = absolute_url(link.get("href"), base_url)
        stem = _url_stem(url)
        if (stem is None or stem[0] not in stems or stem[1] in WEB_EXTENSIONS or url in urls
                or stem[1] in IMAGE_EXTENSIONS or _in_chrome(link)):
            continue
        name = unquote(urlsplit(url).path).rsplit("/", 1)[-1]
        beside = (_beside_text(link), _line_after(link))
        found[at] = Attachment(0, name, stem[1], _size(*beside), _downloads(*beside), url, "link_target")
    return found


def is_withheld_remark(text: str) -> bool:
    """A file's remark that the file is listed but not public: '비공개 문서', '(비공개)', 'Not publicly available',
    a word or three.

    >>> is_withheld_remark("비공개 문서"), is_withheld_remark("(Not available)"), is_withheld_remark("비공개 세부기준 안내")
    (True, True, False)
    """
    return bool(_WITHHELD.fullmatch(text.strip()))


def listed_files(blocks: Sequence[Block]) -> tuple[Attachment, ...]:
    """Files an HTML page's list items and table rows name as text, with no link of their own: an item whose
    text is a file name ('(붙임1) 지급명단(12.29.).xlsx', a file the page does not make public), a row whose first
    cell is one ('결재문서본문.hwpx (47.23 KB) : PDF 원문', its links are buttons). Source 'text_line'. A file whose
    own item (its beside text or a cell), or the next, says it is not public ('비공개 문서': is_withheld_remark) is withheld."""
    found = []
    for at, block in enumerate(blocks):
        if block.hint not in LISTED_HINTS or "." not in block.text:
            continue
        first, *cells = block.text.split(CELL_SEPARATOR)
        match = _NAMED_FILE.match(first)
        if match and not _URL_TEXT.search(match["name"]):
            size = _size(match["beside"] or "", first[:match.start("name")])
            after = blocks[at + 1].text if at + 1 < len(blocks) else ""
            withheld = any(map(is_withheld_remark, (match["beside"] or "", *cells, after))) or None
            found.append(Attachment(0, match["name"].strip(), match["ext"].lower(), size, None, withheld=withheld))
    return tuple(found) if len(found) <= MAX_PAGE_FILES else ()  # more: an archive's rows


def merge_attachments(read: Sequence[Attachment], *listed: Sequence[Attachment]) -> tuple[Attachment, ...]:
    """One list of a page's files: those read from its links, then those its text lists that no link names
    (transforms/metadata.py's text shapes). A file named twice is kept once, at its first place; a later
    reading's size, download count or URL fills what the first lacks. Ordinals are renumbered from 1."""
    merged: list[Attachment] = []
    keys: list[str] = []
    for attachment in (*read, *(a for more in listed for a in more)):
        key = _file_key(attachment.name)
        at = next((i for i, kept in enumerate(keys) if _same_file(kept, key)), None)
        if at is None:
            merged.append(attachment)
            keys.append(key)
            continue
        kept = merged[at]
        merged[at] = replace(kept, size_bytes=kept.size_bytes if kept.size_bytes is not None else attachment.size_bytes,
                             downloads=kept.downloads if kept.downloads is not None else attachment.downloads,
                             url=kept.url or attachment.url,
                             withheld=kept.withheld if kept.withheld is not None else attachment.withheld)
    return tuple(replace(a, ordinal=i) for i, a in enumerate(merged, 1))


# --- the lines that show a file: its attachment row, set apart from the body ------------------------------

ATTACHMENT_RULE = "attachment"  # the boilerplate rule of a line that is a file's entry (as clean.py's text shapes)
# What may stand on a file's line beside its name: a label opening it ('첨부 파일 :', '붙임 1.', 'Attachment 2:'),
# its size ('(136 KB)', '[size: 1.3 MB]'), a download count, its type ('PDF', 'HWP'), the controls that open it
# ('다운로드', '미리보기', 'Download', 'Preview'), brackets, bullets, separators and an ordinal.
_LINE_LABEL = re.compile(r"^[\W_]{0,3}(?:첨부\s?파일|파일\s?첨부|첨부|붙임|attachments?|attached files?|files?)"
                         r"\s*(?:\d{1,2}|\(\d{1,2}\))?\s*[:：.]?", re.IGNORECASE)
_SIZE_WORD = re.compile(r"(?:(?:size|크기|용량)\s*[:：]\s*)?(?<![^\W\d_])\d[\d,]*(?:\.\d+)?\s*(?:[KMG]B|bytes?|B)(?![^\W_])",
                        re.IGNORECASE)
_TYPE_WORD = re.compile(rf"(?<![^\W_])(?:{_EXT})(?![^\W_])", re.IGNORECASE)
_MARKS_ONLY = re.compile(r"^[\W_]*(?:\d{1,2}[\W_]*)?$")
_WORD_SPLIT = re.compile(r"[\s|/·,\[\]()]+")
MAX_CONTROL_WORDS = 3  # a control's label is a word or three ('바로 보기', 'back to list')


def _controls_only(text: str) -> bool:
    """The words are a row of controls' labels ('다운로드 미리보기', 'Download | Preview'), nothing else."""
    words = [w for w in _WORD_SPLIT.split(text) if w and not _MARKS_ONLY.match(w)]
    covered = [True] + [False] * len(words)  # covered[j]: words[:j] are labels
    for j in range(1, len(words) + 1):
        covered[j] = any(covered[i] and match_line_rule(" ".join(words[i:j])) in CONTROL_RULES
                         for i in range(max(0, j - MAX_CONTROL_WORDS), j))
    return covered[-1]


def _glued(a: str, b: str) -> bool:
    """Two characters side by side are one word: digits with digits, letters of one script ('11차': the '1' before
    '1차' is its number's; '217.99KB붙임.': the unit's Latin letters end before the Korean name)."""
    if a.isdigit() or b.isdigit():
        return a.isdigit() and b.isdigit()
    return a.isalpha() and b.isalpha() and a.isascii() == b.isascii()


def _without_names(line: str, keys: Sequence[str]) -> str | None:
    """The line with every file name it shows taken out (each where it stands as a whole: '1차 회의록.hwp' is not
    inside '11차 회의록.hwp'), None when it shows none."""
    found = False
    for key in keys:  # longest first: '11차 회의록.hwp' is taken before '1차 회의록.hwp' could be looked for in it
        at = line.find(key)
        while at >= 0:
            end = at + len(key)
            if (at == 0 or not _glued(line[at - 1], key[0])) and (end == len(line) or not _glued(key[-1], line[end])):
                line, found = f"{line[:at]} {line[end:]}", True
            at = line.find(key, at + 1)
    return line if found else None


def _is_file_line(text: str, keys: Sequence[str]) -> bool:
    rest = _without_names(_file_key(text), keys)
    if rest is None:
        return False
    rest = _TYPE_WORD.sub(" ", DOWNLOADS_RE.sub(" ", _SIZE_WORD.sub(" ", _LINE_LABEL.sub(" ", rest.strip()))))
    rest = _WITHHELD.sub(" ", rest)  # '공고.hwp (비공개)': the file's remark that it is not public
    return bool(_MARKS_ONLY.match(rest)) or _controls_only(rest)


def is_attachment_line(block: Block, names: Sequence[str]) -> bool:
    """True when a line of the body is a file's entry: one or more of the page's files (names) and nothing but what
    stands beside a file ('첨부 파일 : 공시송달.pdf', '217.99KB붙임. 포스터.jpg', 'Agenda.pdf (1.5 MB) Download
    Preview'), or a row whose first cell is one and whose other cells are short ('결재문서본문.hwpx (47.23 KB) : PDF
    원문', the row's buttons, each a word or two: MAX_LABEL_CHARS). A sentence that mentions a file ('자세한 내용은 공고문.hwp를 참고하세요') is text.

    >>> is_attachment_line(Block(1, "첨부 파일 : 공고문.hwp (71KB) 다운로드 미리보기"), ["공고문.hwp"])
    True
    >>> is_attachment_line(Block(1, "See the agenda.pdf for the order of business."), ["agenda.pdf"])
    False
    """
    return _is_attachment_line(block, _name_keys(names))


def _name_keys(names: Sequence[str]) -> list[str]:
    """The page's file names as _without_names looks for them: their _file_key, longest first."""
    return sorted({_file_key(name) for name in names if name}, key=len, reverse=True)


def _is_attachment_line(block: Block, keys: Sequence[str]) -> bool:
    if not keys or len(block.text) > MAX_NAME_CHARS + MAX_BESIDE_CHARS * 2:
        return False
    if _is_file_line(block.text, keys):
        return True
    first, *cells = block.text.split(CELL_SEPARATOR)
    return (block.hint in LISTED_HINTS and bool(cells) and all(len(cell.strip()) <= MAX_LABEL_CHARS for cell in cells)
            and _is_file_line(first, keys))


ATTACHMENT_NOTE_RULE = "attachment_note"  # the boilerplate rule of a note that describes a file's link
# A note that describes a link (its aria-describedby: GOV.UK's 'This file may not be suitable for users of assistive
# technology. Request an accessible format.' and its help under each file) is a paragraph or two; an id that names a
# larger box names a part of the page, not a note of the file.
MAX_NOTE_CHARS = 600
# A body line is one of the note's when the note holds it whole and it is no word or two that any text may hold
# ('email us', '요청'): a line of the note is a sentence or a request's label ('Request a different format.').
MIN_NOTE_LINE_CHARS = 12


def attachment_notes(root: etree._Element | None, attachments: Sequence[Attachment],
                     base_url: str | None = None) -> tuple[str, ...]:
    """The texts (whitespace squashed) of the notes the page ties to its files' links: the elements a file's link
    names in its aria-describedby (an accessibility or format notice, a request form's help), each at most
    MAX_NOTE_CHARS. Read with read_attachments, before html_blocks detaches chrome.

    >>> root = etree.fromstring('<div><h2><a href="/f/a.pdf" aria-describedby="h1">Report</a></h2><p>PDF, 1 MB</p>'
    ...                         '<div id="h1">This file may not be suitable for assistive technology.</div></div>')
    >>> attachment_notes(root, [Attachment(1, 'a.pdf', 'pdf', 1048576, None, '/f/a.pdf', 'link_target')])
    ('This file may not be suitable for assistive technology.',)
    """
    urls = {a.url for a in attachments if a.url}
    if root is None or not urls:
        return ()
    notes: list[str] = []
    for link in _DESCRIBED_LINKS(root):
        if absolute_url(link.get("href"), base_url) not in urls:
            continue
        for ref in (link.get("aria-describedby") or "").split():
            for note in root.iterfind(f".//*[@id='{ref}']") if ref.replace("-", "").replace("_", "").isalnum() else ():
                text = _squash(text_content(note))
                if text and len(text) <= MAX_NOTE_CHARS and text not in notes:
                    notes.append(text)
    return tuple(notes)


def _is_note_line(block: Block, notes: Sequence[str]) -> bool:
    text = _squash(block.text)
    return any(text == note or (len(text) >= MIN_NOTE_LINE_CHARS and text in note) for note in notes)


def set_apart_attachment_lines(page: CleanPage, notes: Sequence[str] = ()) -> CleanPage:
    """The page with the body's lines that are its files' entries (is_attachment_line) moved to removed, rule
    'attachment', and the lines of the notes its files' links point to (attachment_notes), rule 'attachment_note':
    the files are the attachments table's rows, not paragraphs of the text. Their captions go with them (an icon's
    alt text that names the file)."""
    names = [a.name for a in page.metadata.attachments]
    if not names:
        return page
    keys = _name_keys(names)  # once a page, not once a line
    rules = {}
    previous = None
    for block in page.body:
        if _is_attachment_line(block, keys) or (previous in rules and rules[previous] == ATTACHMENT_RULE
                                                and is_withheld_remark(block.text)):
            rules[id(block)] = ATTACHMENT_RULE  # a file's line, and the remark under it that the file is not public
        elif notes and _is_note_line(block, notes):
            rules[id(block)] = ATTACHMENT_NOTE_RULE
        previous = id(block)
    moved = [block for block in page.body if id(block) in rules]
    if not moved:
        return page
    gone = set(rules)
    texts = {block.text for block in moved}
    removed = sorted((*page.removed, *(RemovedLine(b.line_no, b.text, rules[id(b)]) for b in moved)),
                     key=lambda line: line.line_no)
    return replace(page, body=tuple(b for b in page.body if id(b) not in gone),
                   captions=tuple(c for c in page.captions if c not in texts), removed=tuple(removed))
