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

from cityclips.transforms.dom import INLINE_TAGS, Size, tag_of

ANCESTOR_LEVELS = 5  # a paragraph's score reaches five ancestors: parent x1, grandparent x1/2, then 1/(3*level)
TOP_CANDIDATES = 5
ALTERNATIVE_SHARE = 0.75  # candidates within 75% of the best one ...
MIN_ALTERNATIVES = 3  # ... three of them under one ancestor: the article is split, take the ancestor
CLIMB_FLOOR = 1 / 3  # stop climbing where a parent scores under a third of the best
SIBLING_SHARE = 0.2  # a sibling scoring a fifth of the best candidate belongs to the article too
MIN_SIBLING_SCORE = 10.0
SIBLING_PARAGRAPH_CHARS = 80  # a long low-link <p> beside the candidate is article text ...
SIBLING_MAX_LINK_SHARE = 0.25
SIBLING_MIN_PROSE = 3.0  # ... and a scoring sibling must hold prose of its own, not only a content-like name
CHROME_PROSE_FACTOR = 0.1  # prose under a chrome-named box counts a tenth ...
CHROME_BOX_MAX_SHARE = 0.5  # ... when that box holds less than half the page's prose (else it is a layout wrapper)
MIN_REGION_SCORE = 20.0  # below this the page has no clear article: no region, the old per-element rules
CLASS_WEIGHT = 25.0  # readability's weight for a class or id that names content or chrome
WEAK_CLASS_WEIGHT = 10.0  # metadata-like names (header, meta, byline): evidence, but weak
ITEMPROP_BODY_WEIGHT = 30.0  # schema.org articleBody: the page says where its article is
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
    "breadcrumb", "breadcrumbs", "location", "quick", "util", "utility", "survey", "satisfaction", "satisfy",
    "copyright", "cookie", "cookies", "consent", "gdpr", "modal", "popup", "login", "search", "pagination", "pager",
    "paging", "toolbar", "sitemap", "combx", "shoutbox", "skyscraper", "masthead", "more", "teaser", "rss"})
# 'widget' is weak: page builders (Elementor) wrap every text box in an 'elementor-widget'.
WEAK_NEGATIVE_WORDS = frozenset({"header", "head", "meta", "byline", "author", "info", "date", "widget", "widgets",
                                 "print", "btn", "button", "tool", "tools", "icon"})
# Words that name the same thing with any ending ('relatedposts', 'commentlist', 'sidebar2'): prefixes.
# 'share' is not one: 'shared_text' is text that is shared, not a share bar.
POSITIVE_PREFIXES = re.compile(r"^(article|content|entry|story)")
COMMENT_PREFIXES = re.compile(r"^(comment|disqus)")
NEGATIVE_PREFIXES = re.compile(r"^(related|comment|sidebar|footer|banner|sponsor|advert|newsletter|subscri|"
                               r"recommend|popular|breadcrumb|navigation|disqus|taboola|outbrain|promo|"
                               r"trending|cookie|sharedaddy|sharebar|social)")
_WORDS = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])")


def class_words(value: str | None) -> list[str]:
    """'articleBody bbs_view' -> ['article', 'body', 'bbs', 'view']."""
    return [w.lower() for w in _WORDS.findall(value)] if value else []


@dataclass(frozen=True)
class Evidence:
    """What an element's tag, role, itemprop, class and id say about it."""

    weight: float  # added to its score as a candidate
    negative: bool  # a strong chrome name or tag and no content name
    comments: bool  # a reader-comment thread by name
    weak: bool  # only a metadata-like name (header, meta, byline ...) or an article-header tag


def _attr_weight(value: str | None) -> tuple[float, bool, bool, bool]:
    words = class_words(value)
    if not words:
        return 0.0, False, False, False
    positive = any(w in POSITIVE_WORDS or POSITIVE_PREFIXES.match(w) for w in words)
    strong = any(w in STRONG_NEGATIVE_WORDS or NEGATIVE_PREFIXES.match(w) for w in words)
    weak = any(w in WEAK_NEGATIVE_WORDS for w in words)
    comments = any(w in COMMENT_WORDS or COMMENT_PREFIXES.match(w) for w in words)
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


def _score_candidates(body: etree._Element, sizes: dict, cache: dict) -> dict:
    scores: dict = {}
    memo: dict = {}
    for el in body.iter():
        size = sizes.get(el)
        if size is None or not size.unit:
            continue
        # Prose under a box named comments, sidebar or footer counts for little (readability strips such
        # boxes before scoring; here they stay evidence: a page that is all 'sidebar' still has a region).
        unit = size.unit * (CHROME_PROSE_FACTOR if _under_chrome(el, body, sizes, cache, memo) else 1.0)
        level, ancestor = 0, el.getparent()
        while ancestor is not None and level < ANCESTOR_LEVELS:
            if ancestor not in scores:
                scores[ancestor] = evidence(ancestor, tag_of(ancestor), cache).weight
            scores[ancestor] += unit / (1 if level == 0 else 2 if level == 1 else 3 * level)
            if ancestor is body:
                break
            level, ancestor = level + 1, ancestor.getparent()
    return {el: score * (1 - _link_density(sizes[el])) for el, score in scores.items() if el in sizes}


def _ancestors(el: etree._Element, stop: etree._Element) -> list:
    found = []
    for ancestor in el.iterancestors():
        found.append(ancestor)
        if ancestor is stop:
            break
    return found


def _refine(top: etree._Element, body: etree._Element, scores: dict, ranked: list) -> etree._Element:
    """Readability's three moves up the tree from the best candidate."""
    best = scores[top]
    alternatives = [_ancestors(c, body) for c in ranked[1:] if best and scores[c] / best >= ALTERNATIVE_SHARE]
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
        if size.prose < SIBLING_MIN_PROSE or _link_density(size) >= SIBLING_MAX_LINK_SHARE:
            continue
        if any(a in inside for a in el.iterancestors()) or any(a is el for a in top.iterancestors()):
            continue
        parts.append(el)
    return parts


def find_region(body: etree._Element, sizes: dict, cache: dict) -> Region:
    """The page's main-content region, or NO_REGION when no candidate scores MIN_REGION_SCORE."""
    scores = _score_candidates(body, sizes, cache)
    scores.pop(body, None)
    candidates = {el: s for el, s in scores.items() if tag_of(el) not in INLINE_TAGS and tag_of(el) != "html"}
    if not candidates:
        return NO_REGION
    ranked = sorted(candidates, key=candidates.get, reverse=True)[:TOP_CANDIDATES]
    best = ranked[0]
    if candidates[best] < MIN_REGION_SCORE:
        return NO_REGION
    top = _refine(best, body, candidates, ranked)
    if top is body:
        return NO_REGION
    nodes = _siblings(top, candidates, sizes, cache)
    nodes += _split_parts(top, nodes, body, sizes)
    nodes += _clean_neighbours(top, nodes, body, sizes, cache)
    ancestors = set()
    for node in nodes:
        for ancestor in node.iterancestors():
            if ancestor in ancestors:
                break
            ancestors.add(ancestor)
    # The best candidate and everything between it and the region's top: a wrapper named 'widget'
    # or 'sidebar' around the article's text stays.
    core = set()
    for element in (best, *_ancestors(best, body)):
        if element in ancestors:
            break
        core.add(element)
    return Region(frozenset(nodes), frozenset(ancestors), frozenset(core), candidates.get(top, candidates[best]),
                  sum(sizes[n].prose for n in nodes))
