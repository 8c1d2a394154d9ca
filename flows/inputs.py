"""Find input pages under files and folders, and read them (the only reading of inputs)."""
from __future__ import annotations

import os
import stat as stat_mode
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from cityclips.transforms.paths import path_text
from cityclips.transforms.records import InputFile, RawPage

FORMATS = {".txt": "text", ".html": "html", ".htm": "html"}


@dataclass(frozen=True)
class Unreadable:
    source_path: str
    detail: str
    reason: str = "unreadable"  # the rejects reason: outside_inputs (a symlink out of the input folders, not
    # followed); WARC records add warc_malformed, not_a_page, redirect ...


@dataclass(frozen=True)
class _Root:
    """One input as given: the folder it names (or a file's folder) and the files to consider."""

    folder: str  # real path (symlinks resolved)
    file: str | None = None  # the one file given, else None: walk the folder


def _inside(path: str, folders: Iterable[str]) -> bool:
    return any(path == folder or path.startswith(folder.rstrip(os.sep) + os.sep) for folder in folders)


def _walk(root: str, folders: tuple[str, ...], follow_links: bool, problems: list[tuple[str, str]]) -> Iterator[str]:
    """Files under root (hidden folders skipped), each folder listed once, in a stable order.

    The real tree is walked first without following symlinks; then each symlinked folder is
    followed, unless its target was already listed. So a file keeps its real path when a symlink
    elsewhere points at its folder, and a symlink loop ends at once instead of repeating files.
    A symlinked folder whose target is outside every input folder is not followed (unless
    follow_links): it is reported in problems as (path, target).
    """
    seen: set[tuple[int, int]] = set()
    linked: list[str] = []

    def walk(top: str, follow: bool) -> Iterator[str]:
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
            links = [d for d in dirs if os.path.islink(os.path.join(folder, d))]
            if not follow:
                linked.extend(os.path.join(folder, d) for d in links)
            elif not follow_links:  # os.walk would follow these: keep the ones that stay inside
                for d in links:
                    if not _inside(os.path.realpath(os.path.join(folder, d)), folders):
                        problems.append((os.path.join(folder, d), os.path.realpath(os.path.join(folder, d))))
                        dirs.remove(d)
            for name in sorted(files):
                yield os.path.join(folder, name)

    yield from walk(root, follow=False)
    for link in linked:
        target = os.path.realpath(link)
        if follow_links or _inside(target, folders):
            yield from walk(link, follow=True)
        else:
            problems.append((link, target))


def _roots(inputs: Iterable[Path]) -> list[_Root]:
    roots: list[_Root] = []
    for given in inputs:
        given = os.fspath(given)
        if os.path.isdir(given):
            root = _Root(os.path.realpath(given))
        else:  # a file named on the command line is read even through a symlink: the user named it
            root = _Root(os.path.realpath(os.path.dirname(os.path.abspath(given))), os.path.basename(given))
        if root not in roots:
            roots.append(root)
    return roots


def input_base(inputs: Iterable[Path]) -> str:
    """The folder source paths are relative to: the input folder, or the deepest folder holding all inputs.

    One folder given: that folder, so source paths are as they always were. Several: their common
    parent, so `run siteA siteB` names pages 'siteA/page.txt' and 'siteB/page.txt', as a run on the
    parent folder would.
    """
    folders = [root.folder for root in _roots(inputs)]
    return os.path.commonpath(folders) if folders else os.getcwd()


def discover(inputs: Iterable[Path], follow_links: bool = False) -> tuple[list[InputFile], list[Unreadable]]:
    """Input files (.txt, .html, .htm) and the pages of WARC files (.warc, .warc.gz) under the given
    files and folders, sorted by source path.

    source_path is relative to input_base(inputs) and stored as path_text (any bytes a file name can
    hold, kept exactly). Files that cannot be stat'ed (a broken symlink), names that are not regular
    files (a named pipe called page.txt, which would block a read forever), and symlinks leading out
    of every input folder (not followed unless follow_links) are returned as Unreadable so the run
    can record them.
    """
    from cityclips.flows.warc import index_warc, is_warc  # warc.py imports Unreadable from this module
    roots = _roots(inputs)
    if not roots:
        return [], []
    base = os.path.commonpath([root.folder for root in roots])
    folders = tuple(root.folder for root in roots if root.file is None)
    found: dict[str, InputFile] = {}
    problems: list[Unreadable] = []
    links_out: list[tuple[str, str]] = []

    def source_path(path: str) -> str:
        return path_text(Path(os.path.relpath(path, base)).as_posix())

    for root in roots:
        candidates = [os.path.join(root.folder, root.file)] if root.file else \
            _walk(root.folder, folders, follow_links, links_out)
        for path in candidates:
            source_format = FORMATS.get(os.path.splitext(path)[1].lower())
            archive = is_warc(Path(path))
            if not source_format and not archive:
                continue
            rel = source_path(path)
            if root.file is None and not follow_links and os.path.islink(path):
                target = os.path.realpath(path)
                if not _inside(target, folders):
                    links_out.append((path, target))
                    continue
            try:
                stat = os.stat(path)
            except OSError as error:
                problems.append(Unreadable(rel, f"cannot read the file: {error.strerror}"))
                continue
            if archive and stat_mode.S_ISREG(stat.st_mode):  # many pages in one file (flows/warc.py)
                records, bad = index_warc(Path(path), rel)
                problems.extend(bad)
                for record in records:
                    found.setdefault(record.source_path, record)
                continue
            if not stat_mode.S_ISREG(stat.st_mode):
                problems.append(Unreadable(rel, "not a regular file (a pipe, socket or device)"))
                continue
            found.setdefault(rel, InputFile(path, rel, source_format, stat.st_size, stat.st_mtime_ns))
    for link, target in links_out:
        problems.append(Unreadable(source_path(link), f"a symlink to {path_text(target)}, outside the input folders: "
                                   "not followed (--follow-links follows it)", "outside_inputs"))
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
