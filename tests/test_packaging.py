"""cityclips as a library users install: a wheel built from this tree, installed outside it, runs the seeds.

The wheel goes into a fresh virtual environment outside the repository; its third-party
dependencies come from this test run's environment (a .pth file); only the build backend
(setuptools, in pip's isolated build) comes from the package index.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

from tests.conftest import ROOT, SEEDS

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("wheel")
    build = tmp_path_factory.mktemp("build")
    # build from a copy: setuptools writes build/ and *.egg-info beside the sources
    source = build / "src"
    skipped_top = {".venv", ".git", "data", ".prefect", "build", "bench", "eval", "tests"}
    shutil.copytree(ROOT, source, ignore=lambda folder, names: [
        n for n in names if (Path(folder) == ROOT and n in skipped_top)
        or n.endswith(".egg-info") or n in ("__pycache__", ".pytest_cache", ".hypothesis")])
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w",
                    str(folder), str(source)], check=True, capture_output=True, timeout=300)
    return next(folder.glob("cityclips-*.whl"))


@pytest.fixture(scope="module")
def venv(tmp_path_factory, wheel) -> Path:
    env = tmp_path_factory.mktemp("venv") / "env"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(env)], check=True, timeout=120)
    site = Path(subprocess.run([str(env / "bin" / "python"), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                               check=True, capture_output=True, text=True).stdout.strip())
    # third-party packages from this environment; not cityclips itself (it is an editable install here,
    # whose finder lives in a .pth file that a plain path entry does not run)
    (site / "deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    subprocess.run([sys.executable, "-m", "pip", "--python", str(env / "bin" / "python"), "install", "--no-deps", "-q",
                    str(wheel)], check=True, capture_output=True, timeout=300)
    return env


def _run(venv: Path, cwd: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PREFECT_HOME": str(cwd / ".prefect")}
    return subprocess.run([str(venv / "bin" / "cityclips"), *args], cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=900)


def test_the_wheel_installs_one_top_level_name_and_carries_the_sql_models(wheel):
    names = zipfile.ZipFile(wheel).namelist()
    top = {n.split("/")[0] for n in names if not n.split("/")[0].endswith((".dist-info", ".data"))}
    assert top == {"cityclips"}
    sql = [n for n in names if n.startswith("cityclips/sql/") and n.endswith(".sql")]
    # the staging views are generated from warehouse/schemas.py: marts and data tests are the files
    assert {"cityclips/sql/marts/articles.sql", "cityclips/sql/tests/segments_seq_contiguous.sql"} <= set(sql)
    assert len(sql) == len(list((ROOT / "sql").rglob("*.sql")))


def test_the_installed_package_runs_the_seeds_end_to_end_outside_the_repository(venv, tmp_path):
    pages = tmp_path / "pages"
    shutil.copytree(SEEDS, pages)
    version = _run(venv, tmp_path, "--version")
    assert version.returncode == 0 and version.stdout.startswith("cityclips ")
    run = _run(venv, tmp_path, "run", "pages", "--out", "out")
    assert run.returncode == 0, run.stderr[-2000:]
    models = _run(venv, tmp_path, "models", "--out", "out")
    assert models.returncode == 0, models.stderr[-2000:]
    assert "built 0 models" not in models.stdout
    query = _run(venv, tmp_path, "query", "select count(*) as n from articles", "--out", "out", "--format", "csv")
    assert query.returncode == 0, query.stderr
    assert query.stdout.split() == ["n", "5"]
    where = subprocess.run([str(venv / "bin" / "python"), "-c",
                            "import cityclips.transforms, cityclips; print(cityclips.transforms.__file__); "
                            "print(cityclips.connect('out').execute('select count(*) from quotes').fetchone()[0])"],
                           cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert where.returncode == 0, where.stderr
    location, quotes = where.stdout.split()
    assert str(venv) in location and str(ROOT) not in location
    assert int(quotes) > 0
