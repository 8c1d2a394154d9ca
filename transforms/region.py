"""Find a page's main-content region: the container whose paragraphs read like an article.

The method follows readability's candidate scoring (read, not copied): every paragraph with prose
(see dom.unit_score) gives its score to its parent, half to its grandparent and less further up;
a candidate's score is then scaled down by its link density. Tags and class names are evidence
added to the score (as readability's class weights are), never a verdict on their own: an article
inside a <form> or a wrapper called 'header-style-2' still wins when its text says it is the article.
The best candidate grows to a parent that scores higher and takes in siblings that score close to
it (readability's sibling merge), so a lead paragraph or a second text box is not lost.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree

from cityclips.transforms.dates import is_when_line
from cityclips.transforms.dom import (INLINE_TAGS, Size, declared_role, enclosing_tag, remembered, tag_of, text_content,
                                      text_holder)
from cityclips.transforms.reconcile import norm
from cityclips.transforms.tails import is_teaser_feed

ANCESTOR_LEVELS = 5  # a paragraph's score reaches five ancestors: parent x1, grandparent x1/2, then 1/(3*level)
TOP_CANDIDATES = 5
CONTROL_TEXT_TAGS = frozenset({"select", "option", "optgroup", "textarea", "button"})  # text of a form control
ALTERNATIVE_SHARE = 0.75  # candidates within 75% of the best one ...
MIN_ALTERNATIVES = 3  # ... three of them under one ancestor: the article is split, take the ancestor
CLIMB_FLOOR = 1 / 3  # stop climbing where a parent scores under a third of the best
ENCLOSING_SHARE = 0.9  # a box around the best candidate scoring 90% of it ...
ENCLOSING_PROSE_RATIO = 2.0  # ... with twice its prose holds the whole article (see _enclosing_article)
SIBLING_SHARE = 0.2  # a sibling scoring a fifth of the best candidate belongs to the article too
MIN_SIBLING_SCORE = 10.0
SIBLING_PARAGRAPH_CHARS = 80  # a long low-link <p> beside the candidate is article text ...
SIBLING_MAX_LINK_SHARE = 0.25
SIBLING_MIN_PROSE = 3.0  # ... and a scoring sibling must hold prose of its own, not only a content-like name
SPLIT_PART_MIN_PROSE = 1.0  # a box with the article box's very classes needs one line of text ('신청 기간 : ...')
CHROME_PROSE_FACTOR = 0.1  # prose under a chrome-named box counts a tenth ...
CHROME_BOX_MAX_SHARE = 0.5  # ... when that box holds less than half the page's prose (else it is a layout wrapper)
MIN_CANDIDATE_PROSE = 3.0  # one real paragraph of prose (html.MIN_PROSE_BEFORE)
BANNER_TAG = "header"  # a <header> (or role=banner) outside any <article> or <main> is the site's banner ...
BANNER_ROLE = "banner"
ARTICLE_FRAME_TAGS = frozenset({"article", "main"})  # ... inside them it is the article's own header
MIN_REGION_SCORE = 20.0  # below this the page has no clear article: no region, the old per-element rules
CLASS_WEIGHT = 25.0  # readability's weight for a class or id that names content or chrome
WEAK_CLASS_WEIGHT = 10.0  # metadata-like names (header, meta, byline): evidence, but weak
ITEMPROP_BODY_WEIGHT = 30.0  # schema.org articleBody: the page says where its article is
HEADLINE_WEIGHT = 25.0  # a box holding the heading the <title> names: evidence as strong as a content class
HEADLINE_CONTEST_SHARE = 0.5  # ... to a box scoring at least half the best candidate's score
HEADLINE_MIN_PROSE = 10.0  # three or four paragraphs of prose (see dom.unit_score)
MIN_HEADLINE_KEY_CHARS = 8  # letters of a heading that can confirm a headline ('News' names a section)
THIN_REGION_PROSE = 12.0  # a region of a few short paragraphs: an event or a notice whose facts sit in boxes beside it
FACT_LEVELS = 3  # ... in a sibling of the region's top, of its parent or of its grandparent
MAX_FACT_BOX_CHARS = 400  # a box of a few fields ('Date Feb 01 2024 Time 6:30 pm Location ...'), not a column of its own
FACT_MAX_LINK_SHARE = 0.34  # fields, not a menu
_DIGIT = re.compile(r"\d")
SECTION_HEADING_TAGS = frozenset({"h2", "h3", "h4", "h5", "h6"})  # a section opens with its heading (h1 is the page's)
MIN_SECTIONS = 2  # two sibling sections of the region's own shape beside it: three of one shape are the page's parts
SECTION_MAX_LINK_SHARE = 0.7  # a table of names linked to their pages (0.6) is data; a box of links (0.8) is a menu
THIN_PAGE_PROSE_SHARE = 0.9  # a content-named box holding 90% of a thin page's prose is its article
SMALL_REGION_SHARE = 1 / 3  # a best candidate holding under a third of the page's prose may be a side box ...
FALLBACK_PROSE_RATIO = 2.0  # ... when another candidate holds twice its prose ...
FALLBACK_SCORE_SHARE = 0.3  # ... and scores at least 30% of it (its text is split in many small boxes)
FALLBACK_MAX_CHROME_SHARE = 0.5  # an alternative that is mostly chrome boxes (the page wrapper) is no article
LEAD_MIN_WEIGHT = 70  # weighted chars of a lead paragraph (html.EDGE_GOOD_WEIGHT: a line that reads as prose)
LEAD_MAX_LINK_SHARE = 0.25  # a lead (or a headline) is not a link: under a quarter of its text in links
TAG_WEIGHTS = {"div": 5, "article": 10, "main": 10, "pre": 3, "td": 3, "blockquote": 3, "address": -3, "ol": -3,
               "ul": -3, "dl": -3, "dd": -3, "dt": -3, "li": -3, "form": -3, "h1": -5, "h2": -5, "h3": -5, "h4": -5,
               "h5": -5, "h6": -5, "th": -5, "nav": -25, "aside": -25, "footer": -25, "header": -10}
ROLE_WEIGHTS = {"main": 10, "article": 10, "navigation": -25, "complementary": -25, "banner": -10,
                "contentinfo": -25, "menu": -25, "menubar": -25, "dialog": -25, "alertdialog": -25,
                "search": -25}

# Class and id words ('text' is not one: Bootstrap's text-white and text-muted are everywhere), matched as whole words (or a word's start) of the attribute split at '-',
# '_', spaces and camelCase humps: 'articleBody' -> article, body; 'bbs_view' -> bbs, view.
POSITIVE_WORDS = frozenset({"article", "articles", "body", "content", "contents", "cont", "entry", "main", "post",
                            "story", "txt", "blog", "view", "bbs", "board", "detail", "hentry", "prose"})
COMMENT_WORDS = frozenset({"comment", "comments", "reply", "replies", "disqus", "respond", "discussion"})
STRONG_NEGATIVE_WORDS = COMMENT_WORDS | frozenset({
    "footer", "foot", "sidebar", "side", "aside", "related", "relate", "share", "sharing", "social", "sns", "banner", "ad", "ads", "advert", "advertisement", "sponsor", "sponsored", "promo", "promotion",
    "outbrain", "taboola", "newsletter", "subscribe", "subscription", "popular", "ranking", "rank", "recommend",
    "recommended", "trending", "tags", "tag", "nav", "navi", "navigation", "navbar", "menu", "gnb", "lnb", "snb",
    "breadcrumb", "breadcrumbs", "quick", "util", "utility", "survey", "satisfaction", "satisfy",
    "copyright", "cookie", "cookies", "consent", "gdpr", "modal", "popup", "login", "search", "pagination", "pager",
    "paging", "toolbar", "sitemap", "combx", "shoutbox", "skyscraper", "masthead", "more", "teaser", "rss"})
# Names of link widgets: a quick-link bar, a menu, a path, a pager, a tag cloud, a share bar, a related list.
# A box so named that holds no link at all and a paragraph of prose is no such widget: it is a field of the
# article named for its content ('field--name-field-quick-facts' around a list of sentences; see
# html._misnamed_link_widget, and tail_boxes, which judges such a box after the body by its size).
NAVIGATION_WORDS = frozenset({"quick", "util", "utility", "menu", "nav", "navi", "navigation", "navbar", "gnb", "lnb",
                              "snb", "sitemap", "breadcrumb", "breadcrumbs", "pagination", "pager", "paging", "tags", "tag"})
# ... and the widgets that point to other pages with a line of their own ('Share this story', a related teaser):
# after the body such a box is furniture whatever it holds (tail_boxes), so only NAVIGATION_WORDS are judged there by size.
LINK_WIDGET_WORDS = NAVIGATION_WORDS | frozenset({"related", "relate", "share", "sharing", "sns", "social", "rss"})
# 'widget' is weak: page builders (Elementor) wrap every text box in an 'elementor-widget'.
WEAK_NEGATIVE_WORDS = frozenset({"header", "head", "meta", "metadata", "byline", "author", "info", "date", "widget", "widgets",
                                 "print", "btn", "button", "tool", "tools", "icon"})
# Weak names that say a box is the article's furniture, not its lead ('header' boxes hold decks).
FRAME_WORDS = WEAK_NEGATIVE_WORDS - {"header", "head"}
# Words that name the same thing with any ending ('relatedposts', 'commentlist', 'sidebar2'): prefixes.
# 'share' is not one: 'shared_text' is text that is shared, not a share bar.
POSITIVE_PREFIXES = re.compile(r"^(article|content|entry|story)")
COMMENT_PREFIXES = re.compile(r"^(comment|disqus)")
NEGATIVE_PREFIXES = re.compile(r"^(related|comment|sidebar|footer|banner|sponsor|advert|newsletter|subscri|"
                               r"recommend|popular|breadcrumb|navigation|disqus|taboola|outbrain|promo|"
                               r"trending|cookie|sharedaddy|sharebar|social)")
_WORDS = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])")
# BEM-style modifiers ('js-section--has-ads', 'layout-with-sidebar', 'no-sidebar'): the words after them
# name what a box holds or lacks (an article with ads beside it), not what the box is.
MODIFIER_WORDS = frozenset({"has", "with", "without", "no"})
# A UI component's inner part ('card-body', 'modal-body', 'panel-body', 'accordion-body': Bootstrap's names, on
# every card, dialog and panel of a page) is named for the component, not for the article: 'body' after one of
# these words says nothing about content ('article-body', 'post-body' and 'bbs_body' still do).
COMPONENT_WORDS = frozenset({"card", "modal", "panel", "accordion", "toast", "offcanvas", "popover", "dropdown"})
COMPONENT_PART_WORDS = frozenset({"body"})


def class_words(value: str | None) -> list[str]:
    """'articleBody bbs_view' -> ['article', 'body', 'bbs', 'view']. A modifier after 'has', 'with',
    'without' or 'no' says what the box holds or lacks, not what it is: 'section--has-ads' -> ['section'];
    a component's part names the component: 'card-body' -> ['card'] (COMPONENT_WORDS)."""
    if not value:
        return []
    words = []
    for token in value.split():
        previous = ""
        for word in _WORDS.findall(token):
            word = word.lower()
            if word in MODIFIER_WORDS:
                break
            if word in COMPONENT_PART_WORDS and previous in COMPONENT_WORDS:
                continue  # 'card-body' -> ['card']
            words.append(word)
            previous = word
    return words


