"""`cityclips report`: one self-contained HTML file that escapes page text and renders in a browser.

The warehouse is built without Prefect (the pure pipeline, the Parquet writer and the model
runner) from the seeds, four labelled pages (English and Korean, text and HTML) and one empty
page, with hostile markup injected where page text goes.
"""
from __future__ import annotations

import json
import os
import re
import shutil
import struct
import subprocess
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pytest

from cityclips.flows.cli import main
from cityclips.flows.report import _fill_gaps, write_report
from cityclips.flows.report_charts import bar_chart, count_axis
from tests.conftest import EVAL_PAGES, SEEDS
from cityclips.transforms.pipeline import process_pages
from cityclips.transforms.records import RawPage
from cityclips.warehouse.models import build_database
from cityclips.warehouse.rows import tables_for
from cityclips.warehouse.runs import RunEnd
from cityclips.warehouse.schemas import RUNS
from cityclips.warehouse.store import Warehouse

RUN_ID = "20260101T000000Z-abc123"
RUN_SECONDS = 30  # the flow's wall time so far when the database build starts
HOSTILE_TITLE = "<script>alert(1)</script>"
HOSTILE_PATH = "<img src=x onerror=alert(2)>.txt"
LABELLED = ("009_gwangju_hydrogen_bus.html", "016_gwangju_ai_datacenter.txt", "019_daejeon_bread_festival.txt",
            "024_gwangju_flu_vaccination.html")
SECTIONS = ("last-run", "per-month", "languages", "attachments", "boilerplate", "rejects", "slowest", "latest",
            "runs")
CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome")
CHROMIUM_TIMEOUT_S = 90
MIN_SCREENSHOT_BYTES = 10 * 1024  # a blank 1200x1600 page is ~5 KB; charts and text make it ~100 KB


def _pages() -> list[RawPage]:
    paths = sorted(SEEDS.glob("*.txt")) + [EVAL_PAGES / name for name in LABELLED]
    pages = [RawPage(p.name, p.read_bytes(), "html" if p.suffix == ".html" else "text") for p in paths]
    return pages + [RawPage(HOSTILE_PATH, b"", "text")]


def _runs_row(tables: dict[str, pa.Table], pages: int) -> pa.Table:
    documents = tables["documents"]
    slowest = sorted(zip(documents["parse_ms"].to_pylist(), documents["source_path"].to_pylist()), reverse=True)
    counts = {"rows": {name: t.num_rows for name, t in tables.items()},
              "rejects_by_reason": {"empty": 1}, "removed_by_rule": {}, "languages": {},
              "stage_seconds": {"discover": 0.01, "templates": 0.2, "process": 1.5},
              "slowest_pages": [list(s) for s in slowest[:10]]}
    started = datetime.now(timezone.utc).replace(tzinfo=None) - timedelta(seconds=RUN_SECONDS)
    row = {"run_id": RUN_ID, "started_at": started, "finished_at": started + timedelta(seconds=2),
           "input_roots": str(SEEDS), "pages_seen": pages, "pages_processed": pages, "pages_unchanged": 0,
           "pages_rejected": tables["rejects"].num_rows, "pages_removed": 0,
           "counts_json": json.dumps(counts, ensure_ascii=False), "pipeline_version": "test"}
    return pa.Table.from_pylist([row], schema=RUNS)


def build_warehouse(out: Path) -> None:
    """Process the test pages with the pure pipeline and publish them as one warehouse version."""
    pages = _pages()
    tables = tables_for(process_pages(pages), RUN_ID, datetime(2026, 1, 1))
    documents = tables["documents"]
    first_title = pc.equal(pa.array(range(documents.num_rows)), 0)
    titles = pc.if_else(first_title, HOSTILE_TITLE, documents["title"])
    tables["documents"] = documents.set_column(documents.schema.get_field_index("title"), "title", titles)
    writer = Warehouse(out).begin()
    for table, data in tables.items():
        writer.write(table, data, "p0")
    writer.write("runs", _runs_row(tables, len(pages)), "p0")
    writer.publish()
    build_database(out, run_end=RunEnd(RUN_ID, {"discover": 0.01, "templates": 0.2, "process": 1.5, "publish": 0.05}))


