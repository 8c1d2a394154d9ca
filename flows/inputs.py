"""Find input pages under files and folders, and read them (the only reading of inputs)."""
from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from transforms.records import InputFile, RawPage

FORMATS = {".txt": "text", ".html": "html", ".htm": "html"}


@dataclass(frozen=True)
class Unreadable:
    source_path: str
    detail: str


def _relative(path: Path, root: Path) -> str:
    return path.relative_to(root).as_posix()


def _walk(root: Path) -> Iterator[Path]:
    """Files under root, following symlinked folders once each (a symlink loop is not followed twice)."""
    seen: set[tuple[int, int]] = set()
    for folder, dirs, files in os.walk(root, followlinks=True):
        stat = os.stat(folder)
        key = (stat.st_dev, stat.st_ino)
        if key in seen:
            dirs[:] = []
            continue
        seen.add(key)
        dirs.sort()
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in sorted(files):
            yield Path(folder) / name


def discover(inputs: Iterable[Path]) -> tuple[list[InputFile], list[Unreadable]]:
    """Input files (.txt, .html, .htm) under the given files and folders, sorted by source path.

    A file given directly has its own name as source_path; files in a folder are relative to it.
    Files that cannot be stat'ed are returned as Unreadable so the run can record them.
    """
    found: dict[str, InputFile] = {}
    problems: list[Unreadable] = []
    for given in inputs:
        given = Path(given)
        if given.is_dir():
            root, candidates = given.resolve(), _walk(given.resolve())
        else:
            root, candidates = given.resolve().parent, [given.resolve()]
        for path in candidates:
            source_format = FORMATS.get(path.suffix.lower())
            if not source_format:
                continue
            try:
                rel = _relative(path, root)
            except ValueError:  # reached through a symlink that leaves the root
                rel = path.name
            try:
                stat = path.stat()
            except OSError as error:
                problems.append(Unreadable(rel, f"cannot read the file: {error.strerror}"))
                continue
            found.setdefault(rel, InputFile(str(path), rel, source_format, stat.st_size, stat.st_mtime_ns))
    return sorted(found.values(), key=lambda f: f.source_path), problems


def read_page(item: InputFile, max_bytes: int) -> RawPage | Unreadable:
    """Read one input file; files over max_bytes are read only up to max_bytes + 1 (to reject them)."""
    try:
        with open(item.path, "rb") as handle:
            data = handle.read(max_bytes + 1)
    except OSError as error:
        return Unreadable(item.source_path, f"cannot read the file: {error.strerror or error}")
    return RawPage(item.source_path, data, item.source_format, size=max(item.size, len(data)))