@dataclass(frozen=True)
class Evidence:
    """What an element's tag, role, itemprop, class and id say about it."""

    weight: float  # added to its score as a candidate
    negative: bool  # a strong chrome name or tag and no content name
    comments: bool  # a reader-comment thread by name
    weak: bool  # only a metadata-like name (header, meta, byline ...) or an article-header tag


def _word_start(prefixes: re.Pattern) -> re.Pattern:
    """prefixes ('^(article|...)') matched at the start of any word of a space-joined list of words."""
    return re.compile(r"(?:^| )" + prefixes.pattern.removeprefix("^"))


# any(w in WORDS or PREFIXES.match(w) for w in words) as a set test and one scan of the joined words, in C
_POSITIVE_START, _NEGATIVE_START, _COMMENT_START = map(_word_start, (POSITIVE_PREFIXES, NEGATIVE_PREFIXES,
                                                                     COMMENT_PREFIXES))


_ATTR_WEIGHTS: dict[str | None, tuple[float, bool, bool, bool]] = {}  # class and id values recur on a page and a site
MAX_ATTR_WEIGHTS = 50_000  # the cache is emptied past this (a long run sees many names)


def _attr_weight(value: str | None) -> tuple[float, bool, bool, bool]:
    """(weight, negative, comments, weak) a class or id value says (see evidence), once per distinct value."""
    return remembered(_ATTR_WEIGHTS, value, MAX_ATTR_WEIGHTS, _read_attr_weight)