@pytest.fixture(scope="module")
def report(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("out")
    build_warehouse(out)
    return write_report(out, out / "report.html")


def test_report_is_one_self_contained_file(report: Path) -> None:
    html = report.read_text(encoding="utf-8")
    assert [p.name for p in report.parent.glob("report*")] == ["report.html"]
    assert html.startswith("<!DOCTYPE html>") and '<meta charset="utf-8">' in html
    assert not re.search(r"https?://", html), "no external references of any kind"
    assert not re.search(r"<[a-z][^>]*\s(?:src|href|xlink:href)\s*=", html, re.IGNORECASE)
    assert "<script" not in html.lower() and "<link" not in html.lower()
    assert "url(" not in html and "@import" not in html and "@font-face" not in html


def test_report_has_every_section_with_its_chart(report: Path) -> None:
    html = report.read_text(encoding="utf-8")
    for section in SECTIONS:
        assert f'<section id="{section}">' in html, section
    assert html.count("<svg") >= 6  # stages, months, languages x2, attachments, boilerplate, rejects
    assert re.search("Documents per (month|year) by language", html) and "Time per stage" in html
    assert ">ko<" in html and ">en<" in html  # both languages of the labelled pages are charted
    assert ">empty<" in html  # the reject reason
    assert RUN_ID in html and "<b>10</b><span>pages seen</span>" in html  # 5 seeds, 4 labelled, 1 empty


def test_last_run_shows_every_stage_the_wall_time_and_what_each_number_means(report: Path) -> None:
    html = report.read_text(encoding="utf-8")
    last_run = html.split('<section id="last-run">')[1].split("</section>")[0]
    for stage in ("discover", "templates", "process", "publish", "models", "other (Prefect)"):
        assert f">{stage}<" in last_run, stage
    wall = re.search(r"<b>([\d,.]+) s</b> wall time", last_run)
    assert wall and RUN_SECONDS <= float(wall.group(1).replace(",", "")) < RUN_SECONDS + 60
    for meaning in ("Input files discovered.", "Pages skipped because their content was unchanged.",
                    "Documents in the warehouse after the run"):
        assert meaning in last_run
    assert "the file is empty or only whitespace" in html  # what the reject reason means


def test_page_text_is_escaped(report: Path) -> None:
    html = report.read_text(encoding="utf-8")
    assert HOSTILE_TITLE not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert HOSTILE_PATH not in html and "&lt;img src=x onerror=alert(2)&gt;.txt" in html


def test_korean_text_survives(report: Path) -> None:
    html = report.read_text(encoding="utf-8")
    assert re.search("[가-힣]{2,}", html), "Korean titles appear as text, not as entities or mojibake"


def test_missing_database_is_a_clear_error(tmp_path: Path, capsys) -> None:
    with pytest.raises(FileNotFoundError, match="run 'cityclips run --out"):
        write_report(tmp_path, tmp_path / "report.html")
    assert main(["report", "--out", str(tmp_path)]) == 2
    error = capsys.readouterr().err
    assert error.startswith("cityclips: no database at") and len(error.strip().splitlines()) == 1
    assert not (tmp_path / "report.html").exists()


def test_empty_warehouse_still_reports(tmp_path: Path, capsys) -> None:
    build_database(tmp_path)
    assert main(["report", "--out", str(tmp_path), "--html", str(tmp_path / "r" / "empty.html")]) == 0
    assert capsys.readouterr().out.strip() == f"wrote {tmp_path / 'r' / 'empty.html'}"
    html = (tmp_path / "r" / "empty.html").read_text(encoding="utf-8")
    assert "No runs recorded." in html and "No dated documents." in html


def test_bar_chart_escapes_labels_and_folds_long_tails() -> None:
    svg = bar_chart([(f'rule"{i}<', 30 - i) for i in range(20)], "caption <b>")
    assert 'rule"' not in svg and "rule&quot;0&lt;" in svg and "caption &lt;b&gt;" in svg
    assert "(6 more)" in svg and svg.count("<rect") == 15


def test_axis_and_month_helpers() -> None:
    assert count_axis(7) == [0, 2, 4, 6, 8] and count_axis(0) == [0, 1] and count_axis(120)[-1] == 150
    assert _fill_gaps(["2019-11", "2020-02"]) == ["2019-11", "2019-12", "2020-01", "2020-02"]
    assert _fill_gaps(["2017", "2019"]) == ["2017", "2018", "2019"]


def _chromium() -> str:
    for name in CHROMIUM_NAMES:
        if path := shutil.which(name):
            return path
    if os.environ.get("CI") == "true":
        pytest.fail("chromium is required in CI: apt-get install -y --no-install-recommends chromium")
    pytest.skip("chromium is not installed (apt-get install -y chromium); CI=true makes this a failure")


def _headless(chromium: str, profile: Path, *arguments: str) -> subprocess.CompletedProcess:
    command = [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
               "--disable-background-networking", "--disable-component-update", "--disable-sync",
               "--disable-dev-shm-usage", f"--user-data-dir={profile}", *arguments]
    return subprocess.run(command, capture_output=True, text=True, timeout=CHROMIUM_TIMEOUT_S)


@pytest.mark.slow
def test_report_renders_in_headless_chromium(report: Path, tmp_path: Path) -> None:
    chromium = _chromium()
    screenshot = tmp_path / "r.png"
    result = _headless(chromium, tmp_path / "profile", f"--screenshot={screenshot}", "--window-size=1200,1600",
                       report.as_uri())
    assert screenshot.is_file(), result.stderr[-2000:]
    png = screenshot.read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and struct.unpack(">II", png[16:24]) == (1200, 1600)
    assert len(png) > MIN_SCREENSHOT_BYTES, f"{len(png)} bytes: the page looks blank"

    dom = _headless(chromium, tmp_path / "profile", "--dump-dom", report.as_uri()).stdout
    assert dom.count("<svg") == report.read_text(encoding="utf-8").count("<svg") >= 6
    assert "<rect" in dom and "<script" not in dom.lower()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in dom  # parsed as text, serialised escaped
