"""Find input pages under files and folders, and read them (the only reading of inputs)."""
from __future__ import annotations

import os
import stat as stat_mode
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from cityclips.transforms.records import InputFile, RawPage

FORMATS = {".txt": "text", ".html": "html", ".htm": "html"}


@dataclass(frozen=True)
class Unreadable:
    source_path: str
    detail: str
    reason: str = "unreadable"  # the rejects reason; WARC records add warc_malformed, not_a_page, redirect ...


def _relative(path: Path, root: Path) -> str:
    return path.relative_to(root).as_posix()


def _walk(root: Path) -> Iterator[Path]:
    """Files under root (hidden folders skipped), each folder listed once, in a stable order.

    The real tree is walked first without following symlinks; then each symlinked folder is
    followed, unless its target was already listed. So a file keeps its real path when a symlink
    elsewhere points at its folder, and a symlink loop ends at once instead of repeating files.
    """
    seen: set[tuple[int, int]] = set()
    linked: list[Path] = []

    def walk(top: Path, follow: bool) -> Iterator[Path]:
        for folder, dirs, files in os.walk(top, followlinks=follow):
            try:
                stat = os.stat(folder)
            except OSError:  # a folder that vanished or cannot be entered: nothing to list
                dirs[:] = []
                continue
            key = (stat.st_dev, stat.st_ino)
            if key in seen:
                dirs[:] = []
                continue
            seen.add(key)
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            if not follow:
                linked.extend(Path(folder) / d for d in dirs if os.path.islink(os.path.join(folder, d)))
            for name in sorted(files):
                yield Path(folder) / name

    yield from walk(root, follow=False)
    for link in linked:
        yield from walk(link, follow=True)


def discover(inputs: Iterable[Path]) -> tuple[list[InputFile], list[Unreadable]]:
    """Input files (.txt, .html, .htm) and the pages of WARC files (.warc, .warc.gz) under the given
    files and folders, sorted by source path.

    A file given directly has its own name as source_path; files in a folder are relative to it.
    Files that cannot be stat'ed (a broken symlink) and names that are not regular files (a named
    pipe called page.txt, which would block a read forever) are returned as Unreadable so the run
    can record them.
    """
    from cityclips.flows.warc import index_warc, is_warc  # warc.py imports Unreadable from this module
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
            archive = is_warc(path)
            if not source_format and not archive:
                continue
            try:
                rel = _relative(path, root)
            except ValueError:  # reached through a symlink that leaves the root
                rel = path.name
            if archive:  # a WARC file holds many pages: each response record is one (flows/warc.py)
                records, bad = index_warc(path, rel)
                problems.extend(bad)
                for record in records:
                    found.setdefault(record.source_path, record)
                continue
            try:
                stat = path.stat()
            except OSError as error:
                problems.append(Unreadable(rel, f"cannot read the file: {error.strerror}"))
                continue
            if not stat_mode.S_ISREG(stat.st_mode):
                problems.append(Unreadable(rel, "not a regular file (a pipe, socket or device)"))
                continue
            found.setdefault(rel, InputFile(str(path), rel, source_format, stat.st_size, stat.st_mtime_ns))
    return sorted(found.values(), key=lambda f: f.source_path), problems


def read_page(item: InputFile, max_bytes: int) -> RawPage | Unreadable:
    """Read one input file, never more than max_bytes + 1 bytes.

    A file already over the limit when opened is not read at all: the RawPage carries its size and
    no bytes, and the pipeline rejects it as too_large. A file that grew past the limit after that
    check is cut at max_bytes + 1, which is enough to reject it too. A page inside a WARC file is
    read from its record (flows/warc.py).
    """
    if item.warc_offset >= 0:
        from cityclips.flows.warc import read_warc_record
        return read_warc_record(item, max_bytes)
    try:
        # O_NONBLOCK: a file replaced by a named pipe since discovery must not block the run.
        with open(os.open(item.path, os.O_RDONLY | os.O_NONBLOCK), "rb") as handle:
            status = os.fstat(handle.fileno())
            if not stat_mode.S_ISREG(status.st_mode):
                return Unreadable(item.source_path, "not a regular file (a pipe, socket or device)")
            size = status.st_size
            data = b"" if size > max_bytes else handle.read(max_bytes + 1)
    except OSError as error:
        return Unreadable(item.source_path, f"cannot read the file: {error.strerror or error}")
    return RawPage(item.source_path, data, item.source_format, size=max(size, len(data)))
