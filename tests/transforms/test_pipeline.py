"""The pure pipeline's page source: URLs, sites and page kinds on Documents, and templates counted per site."""
from __future__ import annotations

from cityclips.transforms.pipeline import PageSettings, corpus_templates, process_pages
from cityclips.transforms.records import Document, RawPage

CHROME = ["Citizen portal home", "Open data and reports", "Contact the city hall"]
SHARED_LINE = "Notice: the office of civil affairs closes at six on Fridays."
TOPICS = ["the new library", "the bus routes", "the river park", "the night market", "the bicycle lanes",
          "the school meals", "the museum roof", "the harbour bridge", "the tram depot"]


def page(site: str, n: int, extra: str = "") -> RawPage:
    paragraphs = "".join(f"<p>The council of {site} approved the budget for {TOPICS[3 * n + i]} after a long "
                         f"debate with residents about {TOPICS[(3 * n + i + 4) % len(TOPICS)]}.</p>" for i in range(3))
    chrome = "".join(f"<div>{line}</div>" for line in CHROME)
    html = (f'<html><head><link rel="canonical" href="https://www.{site}/news/{n}"></head><body>{chrome}'
            f"<h1>Council news {n} from {site}</h1>{paragraphs}{extra}</body></html>")
    return RawPage(f"pages/{site}-{n}.html", html.encode(), "html")


def test_canonical_links_give_url_and_site_and_the_template_pass_groups_by_site():
    # Site A repeats the notice on every page (chrome there); site B has it once, in an article.
    pages = [page("a-city.go.kr", n, f"<div>{SHARED_LINE}</div>") for n in range(3)]
    pages += [page("b-city.go.kr", 0, f"<p>{SHARED_LINE}</p>"), page("b-city.go.kr", 1), page("b-city.go.kr", 2)]
    templates = corpus_templates(pages)
    documents = {d.source_path: d for d in process_pages(pages, templates)}
    a, b = documents["pages/a-city.go.kr-0.html"], documents["pages/b-city.go.kr-0.html"]
    assert (a.source.url, a.source.site) == ("https://www.a-city.go.kr/news/0", "a-city.go.kr")
    assert a.template_group.startswith("a-city.go.kr|") and b.template_group.startswith("b-city.go.kr|")
    assert SHARED_LINE not in a.body_text and any(r.text == SHARED_LINE for r in a.removed)
    assert SHARED_LINE in b.body_text  # counted with site A's pages, it would have gone as chrome
    # the chrome both sites share is each site's own template
    assert not any(line in d.body_text for d in documents.values() for line in CHROME)


def test_one_folder_without_urls_is_one_site_for_templates():
    pages = [page("a-city.go.kr", n, f"<div>{SHARED_LINE}</div>") for n in range(3)]
    pages += [page("b-city.go.kr", 0, f"<p>{SHARED_LINE}</p>")]
    stripped = [RawPage(p.source_path, p.data.replace(b'<link rel="canonical"', b'<link rel="x"'), "html")
                for p in pages]
    documents = {d.source_path: d for d in process_pages(stripped, corpus_templates(stripped))}
    assert documents["pages/b-city.go.kr-0.html"].source.site is None
    assert SHARED_LINE not in documents["pages/b-city.go.kr-0.html"].body_text


def test_base_url_gives_files_a_url():
    raw = RawPage("news/7.txt", "Mayor opens the new library\n\nThe city opened its library today.".encode(), "text")
    document = process_pages([raw], settings=PageSettings(base_url="https://www.gwangju.go.kr/"))[0]
    assert isinstance(document, Document)
    assert (document.source.url, document.source.site) == ("https://www.gwangju.go.kr/news/7.txt", "gwangju.go.kr")
    assert process_pages([raw])[0].source.url is None


def test_an_empty_board_view_is_an_error_page_not_a_reject():
    html = ("<html><body><form><table><tr><th>제목</th><td></td></tr><tr><td colspan='2'>등록된 데이터가 없습니다."
            "</td></tr></table></form><script>var notFound = 'page not found';</script></body></html>")
    document = process_pages([RawPage("board/view.html", html.encode(), "html")])[0]
    assert isinstance(document, Document) and document.page_kind == "error" and document.segments == ()


def test_an_emptied_page_whose_scripts_mention_errors_stays_a_reject():
    html = "<html><body><form><p>Search</p></form><style>.error-404 { color: red }</style></body></html>"
    assert process_pages([RawPage("x.html", html.encode(), "html")])[0].reason == "no_article"
