"""Show a saved page as a reader sees it: visible text, one block per line, for writing gold by hand.

    python eval/real/view.py eval/real/dev/pages/r101_aba_anyang_notice.html  # visible text
    python eval/real/view.py PAGE --hidden                                     # also hidden text, marked [H]
    python eval/real/view.py PAGE --tags                                       # prefix each block with its tag path
    python eval/real/view.py PAGE --raw                                        # tag-stripping view, no tree

This is a reading aid, not an extractor: it keeps every visible block in document order (menus, footers
and all) so that gold is written from what the page shows, never from an extractor's choice of content.
Hidden means `hidden`, `aria-hidden="true"`, inline `display:none`/`visibility:hidden`, <template>,
<noscript>, <script>, <style>.

Bytes are decoded as cityclips decodes them (transforms/decode.py: BOM, valid UTF-8, then the declared charset,
then detection), not by libxml2's sniffing, which reads a UTF-8 page as Latin-1 when its `<meta charset>` comes
after `<title>` (the title and every line then print as mojibake).
"""
from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

import lxml.html

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from transforms.decode import declared_charset, detect_and_decode  # noqa: E402

BLOCK_TAGS = {"p", "div", "li", "ul", "ol", "dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table",
              "section", "article", "header", "footer", "nav", "aside", "main", "blockquote", "pre", "figure",
              "figcaption", "caption", "form", "fieldset", "legend", "address", "br", "hr", "td", "th", "title",
              "option", "select", "button", "label"}
NEVER_SHOWN = {"script", "style", "template", "noscript", "head"}
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_WS = re.compile(r"\s+")


def is_hidden(el) -> bool:
    """True when the element itself is hidden from a reader (attributes and inline style only)."""
    if el.get("hidden") is not None or (el.get("aria-hidden") or "").lower() == "true":
        return True
    return bool(_HIDDEN_STYLE.search(el.get("style") or ""))


def blocks(root, show_hidden: bool = False, tags: bool = False):
    """Yield (hidden, text) blocks in document order."""
    out: list[tuple[bool, str, str]] = []
    buf: list[str] = []
    state = {"hidden": False, "path": ""}

    def flush():
        text = _WS.sub(" ", "".join(buf)).strip()
        if text:
            out.append((state["hidden"], state["path"], text))
        buf.clear()

    def walk(el, hidden: bool, path: str):
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag in NEVER_SHOWN and tag != "head":
            if el.tail:
                buf.append(el.tail)
            return
        if tag == "head":
            title = el.find(".//title")
            if title is not None and title.text:
                flush()
                state["hidden"], state["path"] = False, "title"
                buf.append("<title> " + title.text)
                flush()
            return
        hidden = hidden or (tag and is_hidden(el))
        classes = (el.get("class") or "").split() if tag else []
        here = f"{path}/{tag}" + (f".{classes[0]}" if classes else "") if tag else path
        if tag in BLOCK_TAGS:
            flush()
            state["hidden"], state["path"] = hidden, here
        if tag == "img" and el.get("alt"):
            buf.append(f" [img: {el.get('alt')}] ")
        if el.text and tag:
            buf.append(el.text)
        for child in el:
            walk(child, hidden, here)
            state["hidden"], state["path"] = hidden, here
        if tag in BLOCK_TAGS:
            flush()
        if el.tail:
            buf.append(el.tail)

    walk(root, False, "")
    flush()
    for hidden, path, text in out:
        if hidden and not show_hidden:
            continue
        prefix = ("[H] " if hidden else "") + (f"{path}: " if tags else "")
        yield prefix + text


_RAW_DROP = re.compile(r"<!--.*?-->|<(script|style|template|noscript)\b.*?</\1\s*>", re.S | re.I)
_RAW_BLOCK = re.compile(r"</?(?:%s)\b[^>]*>" % "|".join(sorted(BLOCK_TAGS)), re.I)
_RAW_TAG = re.compile(r"<[^>]+>")


def raw_blocks(text: str):
    """Blocks from tag stripping alone: for pages whose broken markup makes a tree parser drop text.

    lxml (libxml2) silently drops parts of some real pages (mismatched </td> after <th>, stray tags);
    a browser's HTML5 parser keeps them. This view keeps every text run, in source order.
    """
    import html as html_lib
    text = _RAW_DROP.sub(" ", text)
    for chunk in _RAW_BLOCK.split(text):
        line = _WS.sub(" ", html_lib.unescape(_RAW_TAG.sub(" ", chunk))).strip()
        if line:
            yield line


def page_text(data: bytes, encoding: str | None = None) -> str:
    """The page's text: `encoding` when given, else as cityclips' decoder reads the bytes."""
    if encoding:
        return data.decode(encoding, errors="replace")
    return detect_and_decode(data, declared_charset(data)).text


def _tree(text: str):
    """Parse decoded text; an XML declaration with an encoding must go first (lxml refuses it on str)."""
    return lxml.html.document_fromstring(re.sub(r"^\s*<\?xml[^>]*>", "", text))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("page", type=Path, help="a saved HTML page")
    parser.add_argument("--hidden", action="store_true", help="also print hidden blocks, marked [H]")
    parser.add_argument("--tags", action="store_true", help="prefix each block with its tag path")
    parser.add_argument("--encoding", help="decode with this charset instead of the page's own declaration")
    parser.add_argument("--raw", action="store_true", help="tag-stripping view (no tree), for broken markup")
    args = parser.parse_args(argv)
    data = args.page.read_bytes()
    text = page_text(data, args.encoding)
    if args.raw:
        for line in raw_blocks(text):
            print(line)
        return 0
    for line in blocks(_tree(text), args.hidden, args.tags):
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
