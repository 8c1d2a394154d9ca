"""`cityclips inspect FILE`: what the pipeline makes of one page, for a person debugging it."""
from __future__ import annotations

from dataclasses import asdict
from pathlib import Path

from cityclips.flows.inputs import FORMATS, Unreadable, read_page
from cityclips.transforms.pipeline import PageSettings, corpus_templates, process_page
from cityclips.transforms.records import InputFile, Reject


def _input(path: Path) -> InputFile:
    stat = path.stat()
    return InputFile(str(path.resolve()), path.name, FORMATS.get(path.suffix.lower(), "text"), stat.st_size,
                     stat.st_mtime_ns)


def inspect_file(path: Path, siblings: int = 500) -> dict:
    """Process one page (templates counted over up to `siblings` pages in its folder) into a dict."""
    settings = PageSettings()
    item = _input(path)
    raw = read_page(item, settings.max_page_bytes)
    if isinstance(raw, Unreadable):
        return {"source_path": item.source_path, "rejected": "unreadable", "detail": raw.detail}
    neighbours = sorted(p for p in path.parent.iterdir() if p.suffix.lower() in FORMATS and p.is_file())[:siblings]
    pages = (read_page(_input(n), settings.max_page_bytes) for n in (neighbours if siblings else [path]))
    templates = corpus_templates(p for p in pages if not isinstance(p, Unreadable))
    result = process_page(raw, templates, settings=settings)
    if isinstance(result, Reject):
        return {"source_path": result.source_path, "rejected": result.reason, "detail": result.detail}
    meta = asdict(result.metadata)
    return {
        "source_path": result.source_path, "doc_id": result.doc_id, "format": result.source_format,
        "encoding": result.encoding, "language": result.language, "language_shares": result.language_shares,
        "metadata": meta, "segments": [asdict(s) for s in result.segments], "quotes": [asdict(q) for q in result.quotes],
        "removed": [asdict(r) for r in result.removed], "templates_from_pages": len(neighbours) if siblings else 1,
    }


def render_text(report: dict) -> str:
    """A readable rendering of inspect_file's result."""
    if "rejected" in report:
        return f"{report['source_path']}: REJECTED ({report['rejected']}): {report['detail']}"
    meta = report["metadata"]
    lines = [f"== {report['source_path']}  ({report['format']}, {report['encoding']}, language {report['language']} "
             f"{ {k: round(v, 3) for k, v in report['language_shares'].items()} })", ""]
    for key, value in meta.items():  # every Metadata field, so a new one shows without an edit here
        if key != "attachments":
            lines.append(f"{key:>19}: {value}")
    for a in meta["attachments"]:
        lines.append(f"{'attachment':>19}: {a['ordinal']}. {a['name']} ({a['size_bytes']} bytes, {a['downloads']} downloads)")
    lines += ["", "-- segments (seq kind depth marker [parent] {heading} lang: text)"]
    for s in report["segments"]:
        indent = "  " * s["depth"]
        extra = f" [{s['parent_seq']}]" if s["parent_seq"] is not None else ""
        ordinal = f" #{s['ordinal']}" if s["ordinal"] else ""
        text = s["text"] if len(s["text"]) <= 110 else s["text"][:107] + "..."
        lines.append(f"{s['seq']:>3} {s['kind']:<9} {indent}{s['marker'] or ''}{extra}{ordinal} "
                     f"{{{s['heading_seq']}}} {s['language']}: {text}")
    if report["quotes"]:
        lines += ["", "-- quotes"]
        lines += [f"  [{q['seq']}] {q['speaker']} (as written: {q['speaker_as_written']}): {q['text'][:100]}"
                  for q in report["quotes"]]
    lines += ["", f"-- removed lines ({len(report['removed'])}, rule: text)"]
    lines += [f"  {r['line_no']:>4} {r['rule']:<16} {r['text'][:100]}" for r in report["removed"]]
    return "\n".join(lines)
