"""cityclips on the public benchmarks' development halves (../shared/peers): floors a regression cannot pass.

The floors are checked by `make eval` (`eval/peers.py --check-floors`, which skips with a message when
the shared folder is absent); these tests show the check trips, and that the scorers follow the
benchmarks' methods.
"""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "eval"))
import peers  # noqa: E402

def _score(f1: float, rejected: int = 0) -> "peers.SetScore":
    return peers.SetScore("cityclips", 100, f1, f1, f1, 50.0, {}, {f"p{i}": "no_article" for i in range(rejected)})


def test_a_score_under_its_floor_fails_make_eval() -> None:
    # The floors themselves are checked by `make eval` (eval/peers.py --check-floors, about 90 s of
    # extraction: an evaluation, not a unit test); here the check is shown to trip and to hold.
    assert peers.floor_failures("aeb", _score(peers.FLOORS["aeb"])) == []
    assert "body F1 fell to 0.940" in peers.floor_failures("aeb", _score(0.94))[0]
    limit = peers.MAX_REJECTED["trafilatura-eval"]
    assert peers.floor_failures("trafilatura-eval", _score(peers.FLOORS["trafilatura-eval"], rejected=limit)) == []
    assert "rejected" in peers.floor_failures("trafilatura-eval", _score(peers.FLOORS["trafilatura-eval"], rejected=limit + 1))[-1]


def test_make_eval_checks_the_floors() -> None:
    makefile = (Path(__file__).resolve().parents[2] / "Makefile").read_text(encoding="utf-8")
    assert "eval/peers.py --check-floors" in makefile


def test_scorers_follow_the_benchmarks_methods() -> None:
    # aeb: \w+ tokens, 4-token shingles; a text shorter than four tokens is one shingle
    assert peers.aeb_page("one two three four five", "two three four five six") == (1, 1, 1)
    assert peers.aeb_score([(1, 1, 1), (0, 0, 4)]) == {"precision": 0.5, "recall": 0.25, "f1": pytest.approx(1 / 3)}
    # trafilatura-eval: snippets pooled over pages, whitespace collapsed
    page = peers.Page("p", b"", "", with_snippets=("a  b", "c"), without_snippets=("d",))
    assert peers.snippet_page(page, "x a\nb y d") == (1, 1, 1, 0)
