"""process_page holds the cyclic garbage collector off while it reads a page, and leaves it as it found it."""
from __future__ import annotations

import gc

import pytest

from cityclips.transforms import pipeline
from cityclips.transforms.pipeline import process_page
from cityclips.transforms.records import Document, RawPage, Reject

PAGES = [
    RawPage("ko/view.html", "<html><body><h1>시청 민원실 운영 시간 안내</h1><p>시청 민원실은 평일 오전 9시부터 오후 6시까지 "
            "운영합니다. 점심시간에도 민원 업무를 봅니다.</p></body></html>".encode(), "html"),
    RawPage("en/news.html", b"<html><body><h1>Mayor opens the library</h1><p>The city opened its new library on "
            b"Main Street today, and the mayor thanked the volunteers who built it.</p></body></html>", "html"),
]


@pytest.fixture
def collector_state():
    was = gc.isenabled()
    yield
    gc.enable() if was else gc.disable()


@pytest.mark.parametrize("raw", PAGES, ids=lambda raw: raw.source_path)
@pytest.mark.parametrize("enabled", [True, False])
def test_the_collector_is_off_during_a_page_and_as_it_was_after(raw, enabled, collector_state, monkeypatch):
    seen = []
    segment_page = pipeline.segment_page

    def segment_noting_the_collector(clean):
        seen.append(gc.isenabled())
        return segment_page(clean)

    monkeypatch.setattr(pipeline, "segment_page", segment_noting_the_collector)
    gc.enable() if enabled else gc.disable()
    assert isinstance(process_page(raw), Document)
    assert seen == [False]
    assert gc.isenabled() is enabled


def test_a_page_that_fails_leaves_the_collector_on(collector_state, monkeypatch):
    def failing(clean):
        raise RuntimeError("a bug in a stage")

    monkeypatch.setattr(pipeline, "segment_page", failing)
    gc.enable()
    result = process_page(PAGES[1])
    assert isinstance(result, Reject) and result.reason == "error"
    assert gc.isenabled()
