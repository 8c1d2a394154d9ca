"""The README's `cityclips query` examples print what the README shows, on the five seed pages.

Each example is a `$ .venv/bin/cityclips query "..."` line in a code block followed by its output;
an output cut short with a line starting '...' is compared up to that line. A block that first runs
cityclips on other pages (a WARC crawl) is left out.
"""
from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.sql.test_real_database import build_seeds
from cityclips.flows.cli import main

COMMAND = re.compile(r"^\$ \.venv/bin/cityclips (query .*)$")


def readme_examples() -> list[tuple[list[str], list[str]]]:
    """(arguments, expected output lines) of every query example in README.md."""
    lines = (ROOT / "README.md").read_text(encoding="utf-8").splitlines()
    examples = []
    other_input = False  # a block that runs on other pages than the seeds ('cityclips run crawl.warc.gz')
    for i, line in enumerate(lines):
        if line.startswith("```"):
            other_input = False
        elif line.startswith("$ .venv/bin/cityclips run ") and not line.split()[2].startswith("seeds"):
            other_input = True
        found = COMMAND.match(line)
        if not found or other_input:
            continue
        output = []
        for following in lines[i + 1:]:
            if following.startswith("```") or following.startswith("..."):
                break
            output.append(following)
        examples.append((shlex.split(found.group(1)), output))
    return examples


EXAMPLES = readme_examples()


@pytest.fixture(scope="module")
def out(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("readme") / "data"
    build_seeds(folder)
    return folder


def test_the_readme_has_query_examples():
    assert len(EXAMPLES) >= 4
    assert any("where speaker = 'Lee Yong-sup'" in " ".join(arguments) for arguments, _ in EXAMPLES)


@pytest.mark.parametrize(("arguments", "expected"), EXAMPLES, ids=[f"example{i}" for i in range(len(EXAMPLES))])
def test_readme_query_prints_what_the_readme_shows(out, capsys, arguments, expected):
    assert main([*arguments, "--out", str(out)]) == 0
    printed = capsys.readouterr().out.rstrip("\n").splitlines()
    assert [line.rstrip() for line in printed[:len(expected)]] == [line.rstrip() for line in expected]