def _read_attr_weight(value: str | None) -> tuple[float, bool, bool, bool]:
    words = class_words(value)
    if not words:
        return 0.0, False, False, False
    joined = " ".join(words)  # class_words' words are letters only: a space starts each one
    positive = not POSITIVE_WORDS.isdisjoint(words) or _POSITIVE_START.search(joined) is not None
    strong = not STRONG_NEGATIVE_WORDS.isdisjoint(words) or _NEGATIVE_START.search(joined) is not None
    weak = not WEAK_NEGATIVE_WORDS.isdisjoint(words)
    comments = not COMMENT_WORDS.isdisjoint(words) or _COMMENT_START.search(joined) is not None
    if comments:  # 'comment_content', 'article-comments': the comment word names what the box is
        return -CLASS_WEIGHT, True, True, False
    weight = (CLASS_WEIGHT if positive else 0.0) - (CLASS_WEIGHT if strong else WEAK_CLASS_WEIGHT if weak else 0.0)
    return weight, strong and not positive, False, weak and not strong and not positive


def evidence(el: etree._Element, tag: str, cache: dict) -> Evidence:
    """The element's evidence, computed once per element."""
    found = cache.get(el)
    if found is not None:
        return found
    weight = float(TAG_WEIGHTS.get(tag, 0))
    role = (el.get("role") or "").strip().lower()
    weight += ROLE_WEIGHTS.get(role, 0)
    if "articlebody" in (el.get("itemprop") or "").lower():
        weight += ITEMPROP_BODY_WEIGHT
    class_weight, class_negative, class_comments, class_weak = _attr_weight(el.get("class"))
    id_weight, id_negative, id_comments, id_weak = _attr_weight(el.get("id"))
    weight += class_weight + id_weight
    named_content = class_weight + id_weight > 0
    negative = (class_negative or id_negative or TAG_WEIGHTS.get(tag, 0) <= -25 or ROLE_WEIGHTS.get(role, 0) <= -25) \
        and not named_content
    weak = not negative and not named_content and (class_weak or id_weak or tag == "header")
    found = Evidence(weight, negative, class_comments or id_comments, weak)
    cache[el] = found
    return found


@dataclass(frozen=True)
class Region:
    """The main-content region: its top elements (one, or siblings merged), and their ancestors."""

    nodes: frozenset  # elements whose whole subtree is the region
    ancestors: frozenset  # elements on the way from the root to a region node
    core: frozenset  # the best candidates' ancestors inside the region: never dropped for a name
    score: float
    prose: float  # prose score inside the region (dom.Size.prose summed over its nodes)

    @property
    def found(self) -> bool:
        return bool(self.nodes)


NO_REGION = Region(frozenset(), frozenset(), frozenset(), 0.0, 0.0)


def _link_density(size: Size) -> float:
    return size.link_chars / size.chars if size.chars else 0.0


def _under_chrome(el: etree._Element, body: etree._Element, sizes: dict, cache: dict, memo: dict) -> bool:
    """True when the element or an ancestor below body is named (or tagged) as chrome: a comment
    thread, or a chrome box holding less than half the page's prose (a 'for_sidebar' layout row
    around the whole article is not chrome)."""
    chain = []
    node = el
    found = False
    page_prose = sizes[body].prose if body in sizes else 0.0
    while node is not None and node is not body:
        if node in memo:
            found = memo[node]
            break
        chain.append(node)
        named = evidence(node, tag_of(node), cache)
        if named.negative and (named.comments or sizes[node].prose < CHROME_BOX_MAX_SHARE * page_prose):
            found = True
            break
        node = node.getparent()
    for node in chain:
        memo[node] = found
    return found


def _chrome_prose(el: etree._Element, sizes: dict, cache: dict) -> float:
    """Prose inside el's outermost chrome-named boxes (a page wrapper holds the footer and the menus)."""
    total, skip = 0.0, None
    for node in el.iterdescendants():
        if skip is not None and any(a is skip for a in node.iterancestors()):
            continue
        size = sizes.get(node)
        if size is None or not isinstance(node.tag, str):
            continue
        if evidence(node, tag_of(node), cache).negative:
            total += size.prose
            skip = node
    return total


def _named_chrome(el: etree._Element, body: etree._Element, cache: dict) -> bool:
    """True when el or a box around it below body is named or tagged as chrome, whatever its size
    (a retry takes no box inside a 'navigation' column, though that column holds a comment forum)."""
    return any(evidence(node, tag_of(node), cache).negative
               for node in (el, *_ancestors(el, body)) if node is not body)


def _is_main(node: etree._Element) -> bool:
    return tag_of(node) in ARTICLE_FRAME_TAGS or declared_role(node) == "main"


def _is_banner(node: etree._Element) -> bool:
    return tag_of(node) == BANNER_TAG or declared_role(node) == BANNER_ROLE


