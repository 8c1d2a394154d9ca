"""The marts on a real database: the seeds through the pure pipeline and the warehouse, no Prefect."""
from __future__ import annotations

import shutil
from datetime import date, datetime
from pathlib import Path

import duckdb
import pytest

from tests.conftest import SEEDS
from tests.sql.sql_rows import runs_table
from cityclips.transforms.pipeline import page_lines, process_pages
from cityclips.transforms.records import RawPage
from cityclips.transforms.template import TemplateStats
from cityclips.warehouse.models import build_database, database_path
from cityclips.warehouse.rows import tables_for
from cityclips.warehouse.store import Warehouse

INITIATIVES_SEED = "001_37b750b5778ba05a.txt"  # 'Opening 2020 with 20 Initiatives for Gwangju ...'
QUOTES_SEED = "004_3ce3e3594060d6b4.txt"  # Gwangju City stresses the need for innovative leadership ...
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"


def build_seeds(out: Path) -> None:
    """Process seeds/ as the flow does (template pass, then pages) and build out/cityclips.duckdb."""
    pages = [RawPage(path.name, path.read_bytes(), "text") for path in sorted(SEEDS.glob("*.txt"))]
    stats = TemplateStats()
    for lines in filter(None, map(page_lines, pages)):
        stats.add(lines.group, lines.content_sha256, lines.signatures)
    templates = stats.templates()
    tables = tables_for(process_pages(pages, templates), "run-test", datetime(2024, 8, 1))
    warehouse = Warehouse(out)
    with warehouse.lock():
        writer = warehouse.begin()
        for table, data in tables.items():
            writer.write(table, data, "p0")
        writer.write("runs", runs_table("run-test"), "p0")
        writer.publish()
    report = build_database(out)
    assert report.failed == []


@pytest.fixture(scope="module")
def out(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("seeds") / "data"
    build_seeds(folder)
    return folder


@pytest.fixture
def con(out):
    connection = duckdb.connect(str(database_path(out)), read_only=True)
    yield connection
    connection.close()


def test_the_twenty_2020_initiatives_in_order(con):
    rows = con.execute("""
        select position, marker, text from list_items
        where doc_id = (select doc_id from articles where source_path = ?)
            and heading = 'Twenty Key Initiatives for 2020' and depth = 0
        order by position""", [INITIATIVES_SEED]).fetchall()
    assert [(position, marker) for position, marker, _ in rows] == list(enumerate(CIRCLED, start=1))
    assert rows[0][2] == "Full-fledged operation of Gwangju AI Hub City project"
    assert rows[4][2].startswith("Creation of quality jobs")
    assert rows[19][2].startswith("Conducting 2020 Integrity Gwangju campaign")


def test_the_eleven_industries_under_initiative_five(con):
    rows = con.execute("""
        select position, marker, text, parent_marker, heading from list_items
        where parent_text like 'Creation of quality jobs%'
        order by position""").fetchall()
    assert [(position, marker) for position, marker, *_ in rows] == [(n, f"{n}.") for n in range(1, 12)]
    assert {(parent, heading) for *_, parent, heading in rows} == {("⑤", "Eleven Major Industries for Gwangju in 2020")}
    assert (rows[0][2], rows[-1][2]) == ("AI & Drone Industry", "Kimchi and Food Industry")


def test_mayor_lees_quotes_with_their_dates(con):
    rows = con.execute("""
        select speaker, speaker_named, speaker_as_written, published_at, text from quotes
        where doc_id = (select doc_id from articles where source_path = ?)
        order by ordinal""", [QUOTES_SEED]).fetchall()
    assert [row[:4] for row in rows] == [
        ("Lee Yong-sup", "Gwangju Mayor Lee Yong-sup", "Gwangju Mayor Lee Yong-sup", datetime(2019, 11, 5, 14, 46)),
        ("Lee Yong-sup", "Gwangju Mayor Lee Yong-sup", "he", datetime(2019, 11, 5, 14, 46)),
        ("Lee Yong-sup", "Mayor Lee", "Mayor Lee", datetime(2019, 11, 5, 14, 46)),
        ("Lee Yong-sup", "Mayor Lee", None, datetime(2019, 11, 5, 14, 46)),
    ]
    assert rows[0][4].startswith("This is the only breakthrough")
    dates = con.execute("""
        select published_at::date, count(*) from quotes where speaker = 'Lee Yong-sup' group by 1 order by 1""").fetchall()
    # 2019-07-09 says only 'The mayor' and 2020-01-20 only 'Mayor Lee': the other seeds name him in full
    assert dates == [(date(2019, 7, 9), 7), (date(2019, 11, 5), 4), (date(2020, 1, 7), 3), (date(2020, 1, 20), 2)]
    assert con.execute("select distinct resolved_by from speakers order by 1").fetchall() == [
        ("article",), ("name",), ("site",)]


def test_documents_per_month_by_language(con):
    rows = con.execute("""
        select month, language, sum(n_documents) from monthly_activity
        group by month, language order by month, language""").fetchall()
    assert rows == [(date(2019, 7, 1), "en", 1), (date(2019, 11, 1), "en", 1), (date(2020, 1, 1), "en", 2)]
    undated = con.execute("select count(*) from articles where published_month is null").fetchall()
    assert undated == [(1,)]  # the static page 003 has no date, so monthly_activity leaves it out


def test_database_opens_from_another_working_directory(out, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with duckdb.connect(str(database_path(out)), read_only=True) as con:
        assert con.execute("select count(*), count(title) from articles").fetchall() == [(5, 5)]


def test_database_works_after_the_output_folder_is_moved(out, tmp_path):
    moved = tmp_path / "moved" / "data"
    moved.parent.mkdir()
    shutil.move(str(out), str(moved))
    try:
        with duckdb.connect(str(database_path(moved)), read_only=True) as con:
            assert con.execute("select count(*), sum(n_list_items) from articles").fetchall() == [(5, 61)]
            assert con.execute("select count(*) from list_items").fetchall() == [(61,)]
    finally:
        shutil.move(str(moved), str(out))
