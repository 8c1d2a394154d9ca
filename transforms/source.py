"""Where a page came from: its URL and site, and what its HTTP headers say (format, charset). Pure.

A page's URL is, in order of evidence: the URL it was fetched from (a WARC record's target URI),
the URL the page declares for itself (<link rel="canonical">, then og:url), the run's --base-url
joined with the page's path under its input root; else unknown. Its site is the URL's host.

    >>> site_of("https://www.Gwangju.go.kr:443/board.es?mid=a1")
    'gwangju.go.kr'
"""
from __future__ import annotations

import re
from urllib.parse import quote, urljoin, urlsplit

# Content types that are pages cityclips reads, and the source format each is read as.
PAGE_CONTENT_TYPES = {"text/html": "html", "application/xhtml+xml": "html", "application/xml+html": "html",
                      "text/plain": "text"}
# A response without a Content-Type is read as HTML: crawlers store pages, and decoding and the
# parser cope with text; binary bodies are rejected by the binary check as for files.
DEFAULT_FORMAT = "html"
MAX_URL_CHARS = 2048  # longer 'URLs' in markup are data: URIs or garbage, not addresses

_CHARSET = re.compile(r"""charset\s*=\s*["']?\s*([A-Za-z0-9_.:\-]+)""", re.IGNORECASE)


def page_format(content_type: str | None) -> str | None:
    """'html' or 'text' for a page's Content-Type; None when it is not a page (image/png, application/pdf).

    >>> page_format("text/html; charset=EUC-KR"), page_format("image/jpeg"), page_format(None)
    ('html', None, 'html')
    """
    if not content_type or not content_type.strip():
        return DEFAULT_FORMAT
    media_type = content_type.split(";", 1)[0].strip().lower()
    return PAGE_CONTENT_TYPES.get(media_type)


def charset_from_content_type(content_type: str | None) -> str | None:
    """The charset a Content-Type header names, lower-cased ('text/html; charset=EUC-KR' -> 'euc-kr')."""
    if not content_type:
        return None
    match = _CHARSET.search(content_type)
    return match.group(1).lower() if match else None


def site_of(url: str | None) -> str | None:
    """The site of a URL: its host, lower-cased, without port or a leading 'www.'; None without a host.

    'www.gwangju.go.kr' and 'gwangju.go.kr' are one site to a reader, so they are one here.
    """
    if not url:
        return None
    try:
        host = urlsplit(url.strip()).hostname
    except ValueError:
        return None
    if not host:
        return None
    host = host.rstrip(".")
    return host[4:] if host.startswith("www.") and host.count(".") >= 2 else host or None


def absolute_url(href: str | None, base: str | None) -> str | None:
    """href made absolute against base (a page's URL); None for empty, script or over-long hrefs.

    >>> absolute_url("view.do?id=7", "https://a.go.kr/board/list.do?page=2")
    'https://a.go.kr/board/view.do?id=7'
    """
    if not href:
        return None
    href = href.strip()
    if not href or len(href) > MAX_URL_CHARS or href.lower().startswith(("javascript:", "mailto:", "tel:", "data:", "#")):
        return None
    try:
        joined = urljoin(base, href) if base else href
    except ValueError:
        return None
    return joined if urlsplit(joined).scheme in ("http", "https") or not base else None


def _is_web_url(url: str | None) -> bool:
    if not url or len(url) > MAX_URL_CHARS:
        return False
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return False
    return parts.scheme in ("http", "https") and bool(parts.hostname)


def page_url(fetched_url: str | None, declared_url: str | None, base_url: str | None,
             source_path: str) -> str | None:
    """The page's URL from the best evidence there is (see the module docstring); None when none.

    declared_url is the page's canonical link or og:url (absolute, or relative to fetched_url);
    base_url with the source path is the last resort for files saved from one site.

    >>> page_url(None, None, "https://www.gwangju.go.kr/", "news/2024/a b.html")
    'https://www.gwangju.go.kr/news/2024/a%20b.html'
    """
    if _is_web_url(fetched_url):
        return fetched_url.strip()
    if declared_url:
        declared = declared_url.strip()
        if fetched_url and not _is_web_url(declared):  # only a relative link needs the fetched URL (which may not parse)
            declared = absolute_url(declared, fetched_url)
        if _is_web_url(declared):
            return declared
    if base_url and _is_web_url(base_url):
        return urljoin(base_url if base_url.endswith("/") else base_url + "/", quote(source_path, safe="/"))
    return None