_FRAME_TAGS = ARTICLE_FRAME_TAGS | {BANNER_TAG}  # an element of any other tag is a main box or a banner only by its role


def _site_banners(body: etree._Element, sizes: dict) -> list:
    """The site's banners (<header> or role=banner boxes outside any <article> or <main>) on a page
    that marks its main content (a visible <main>, <article> or role=main box with text outside
    them); [] when the page marks none (then a <header> may be all there is).

    One walk in document order: each element's (inside a main box, inside a banner) comes from its
    parent's, so no element's ancestors are read again (that scan was a fifth of a page's time)."""
    banners, marked = [], False
    outer = tuple(body.iterancestors())
    # (a main box at or above it, a banner at or above it) per element; body's parent stands for what is above body
    within = {body.getparent(): (any(map(_is_main, outer)), any(map(_is_banner, outer)))}
    frame_tags = _FRAME_TAGS
    for node in body.iter():
        tag = node.tag
        if tag.__class__ is not str:
            continue
        flags = within[node.getparent()]
        in_main, in_banner = flags
        main = banner = False
        if tag.lower() in frame_tags or node.get("role") is not None:  # what _is_main and _is_banner read
            main, banner = _is_main(node), _is_banner(node)
            flags = (in_main or main, in_banner or banner)
        within[node] = flags
        size = sizes.get(node)
        if size is None or size.order < 0 or in_main:
            continue  # hidden; or an <article>'s own <header>, or a box inside the main content
        if banner:
            banners.append(node)
        elif main and size.chars and not in_banner:
            marked = True
    return banners if marked else []


def _about_banner(el: etree._Element, banners: list, around: set) -> bool:
    """True when el is in a site banner or a wrapper around one (the page wrapper holding the banner
    and the main content alike)."""
    return el in around or any(a in banners for a in (el, *el.iterancestors()))


def _prose_fallback(best: etree._Element, eligible: list, scores: dict, body: etree._Element, sizes: dict,
                    cache: dict) -> etree._Element:
    """The best candidate, or, when it holds a small share of the page's prose, the best-scoring
    candidate that holds far more prose and is not mostly chrome (trafilatura's and readability's
    retry when the extraction looks too short): a feedback box named 'content-block' beside an event
    whose text is split over many small grid boxes that each score little. The retry never takes a
    box around the best one (that is the page wrapper, _refine's business) nor one in a chrome-named box."""
    prose = sizes[best].prose
    if prose >= SMALL_REGION_SHARE * sizes[body].prose:
        return best
    around = set(best.iterancestors())  # a wrapper around the side box holds the side box: no retry
    alternatives = [el for el in eligible if el is not best and el not in around
                    and sizes[el].prose >= FALLBACK_PROSE_RATIO * prose
                    and scores[el] >= FALLBACK_SCORE_SHARE * scores[best]
                    and _link_density(sizes[el]) < SIBLING_MAX_LINK_SHARE
                    and not _named_chrome(el, body, cache)]
    # score alone would take the alternative's best box (an alert), prose alone the page wrapper
    alternatives.sort(key=lambda el: scores[el] * sizes[el].prose, reverse=True)
    return next((el for el in alternatives
                 if _chrome_prose(el, sizes, cache) < FALLBACK_MAX_CHROME_SHARE * sizes[el].prose), best)


def _holds_thin_page(best: etree._Element, body: etree._Element, sizes: dict, cache: dict) -> bool:
    """True when a low-scoring best candidate is still the page's article: its class or id names
    content and it holds all but a sliver of the page's prose (a meeting agenda of link rows inside an
    ASP.NET page's one <form>, where the per-element rules would drop the form and the whole page)."""
    named = evidence(best, tag_of(best), cache)
    page_prose = sizes[body].prose
    return named.weight - TAG_WEIGHTS.get(tag_of(best), 0) > 0 and page_prose > 0 \
        and sizes[best].prose >= THIN_PAGE_PROSE_SHARE * page_prose


def _score_candidates(body: etree._Element, sizes: dict, cache: dict) -> dict:
    content: dict = {}
    memo: dict = {}
    for el in body.iter():
        size = sizes.get(el)
        if size is None or not size.unit:
            continue
        if tag_of(el) in CONTROL_TEXT_TAGS or tag_of(el.getparent()) in CONTROL_TEXT_TAGS:
            continue  # a drop-down's options are a menu of choices, never prose (html drops controls too)
        # Prose under a box named comments, sidebar or footer counts for little (readability strips such
        # boxes before scoring; here they stay evidence: a page that is all 'sidebar' still has a region).
        unit = size.unit * (CHROME_PROSE_FACTOR if _under_chrome(el, body, sizes, cache, memo) else 1.0)
        level, ancestor = 0, el.getparent()
        while ancestor is not None and level < ANCESTOR_LEVELS:
            content[ancestor] = content.get(ancestor, 0.0) + unit / (1 if level == 0 else 2 if level == 1 else 3 * level)
            if ancestor is body:
                break
            level, ancestor = level + 1, ancestor.getparent()
    scores = {}
    for el, prose in content.items():
        if el not in sizes:
            continue
        weight = evidence(el, tag_of(el), cache).weight
        scores[el] = (prose + weight) * (1 - _link_density(sizes[el]))
    return scores


def _ancestors(el: etree._Element, stop: etree._Element) -> list:
    found = []
    for ancestor in el.iterancestors():
        found.append(ancestor)
        if ancestor is stop:
            break
    return found


def _enclosing_article(top: etree._Element, body: etree._Element, raw: dict, sizes: dict) -> etree._Element:
    """The nearest box around the best candidate that scores nearly as well while holding far more
    prose: the best candidate is one part of the article (a text box in an accordion panel), and the
    box around it is the article, though wrappers between the two score little (their paragraphs are
    beyond ANCESTOR_LEVELS)."""
    best, prose = raw[top], sizes[top].prose
    for ancestor in _ancestors(top, body):
        if ancestor is body:
            break
        if ancestor in raw and raw[ancestor] >= ENCLOSING_SHARE * best \
                and sizes[ancestor].prose >= ENCLOSING_PROSE_RATIO * prose:
            return ancestor
    return top


