"""Exit statuses are distinct and documented: 0 done, 1 data tests failed, 2 usage or refused, 3 I/O or
environment error, 4 internal error (a bug). Each is provoked here through `cityclips.flows.cli.main`
(the disk-full suite checks 3 for a real run, test_exit_status.py 0 and 2 for real runs).
"""
from __future__ import annotations

import os
import subprocess
from datetime import datetime
from pathlib import Path

import pytest
from reliability_helpers import ARTICLE_TEXT

from cityclips.flows import cli
from cityclips.flows.failures import EXIT_CODES, EXIT_DATA_TESTS, EXIT_INTERNAL, EXIT_IO, EXIT_OK, EXIT_USAGE
from cityclips.transforms.pipeline import process_page
from cityclips.transforms.records import RawPage
from cityclips.warehouse.rows import tables_for
from cityclips.warehouse.store import Warehouse


def _publish(out: Path, pages: list[RawPage], duplicate: bool = False) -> None:
    """Published tables of these pages (a documents row twice over when duplicate), without a flow."""
    warehouse = Warehouse(out)
    with warehouse.lock():
        writer = warehouse.begin()
        tables = tables_for([process_page(p) for p in pages], "run", datetime.now())
        for table, data in tables.items():
            writer.write(table, data, "p0")
        if duplicate:
            writer.write("documents", tables["documents"], "p1")
        writer.publish()


def _last_line(capsys) -> str:
    err = capsys.readouterr().err.strip().splitlines()
    return err[-1] if err else ""


def test_the_codes_are_distinct_and_in_the_help(capsys):
    assert [EXIT_OK, EXIT_DATA_TESTS, EXIT_USAGE, EXIT_IO, EXIT_INTERNAL] == [0, 1, 2, 3, 4]
    with pytest.raises(SystemExit):
        cli.main(["--help"])
    help_text = capsys.readouterr().out
    for code, meaning in EXIT_CODES.items():
        assert f"{code}  {meaning}" in help_text


def test_models_on_good_tables_is_0(tmp_path):
    _publish(tmp_path / "out", [RawPage("a.txt", ARTICLE_TEXT.encode(), "text")])
    assert cli.main(["models", "--out", str(tmp_path / "out")]) == EXIT_OK


def test_a_failed_data_test_is_1(tmp_path, capsys):
    _publish(tmp_path / "out", [RawPage("a.txt", ARTICLE_TEXT.encode(), "text")], duplicate=True)
    assert cli.main(["models", "--out", str(tmp_path / "out")]) == EXIT_DATA_TESTS
    assert "FAIL  unique documents(doc_id)" in capsys.readouterr().out


def test_usage_errors_and_refusals_are_2(tmp_path, capsys):
    assert cli.main(["run", str(tmp_path / "no-such-folder"), "--out", str(tmp_path / "out")]) == EXIT_USAGE
    assert _last_line(capsys).startswith("cityclips: input not found")
    with pytest.raises(SystemExit) as raised:
        cli.main(["no-such-command"])
    assert raised.value.code == EXIT_USAGE


def test_a_read_only_output_is_3(tmp_path, capsys):
    if os.geteuid() != 0:
        pytest.skip("remounting a tmpfs read-only needs root (CI runs as root)")
    disk = tmp_path / "disk"
    disk.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=8m", "tmpfs", str(disk)]).returncode != 0:
        pytest.skip("cannot mount a tmpfs here")
    try:
        _publish(disk / "out", [RawPage("a.txt", ARTICLE_TEXT.encode(), "text")])
        subprocess.run(["mount", "-o", "remount,ro", str(disk)], check=True)
        assert cli.main(["models", "--out", str(disk / "out")]) == EXIT_IO
        line = _last_line(capsys)
        assert line.startswith("cityclips: models failed") and "Read-only file system" in line
    finally:
        subprocess.run(["umount", "-l", str(disk)])


def test_an_unexpected_error_is_4_with_its_traceback(monkeypatch, capsys):
    def broken(args):
        raise RuntimeError("a bug")

    monkeypatch.setitem(cli.COMMANDS, "report", broken)
    assert cli.main(["report"]) == EXIT_INTERNAL
    err = capsys.readouterr().err
    assert "Traceback" in err and err.strip().splitlines()[-1].startswith("cityclips: internal error (RuntimeError")
