"""The code fingerprint: which cityclips made a page's rows, so a re-run knows rows made by other code.

A page's rows depend on its bytes and on the code and options that extracted them. The manifest
records the bytes (size, modification time, sha256) and, per page, this fingerprint:

    0.1.0:3f2a9c1b7d0e4a55
    |     sha256 (first 16 hex) of the extraction code's source files, the versions of the libraries
    |     it parses and detects with, and the extraction options
    cityclips' version

A run whose fingerprint differs from a page's re-extracts that page (warehouse/incremental.py
plan_run), so an upgrade, an edited rule or another --max-page-mb never leaves rows of the old code
beside rows of the new. The version alone would not do: an editable install or a branch changes
the rules without changing it. Any edit to a file below counts, a comment too (hashing bytes costs
about a millisecond; the safe side is one re-extraction too many, never a stale row kept).
"""
from __future__ import annotations

import dataclasses
import functools
import hashlib
import importlib.util
import json
from importlib import metadata
from pathlib import Path

from cityclips import __version__
from cityclips.transforms.pipeline import PageSettings

# Every module of these packages decides what a page's rows say: the pure pipeline.
EXTRACTION_PACKAGES = ("cityclips.transforms",)
# And these modules, outside it, that shape the rows too:
EXTRACTION_MODULES = (
    "cityclips.flows.inputs",         # reading a page: what is unreadable or too large, source_path
    "cityclips.flows.warc",           # WARC records as pages: URL, fetch time, status, redirects
    "cityclips.flows.batches",        # the pipeline per batch: duplicate groups and seen times on documents
    "cityclips.warehouse.incremental",  # the corpus pass: duplicate groups and template lines (Arrow)
    "cityclips.warehouse.rows",       # records as table rows
    "cityclips.warehouse.schemas",    # the columns: a new one is filled by re-extraction, not left null
)
# The libraries whose answers are part of the rows (parsing, decoding, language models), by version:
EXTRACTION_LIBRARIES = ("lxml", "charset-normalizer", "beautifulsoup4", "py3langid", "langdetect", "warcio", "numpy")
DIGEST_CHARS = 16  # 64 bits: two different codes never meet by chance in one warehouse's history
SEPARATOR = ":"  # between version and digest; a version may hold '+' (PEP 440 local versions)


def _origin(module: str) -> Path:
    spec = importlib.util.find_spec(module)
    if spec is None or spec.origin is None:
        raise ImportError(f"cannot find the source of {module}")
    return Path(spec.origin)


def source_files() -> list[tuple[str, Path]]:
    """The extraction code's source files as (name that does not depend on where it is installed, path)."""
    files = []
    for package in EXTRACTION_PACKAGES:
        folder = _origin(package).parent
        files += [(f"{package}/{path.name}", path) for path in sorted(folder.glob("*.py"))]
    files += [(module, _origin(module)) for module in EXTRACTION_MODULES]
    return files


def library_versions() -> dict[str, str]:
    """The installed versions of EXTRACTION_LIBRARIES ('' for one not installed)."""
    versions = {}
    for name in EXTRACTION_LIBRARIES:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = ""
    return versions


@functools.cache
def source_digest() -> str:
    """sha256 of the extraction code's source files (names and bytes) and of the libraries' versions,
    read once per process."""
    digest = hashlib.sha256(json.dumps(library_versions(), sort_keys=True).encode())
    for name, path in source_files():
        data = path.read_bytes()
        digest.update(f"{name}\0{len(data)}\0".encode())
        digest.update(data)
    return digest.hexdigest()


def options_text(settings: PageSettings) -> str:
    """The extraction options as canonical JSON (every field of PageSettings: bounds, base URL)."""
    return json.dumps(dataclasses.asdict(settings), sort_keys=True, default=str)


def code_fingerprint(settings: PageSettings, version: str = __version__) -> str:
    """The fingerprint of this code extracting with settings: 'version:16 hex'."""
    digest = hashlib.sha256(f"{source_digest()}\0{options_text(settings)}".encode()).hexdigest()
    return f"{version}{SEPARATOR}{digest[:DIGEST_CHARS]}"