def _refine(top: etree._Element, body: etree._Element, scores: dict, ranked: list, raw: dict,
            sizes: dict) -> etree._Element:
    """Readability's three moves up the tree from the best candidate (raw: the scores before the
    headline's weight, by which an article split in several boxes is recognised), after the move to
    a box that encloses it and scores as well (_enclosing_article)."""
    best = raw[top]
    top = _enclosing_article(top, body, raw, sizes)
    alternatives = [_ancestors(c, body) for c in ranked[1:] if best and raw[c] / best >= ALTERNATIVE_SHARE]
    if len(alternatives) >= MIN_ALTERNATIVES:
        for ancestor in _ancestors(top, body):
            if ancestor is body:
                break
            if sum(ancestor in chain for chain in alternatives) >= MIN_ALTERNATIVES:
                top = ancestor
                break
    last, parent = scores.get(top, 0.0), top.getparent()
    while parent is not None and parent is not body:
        if parent in scores:
            if scores[parent] < last * CLIMB_FLOOR:
                break
            if scores[parent] > last:
                top = parent
                break
            last = scores[parent]
        parent = parent.getparent()
    parent = top.getparent()
    while parent is not None and parent is not body and len([c for c in parent if isinstance(c.tag, str)]) == 1:
        top, parent = parent, parent.getparent()
    return top


def _siblings(top: etree._Element, scores: dict, sizes: dict, cache: dict) -> list:
    parent = top.getparent()
    if parent is None:
        return [top]
    best = scores.get(top, 0.0)
    threshold = max(MIN_SIBLING_SCORE, best * SIBLING_SHARE)
    top_class = top.get("class") or ""
    kept = []
    for sibling in parent:
        tag = tag_of(sibling)
        if not tag or sibling not in sizes:
            continue
        if sibling is top:
            kept.append(sibling)
            continue
        bonus = best * SIBLING_SHARE if top_class and sibling.get("class") == top_class else 0.0
        size = sizes[sibling]
        if sibling in scores and scores[sibling] + bonus >= threshold and size.prose >= SIBLING_MIN_PROSE \
                and _link_density(size) < SIBLING_MAX_LINK_SHARE:
            kept.append(sibling)
        elif tag == "p" or (tag == "div" and sizes[sibling].unit and not evidence(sibling, tag, cache).negative):
            # a <div> holding one paragraph is a paragraph (readability turns such divs into <p>)
            link_share = _link_density(size)
            if size.chars > SIBLING_PARAGRAPH_CHARS and link_share < SIBLING_MAX_LINK_SHARE:
                kept.append(sibling)
            elif 0 < size.chars and not size.links and size.punct:
                kept.append(sibling)
    return kept


def _clean_neighbours(top: etree._Element, nodes: list, body: etree._Element, sizes: dict, cache: dict) -> list:
    """Boxes beside the region's parent's children that read as article text: prose, few links,
    no chrome or metadata name (a lead paragraph in a box of its own above the article body)."""
    parent = top.getparent()
    if parent is None or parent is body:
        return []
    inside = set(nodes)
    found = []
    for uncle in parent.itersiblings(preceding=True):
        if not isinstance(uncle.tag, str) or uncle not in sizes:
            continue
        size = sizes[uncle]
        named = evidence(uncle, tag_of(uncle), cache)
        if named.negative or named.weak or named.weight < 0 or size.prose < SIBLING_MIN_PROSE \
                or _link_density(size) >= SIBLING_MAX_LINK_SHARE:
            break  # the article's lead sits right above it: stop at the first box that is not one
        if uncle not in inside:
            found.append(uncle)
    return found


def _facts_beside(top: etree._Element, nodes: list, body: etree._Element, sizes: dict, cache: dict) -> list:
    """Small boxes of facts (a date, a time, a place: digits, few links, no chrome name) beside a thin
    region's top, its parent or its grandparent: on an event or notice page of a few fields the facts
    are the article, though they sit in a column or a block of their own."""
    if sum(sizes[n].prose for n in nodes if n in sizes) >= THIN_REGION_PROSE:
        return _facts_above(top, body, sizes, cache)
    inside = set(nodes)
    found = []
    node = top
    for _ in range(FACT_LEVELS):
        parent = node.getparent()
        if parent is None or parent is body or node is body:
            break  # the page's top-level boxes are its layout, not one article's facts
        for sibling in parent:
            size = sizes.get(sibling)
            if sibling is node or sibling in inside or size is None or size.order < 0 or not size.chars:
                continue
            if size.chars > MAX_FACT_BOX_CHARS or _link_density(size) >= FACT_MAX_LINK_SHARE:
                continue
            named = evidence(sibling, tag_of(sibling), cache)
            text = text_content(sibling)
            if named.negative or not _DIGIT.search(text):
                continue
            if named.weak and not is_when_line(" ".join(text.split())):
                continue  # a metadata-named box is a fact only when it states when ('views-blockevents-date-block')
            found.append(sibling)
        node = parent
    return found


def _is_fact_box(box: etree._Element, sizes: dict, cache: dict) -> bool:
    """A small box of facts: a few fields with digits ('Time 1:00pm Location ...'), few links, no chrome name, no
    picture or video; a metadata-named box only when it states when."""
    size = sizes.get(box)
    if size is None or size.order < 0 or not size.chars or size.chars > MAX_FACT_BOX_CHARS \
            or _link_density(size) >= FACT_MAX_LINK_SHARE:
        return False
    named = evidence(box, tag_of(box), cache)
    text = text_content(box)
    if named.negative or not _DIGIT.search(text) or next(box.iter(*MEDIA_TAGS), None) is not None:
        return False  # a picture's or a video's box (its title and running time) is the media's, not a field
    return not named.weak or is_when_line(" ".join(text.split()))


