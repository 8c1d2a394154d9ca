"""cityclips: bilingual (Korean/English) city-government pages -> Parquet tables -> DuckDB models.

The installed package maps the repository's top-level folders under one name:
``cityclips.transforms`` (transforms/), ``cityclips.warehouse`` (warehouse/), ``cityclips.flows``
(flows/) and ``cityclips.sql`` (sql/, the SQL models read at run time).

The public Python API is small:

>>> import cityclips
>>> cityclips.__version__ != ""
True

``cityclips.run(inputs, out)`` makes the run `cityclips run` makes and returns its summary;
``cityclips.connect(out)`` opens the database a run built, read-only (see README.md).
"""
from __future__ import annotations

from importlib import metadata
from pathlib import Path

try:
    __version__ = metadata.version("cityclips")
except metadata.PackageNotFoundError:  # a source tree that was never installed
    __version__ = "0+unknown"

from cityclips.flows.api import CannotRun, run  # noqa: E402 - after __version__, which the flows read

__all__ = ["__version__", "CannotRun", "connect", "run"]


def connect(out: str | Path = "data"):
    """A read-only DuckDB connection to ``<out>/cityclips.duckdb``, the database `cityclips run` built.

    Raises FileNotFoundError when no run has built it yet. Close it when done (or use ``with``).
    """
    from cityclips.warehouse.models import connect_read_only
    return connect_read_only(Path(out))
