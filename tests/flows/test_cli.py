"""The command line as a user meets it: help with an example on every command, --version, one-sentence
errors that keep DuckDB's hints, a quiet exit when the reader of a pipe goes away."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from cityclips import __version__
from cityclips.flows.cli import COMMANDS, _parser, main
from tests.conftest import SEEDS
from tests.sql.test_real_database import build_seeds


@pytest.fixture(scope="module")
def out(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("cli") / "data"
    build_seeds(folder)
    return folder


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_every_command_has_help_that_ends_with_an_example(command, capsys):
    with pytest.raises(SystemExit) as exit_info:
        main([command, "--help"])
    assert exit_info.value.code == 0
    text = capsys.readouterr().out
    example = text.rstrip().splitlines()[-1].strip()
    assert "example:" in text and example.startswith(("cityclips ", "PREFECT_API_URL=")), text
    assert f"cityclips {command}" in example or f" {command} " in example


def test_every_option_has_help():
    parsers = [_parser()]
    parsers += [p for action in parsers[0]._actions if hasattr(action, "choices") and isinstance(action.choices, dict)
                for p in action.choices.values()]
    missing = [(p.prog, a.dest) for p in parsers for a in p._actions
               if a.dest not in ("help", "command") and not a.help]
    assert missing == []


def test_version(capsys):
    with pytest.raises(SystemExit):
        main(["--version"])
    assert capsys.readouterr().out.strip() == f"cityclips {__version__}"


def test_a_misspelt_table_keeps_duckdbs_hint(out, capsys):
    assert main(["query", "select * from article", "--out", str(out)]) == 2
    error = capsys.readouterr().err
    assert 'Did you mean "articles"?' in error and "Traceback" not in error


def test_a_misspelt_column_keeps_the_candidates(out, capsys):
    assert main(["query", "select titl from articles", "--out", str(out)]) == 2
    assert '"title"' in capsys.readouterr().err


def test_query_into_a_closed_pipe_exits_quietly(out):
    """`cityclips query ... | head -1`: no BrokenPipeError traceback, exit status 0."""
    shell = (f"{sys.executable} -m cityclips.flows.cli query 'select * from raw.segments, range(20)' "
             f"--out {out} | head -1")
    result = subprocess.run(["bash", "-o", "pipefail", "-c", shell], capture_output=True, text=True, timeout=120)
    assert "Traceback" not in result.stderr and "BrokenPipe" not in result.stderr, result.stderr
    assert result.returncode == 0
    assert result.stdout.startswith("doc_id")


def test_inspect_into_a_closed_pipe_exits_quietly():
    shell = f"{sys.executable} -m cityclips.flows.cli inspect {SEEDS / '001_37b750b5778ba05a.txt'} --siblings 0 | head -1"
    result = subprocess.run(["bash", "-o", "pipefail", "-c", shell], capture_output=True, text=True, timeout=120)
    assert "Traceback" not in result.stderr, result.stderr
    assert result.returncode == 0


@pytest.mark.parametrize("target", ["blocked/report.html", "/proc/report.html"])
def test_a_report_into_an_unwritable_place_is_one_sentence(out, tmp_path, capsys, target):
    (tmp_path / "blocked").write_text("a file where a folder is expected")
    html = target if target.startswith("/") else str(tmp_path / target)
    assert main(["report", "--out", str(out), "--html", html]) == 2
    error = capsys.readouterr().err.strip()
    assert error.startswith(f"cityclips: cannot write the report to {html}") and "\n" not in error


def test_a_report_without_a_database_says_to_run_first(tmp_path, capsys):
    assert main(["report", "--out", str(tmp_path / "nothing")]) == 2
    assert "run 'cityclips run" in capsys.readouterr().err


def test_models_without_any_sql_model_is_an_error_not_zero_failed(out, tmp_path, monkeypatch, capsys):
    import shutil
    import cityclips.warehouse.models as models
    copy = tmp_path / "out"
    shutil.copytree(out, copy, symlinks=True)
    monkeypatch.setattr(models, "mart_files", lambda sql_dir=None: [])  # an install that lost sql/
    assert main(["models", "--out", str(copy)]) == 2
    error = capsys.readouterr().err
    assert "no SQL models found" in error and "reinstall cityclips" in error
    assert "0 failed" not in error