MEDIA_TAGS = ("figure", "img", "picture", "video", "iframe")  # a box holding one is a picture's or a player's, not fields


def _facts_above(top: etree._Element, body: etree._Element, sizes: dict, cache: dict) -> list:
    """Fact boxes between the page's headline and a long region, beside the region's top in its own box (an event's
    'Thursday, October 28, 2021' and 'Time 1:00pm Location Stream at ...' above the hearing's long notice): the
    article's header, stated as fields. Only the top's preceding siblings after the <h1>: a long article's other
    neighbours (a sidebar, a footer's contact box) are not its header."""
    orders = sizes.get(top)
    headline = _headline(body, orders.order, sizes) if orders is not None else None
    if headline is None or top.getparent() is None or top.getparent() is body:
        return []
    start = sizes[headline].order
    return [sibling for sibling in top.itersiblings(preceding=True)
            if isinstance(sibling.tag, str) and sibling in sizes and sizes[sibling].order > start
            and _is_fact_box(sibling, sizes, cache) and not _is_section(sibling, sizes)
            and _labelled_fields(sibling, sizes) >= MIN_HEADER_FIELDS]


MIN_HEADER_FIELDS = 2  # 'Time 1:00pm' and 'Location ...': a header of fields; a byline's one date is the metadata's
MAX_LABEL_CHARS = 30  # a field's label is a word or two ('Time', 'Location', '장소')


def _labelled_fields(box: etree._Element, sizes: dict) -> int:
    """How many fields the box states as a label element followed by its value ('<div class="label">Time</div>1:00pm',
    '<dt>장소</dt><dd>시청 3층</dd>'): a short label of its own with no digits, then text (its tail, or the next element's)."""
    count = 0
    for el in box.iter():
        size = sizes.get(el)
        if el is box or size is None or size.order < 0 or not size.chars or size.chars > MAX_LABEL_CHARS or len(el):
            continue
        label = text_content(el)
        if _DIGIT.search(label):
            continue
        after = (el.tail or "").strip()
        following = el.getnext()
        if not after and following is not None and following in sizes and sizes[following].chars:
            after = text_content(following).strip()
        if after:
            count += 1
    return count


def _is_section(box: etree._Element, sizes: dict) -> bool:
    """True when a box opens with a heading over more text ('<h2>Events</h2><ul>...</ul>'): a section of the page of its
    own, not a field of the article's header; a heading that is all the box holds ('<h3>Thursday, October 28, 2021</h3>')
    is the fact itself."""
    if not _heading_led(box, sizes):
        return False
    heading = next((h for h in box.iter(*SECTION_HEADING_TAGS) if h in sizes and sizes[h].order >= 0 and sizes[h].chars),
                   None)
    return heading is not None and sizes[heading].chars < sizes[box].chars


def _heading_led(el: etree._Element, sizes: dict) -> str:
    """The heading tag that holds el's first visible text ('h2' for '<div><h2>Sponsors</h2><table>...'),
    or '' when its first words are no heading's."""
    for piece in el.xpath(".//text()"):
        if not piece.strip():
            continue
        holder = text_holder(piece)
        size = sizes.get(holder)
        if size is None or size.order < 0:
            continue  # hidden text ('<h2 class="sr-only">Versions</h2>') or a script's
        return enclosing_tag(holder, SECTION_HEADING_TAGS, el.getparent())  # el itself may be the heading
    return ""


def _sections_beside(top: etree._Element, nodes: list, sizes: dict, cache: dict) -> list:
    """Sibling boxes of the region's top that have its shape (its tag, opened by a heading of its
    level) and hold rows or fields, not a menu or prose of their own: a record's page laid out as
    sections ('Sponsors' table, 'Committees', 'First Reader Summary', 'Status History'), where the
    region found the one section with a paragraph. Two such siblings at least (recurrence); a
    paragraph of prose beside the region is _siblings' business, a chrome- or meta-named box stays out."""
    parent = top.getparent()
    level = _heading_led(top, sizes)
    if parent is None or not level:
        return []
    inside = set(nodes)
    found = []
    for sibling in parent:
        size = sizes.get(sibling)
        if sibling in inside or size is None or size.order < 0 or not size.chars or sibling.tag != top.tag:
            continue
        if size.prose >= SIBLING_MIN_PROSE or _link_density(size) >= SECTION_MAX_LINK_SHARE:
            continue
        named = evidence(sibling, tag_of(sibling), cache)
        if named.negative or named.weak or is_teaser_feed(sibling, sizes) or _heading_led(sibling, sizes) != level:
            continue
        found.append(sibling)
    return found if len(found) >= MIN_SECTIONS else []


def _split_parts(top: etree._Element, nodes: list, body: etree._Element, sizes: dict) -> list:
    """Other boxes of the article split around figures or videos: elements with the top
    candidate's tag and class (all of its classes, in order) holding prose of their own."""
    classes = top.get("class")
    if not classes or not isinstance(top.tag, str):
        return []
    inside = set(nodes)
    parts = []
    for el in body.iter(top.tag):
        if el in inside or el.get("class") != classes or el not in sizes:
            continue
        size = sizes[el]
        if size.prose < SPLIT_PART_MIN_PROSE or _link_density(size) >= SIBLING_MAX_LINK_SHARE:
            continue
        if any(a in inside for a in el.iterancestors()) or any(a is el for a in top.iterancestors()):
            continue
        parts.append(el)
    return parts


def _ancestor_set(nodes: list) -> set:
    ancestors: set = set()
    for node in nodes:
        for ancestor in node.iterancestors():
            if ancestor in ancestors:
                break
            ancestors.add(ancestor)
    return ancestors


def _headline(body: etree._Element, first_order: int, sizes: dict) -> etree._Element | None:
    """The last visible <h1> above the region's first element: the article's headline, when it has
    text and is not a link (a site logo in an <h1> is one)."""
    found = None
    for h1 in body.iter("h1"):
        size = sizes.get(h1)
        if size is None or size.order < 0:
            continue
        if size.order >= first_order:
            break
        if size.chars and size.link_chars < LEAD_MAX_LINK_SHARE * size.chars:
            found = h1
    return found


