"""The per-page time budget: a page that takes too long becomes a timeout reject, and the batch goes on."""
from __future__ import annotations

from reliability_helpers import ARTICLE_TEXT, long_line_page

from cityclips.transforms.pipeline import DEFAULT_PAGE_BUDGET_S, PageSettings, process_page, process_pages
from cityclips.transforms.records import Document, RawPage, Reject


def test_zero_budget_rejects_with_timeout():
    result = process_page(RawPage("slow.txt", ARTICLE_TEXT.encode(), "text"), settings=PageSettings(page_budget_s=0.0))
    assert isinstance(result, Reject) and result.reason == "timeout"
    assert "took over 0 s" in result.detail
    assert result.content_sha256 and result.source_bytes == len(ARTICLE_TEXT.encode())


def test_tiny_budget_stops_a_heavy_page_between_stages():
    """The budget is checked between stages (decode, clean, segment, language), not inside one."""
    result = process_page(RawPage("heavy.txt", long_line_page(), "text"), settings=PageSettings(page_budget_s=0.005))
    assert isinstance(result, Reject) and result.reason == "timeout"


def test_a_timeout_does_not_stop_the_batch():
    pages = [RawPage("heavy.txt", long_line_page(), "text"), RawPage("light.txt", ARTICLE_TEXT.encode(), "text")]
    heavy, light = process_pages(pages, settings=PageSettings(page_budget_s=0.02))
    assert isinstance(heavy, Reject) and heavy.reason == "timeout"
    assert isinstance(light, Document)


def test_default_budget_leaves_normal_pages_alone():
    assert DEFAULT_PAGE_BUDGET_S >= 1
    assert isinstance(process_page(RawPage("a.txt", ARTICLE_TEXT.encode(), "text")), Document)
