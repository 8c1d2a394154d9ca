"""cityclips: bilingual (Korean/English) city-government pages -> Parquet tables -> DuckDB models.

The installed package maps the repository's top-level folders under one name:
``cityclips.transforms`` (transforms/), ``cityclips.warehouse`` (warehouse/), ``cityclips.flows``
(flows/) and ``cityclips.sql`` (sql/, the SQL models read at run time).
"""
from __future__ import annotations

from importlib import metadata

try:
    __version__ = metadata.version("cityclips")
except metadata.PackageNotFoundError:  # a source tree that was never installed
    __version__ = "0+unknown"

__all__ = ["__version__"]