def _boxes_between(start: etree._Element, nodes: set, ancestors: set):
    """The elements after start and before the region in document order, outermost first: a box
    wholly between the two is yielded whole, a box holding the region is entered."""
    node = start
    while node is not None:
        sibling = node.getnext()
        while sibling is not None and sibling not in ancestors:
            if sibling in nodes:
                return
            yield sibling
            sibling = sibling.getnext()
        if sibling is None:
            node = node.getparent()
            continue
        child = sibling[0] if len(sibling) else None
        while child is not None:
            if child in nodes:
                return
            if child in ancestors:
                child = child[0] if len(child) else None
                continue
            yield child
            child = child.getnext()
        return


def _is_lead(el: etree._Element, size: Size) -> bool:
    """A paragraph of prose: long enough, a sentence mark, few links."""
    return bool(size.unit) and size.own_weight >= LEAD_MIN_WEIGHT and size.own_punct > 0 \
        and size.link_chars < LEAD_MAX_LINK_SHARE * size.chars and tag_of(el) not in INLINE_TAGS


def _leads(body: etree._Element, nodes: list, ancestors: set, sizes: dict, cache: dict,
           titled: etree._Element | None = None) -> list:
    """Paragraphs of prose between the headline and the region (a deck, a lead paragraph in a header
    box of its own), not under a hidden, chrome-named or figure box, together shorter than the region;
    and the headline's subtitle (_subtitle). titled: the heading the <title> names (titled_heading). When it
    stands above the last <h1> before the region (a section's own <h1>, 'Documents', opens a box of files
    between the article's header and its body), the article's lead sits under the titled headline, before that
    section: the boxes from the titled headline up to the box holding the later <h1> are read too."""
    orders = [sizes[n].order for n in nodes if n in sizes and sizes[n].order >= 0]
    if not orders:
        return []
    headline = _headline(body, min(orders), sizes)
    if headline is None:
        return []
    inside = set(nodes)
    budget = sum(sizes[n].weight for n in nodes if n in sizes)
    found = []
    starts = [headline]
    if titled is not None and tag_of(titled) == "h1" and titled is not headline and titled in sizes \
            and 0 <= sizes[titled].order < sizes[headline].order and not _in_site_banner(titled):
        starts.insert(0, titled)
    later = {headline, *headline.iterancestors()}
    seen: set = set()
    for start in starts:
        subtitle = _subtitle(start, inside, ancestors, sizes, cache)
        if subtitle is not None and subtitle not in found:
            found.append(subtitle)
        for box in _boxes_between(start, inside, ancestors):
            if start is not headline and box in later:
                break  # the box of the later <h1>: a section of its own, not the article's header
            if box in seen:
                continue
            seen.add(box)
            if not isinstance(box.tag, str) or box not in sizes or sizes[box].order < 0 or not sizes[box].prose:
                continue
            for el in box.iter():
                size = sizes.get(el)
                if size is None or not _is_lead(el, size) or size.own_weight > budget:
                    continue
                if _framed_out(el, ancestors, sizes, cache):
                    continue
                budget -= size.own_weight
                found.append(el)
    # an element inside another found one is already in the region
    chosen = set(found)
    return [el for el in found if not any(a in chosen for a in el.iterancestors())]


def _in_site_banner(el: etree._Element) -> bool:
    """True when el sits in a <header> (or role=banner box) outside any <article> or <main>: the site's banner, whose
    <h1> is the site's name (a blog's title the <title> repeats), not the article's headline."""
    banner = False
    for up in el.iterancestors():
        tag = tag_of(up)
        if tag in ARTICLE_FRAME_TAGS or (up.get("role") or "").strip().lower() in ("main", "article"):
            return False
        banner = banner or tag == BANNER_TAG or (up.get("role") or "").strip().lower() == BANNER_ROLE
    return banner


MAX_SUBTITLE_CHARS = 200  # a headline's subtitle is a line ('Pediatric Health Safe Storage Act; enact'), not a paragraph
SUBTITLE_BOX_LEVELS = 2  # the headline's box and a region box share a parent or a grandparent: the article's header


def _levels_below(ancestor: etree._Element | None, node: etree._Element) -> int:
    """How many levels node sits below ancestor (a large number when it is not below it)."""
    for level, up in enumerate(node.iterancestors(), start=1):
        if up is ancestor:
            return level
    return 1 << 30


def _subtitle(headline: etree._Element, inside: set, ancestors: set, sizes: dict, cache: dict) -> etree._Element | None:
    """The one short line that shares the headline's own box and follows it ('<div class="pageHeading"><h1>HB 1</h1>
    <div>Pediatric Health Safe Storage Act; enact</div></div>', '<header><h1>제목</h1><p>부제</p></header>'): the page's
    subtitle, its own as the headline is. The box is the headline's first ancestor holding other visible text; it
    must lie before the region and hold nothing else: one element after the headline, short, not a link, not
    named as chrome or furniture (a byline or date box is the metadata's; 'subHead' is a header's word, no
    furniture's), with no digits (a dateline, 'by 특허사무소 / 2016.12.01', is the metadata's), and nothing before the
    headline; and the box is the region's neighbour (SUBTITLE_BOX_LEVELS): a site header's logo and tagline are not."""
    node = headline
    box = headline.getparent()
    while box is not None and box in sizes and sizes[box].chars == sizes[headline].chars:
        node, box = box, box.getparent()
    if box is None or box not in sizes or box in ancestors or box in inside or any(a in inside for a in box.iterancestors()):
        return None
    if not any(_levels_below(box.getparent(), node) <= SUBTITLE_BOX_LEVELS for node in inside):
        return None  # a site header's logo and tagline sit far from the article: the headline box is the region's neighbour
    texts = [child for child in box if isinstance(child.tag, str) and child in sizes and sizes[child].order >= 0
             and sizes[child].chars]
    if len(texts) != 2 or texts[0] is not node or sizes[box].chars != sizes[node].chars + sizes[texts[1]].chars:
        return None  # text before the headline, beside it in the box's own text, or more than one line after it
    line = texts[1]
    size = sizes[line]
    named = evidence(line, tag_of(line), cache)
    furniture = named.weak and FRAME_WORDS.intersection(class_words(line.get("class")) + class_words(line.get("id")))
    if size.chars > MAX_SUBTITLE_CHARS or size.link_chars or named.negative or furniture or _DIGIT.search(text_content(line)) \
            or tag_of(line) in SECTION_HEADING_TAGS:
        return None
    return line


def _framed_out(el: etree._Element, ancestors: set, sizes: dict, cache: dict) -> bool:
    """True when el or a box around it (below the region's ancestors) is hidden, a figure or named as chrome."""
    node = el
    while node is not None and node not in ancestors:
        size = sizes.get(node)
        tag = tag_of(node)
        if size is None or size.order < 0 or tag in ("figure", "figcaption") or evidence(node, tag, cache).negative:
            return True
        if evidence(node, tag, cache).weak and FRAME_WORDS.intersection(class_words(node.get("class"))
                                                                     + class_words(node.get("id"))):
            return True  # a byline or metadata box ('Chat with us in Messenger' in div.metadata)
        node = node.getparent()
    return False


def titled_heading(body: etree._Element, sizes: dict, page_title: str | None) -> etree._Element | None:
    """The first visible <h1> or <h2> whose text the page's <title> holds ('Erneuter Verzicht auf
    Regionallehrgang' in 'Erneuter Verzicht auf Regionallehrgang | DHB.de'): the article's headline."""
    wanted = norm(page_title)
    if len(wanted) < MIN_HEADLINE_KEY_CHARS:
        return None
    for heading in body.iter("h1", "h2"):
        size = sizes.get(heading)
        if size is None or size.order < 0 or not size.chars:
            continue
        key = norm(" ".join(heading.itertext()))
        if len(key) >= MIN_HEADLINE_KEY_CHARS and key in wanted:
            return heading
    return None


def _headline_box(headline: etree._Element | None, scores: dict, sizes: dict) -> etree._Element | None:
    """The lowest box around the headline that already scores close to the best candidate (a box of
    the headline alone is no article; the page wrapper around everything scores far below it)."""
    if headline is None:
        return None
    best = max(scores.values(), default=0.0)
    for ancestor in headline.iterancestors():
        if ancestor in scores and sizes[ancestor].prose >= HEADLINE_MIN_PROSE \
                and scores[ancestor] >= HEADLINE_CONTEST_SHARE * best:
            return ancestor
    return None


def find_region(body: etree._Element, sizes: dict, cache: dict, page_title: str | None = None) -> Region:
    """The page's main-content region, or NO_REGION when no candidate scores MIN_REGION_SCORE.

    page_title: the <title> text. The box holding the heading it names wins a close contest
    (HEADLINE_WEIGHT).
    """
    scores = _score_candidates(body, sizes, cache)
    scores.pop(body, None)
    candidates = {el: s for el, s in scores.items() if tag_of(el) not in INLINE_TAGS and tag_of(el) != "html"}
    # a box must hold a paragraph of prose to be the article: its names alone do not make it one
    # (a <main class='content'> around one line scored 45 on its names)
    if not candidates:
        return NO_REGION
    # ... and a feed of teasers for other pages is not the article, however much prose its summaries hold
    feeds = {el for el in candidates if is_teaser_feed(el, sizes)}
    # ... nor, on a page that marks its main content, a box in the site's banner (a '.gov means it's
    # official' alert card named 'card-body' above the menu): the page says the article is elsewhere
    banners = _site_banners(body, sizes)
    around = _ancestor_set(banners)
    outside = [el for el in candidates if not (banners and _about_banner(el, banners, around))]
    eligible = [el for el in outside if sizes[el].prose >= MIN_CANDIDATE_PROSE
                and not (feeds and (el in feeds or any(a in feeds for a in el.iterancestors())))] \
        or outside or list(candidates)
    raw = dict(candidates)
    titled = titled_heading(body, sizes, page_title)
    headline_box = _headline_box(titled, candidates, sizes)
    if headline_box is not None:
        candidates[headline_box] += HEADLINE_WEIGHT
    best = max(eligible, key=candidates.get)
    # the runners-up (any prose) still say when the article is split in several boxes (_refine)
    ranked = [best, *[el for el in sorted(candidates, key=candidates.get, reverse=True) if el is not best]][:TOP_CANDIDATES]
    if candidates[best] < MIN_REGION_SCORE and not _holds_thin_page(best, body, sizes, cache):
        return NO_REGION
    best = _prose_fallback(best, eligible, candidates, body, sizes, cache)
    top = _refine(best, body, candidates, ranked, raw, sizes)
    if top is body:
        return NO_REGION
    nodes = _siblings(top, candidates, sizes, cache)
    nodes += _split_parts(top, nodes, body, sizes)
    nodes += _clean_neighbours(top, nodes, body, sizes, cache)
    nodes += _facts_beside(top, nodes, body, sizes, cache)
    nodes += _sections_beside(top, nodes, sizes, cache)
    ancestors = _ancestor_set(nodes)
    leads = _leads(body, nodes, ancestors, sizes, cache, titled)
    if leads:
        nodes += leads
        ancestors = _ancestor_set(nodes)
    # The best candidate and everything between it and the region's top: a wrapper named 'widget'
    # or 'sidebar' around the article's text stays.
    core = set()
    for element in (best, *_ancestors(best, body)):
        if element in ancestors:
            break
        core.add(element)
    return Region(frozenset(nodes), frozenset(ancestors), frozenset(core), candidates.get(top, candidates[best]),
                  sum(sizes[n].prose for n in nodes))
