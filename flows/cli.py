"""The `cityclips` command line: run, query, models, inspect, report, serve and server.

Every command's --help ends with an example; errors are one sentence and a non-zero exit status
(flows/failures.py lists them: 0 done, 1 data tests failed, 2 usage or refused, 3 I/O error, 4 bug).
"""
from __future__ import annotations

import argparse
import csv
import json
import os
import signal
import sys
import traceback
from datetime import datetime, timezone
from pathlib import Path

from cityclips import __version__
from cityclips.defaults import BATCH_PAGES, MAX_PAGE_MB
from cityclips.flows.failures import (EXIT_CODES, EXIT_DATA_TESTS, EXIT_INTERNAL, EXIT_IO, EXIT_OK, EXIT_USAGE,
                                      describe_io_failure, io_error_in)

DEFAULT_INPUT = "seeds"
DEFAULT_OUT = "data"


class UserError(Exception):
    """An error the user can fix; printed as one sentence without a traceback."""


class IOFailure(Exception):
    """The output could not be written (disk full, read-only, device error): one sentence, exit 3."""


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="cityclips", description="Bilingual city-government pages -> Parquet + DuckDB.",
                                     formatter_class=argparse.RawDescriptionHelpFormatter,
                                     epilog="example:\n  cityclips run seeds/ --out data\n"
                                            "  cityclips query \"select title, published_at from articles\"\n\n"
                                            "exit status:\n" + "\n".join(f"  {code}  {meaning}" for code, meaning
                                                                          in EXIT_CODES.items()))
    parser.add_argument("--version", action="version", version=f"cityclips {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def command(name: str, help_text: str, example: str) -> argparse.ArgumentParser:
        return sub.add_parser(name, help=help_text, description=help_text, epilog=f"example:\n  {example}",
                              formatter_class=argparse.RawDescriptionHelpFormatter)

    run = command("run", "Run the Prefect flow on text dumps (.txt), HTML pages (.html, .htm) and WARC archives "
                         "(.warc, .warc.gz).",
                  "cityclips run seeds/ more_pages/page.html crawl.warc.gz --out data")
    run.add_argument("inputs", nargs="*", help=f"files and/or folders, searched recursively (default: {DEFAULT_INPUT}/)")
    run.add_argument("--out", default=DEFAULT_OUT, help=f"output folder for tables and the database (default: {DEFAULT_OUT})")
    run.add_argument("--full", action="store_true", help="reprocess every page, even unchanged ones")
    run.add_argument("--batch-pages", type=int, default=BATCH_PAGES,
                     help=f"pages per batch at most (default: {BATCH_PAGES}; small runs on several processes are "
                          "cut finer so every worker gets work)")
    run.add_argument("--max-page-mb", type=float, default=MAX_PAGE_MB,
                     help=f"reject pages larger than this (default: {MAX_PAGE_MB:g})")
    run.add_argument("--engine", choices=("auto", "one-process", "processes", "dask-local"), default="auto",
                     help="where the batches run (default: auto = one process below 1,000 pages, a process pool "
                          "above)")
    run.add_argument("--workers", type=int, default=None,
                     help="worker processes for 'processes' and 'dask-local' (default: one per core; 1 = one process)")
    run.add_argument("--follow-links", action="store_true",
                     help="follow symlinks that lead outside the input folders (default: record them as rejects)")
    run.add_argument("--dask-address", default=None,
                     help="run the batches on an existing Dask cluster, e.g. tcp://10.0.0.5:8786")
    run.add_argument("--base-url", default=None,
                     help="URL of the input folders' root, for pages saved from one site: a file's URL is this "
                          "joined with its path when the page names none (canonical link, og:url), e.g. "
                          "https://www.gwangju.go.kr/")

    query = command("query", "Run SQL read-only against the DuckDB database and print the result.",
                    "cityclips query \"select title, published_at, view_count from articles\" --format csv")
    query.add_argument("sql", help="one SQL query (read-only)")
    query.add_argument("--out", default=DEFAULT_OUT, help=f"output folder of a run (default: {DEFAULT_OUT})")
    query.add_argument("--format", choices=("table", "csv", "json"), default="table", help="output format (default: table)")

    models = command("models", "Rebuild the DuckDB views from sql/ and run the data tests.", "cityclips models --out data")
    models.add_argument("--out", default=DEFAULT_OUT, help=f"output folder of a run (default: {DEFAULT_OUT})")

    inspect = command("inspect", "Show what the pipeline makes of one page: metadata, segments, removed lines.",
                      "cityclips inspect seeds/001_37b750b5778ba05a.txt --json")
    inspect.add_argument("file", help="a .txt or .html page")
    inspect.add_argument("--json", action="store_true", help="print JSON instead of text")
    inspect.add_argument("--siblings", type=int, default=500,
                         help="pages in the same folder used for template detection (default: 500; 0 = none)")
    serve = command("serve", "Serve the flow as a Prefect deployment on a cron schedule (needs a Prefect server).",
                    "cityclips server start && cityclips serve --cron \"0 6 * * *\" seeds/ --out data")
    serve.add_argument("inputs", nargs="*", help=f"files and/or folders (default: {DEFAULT_INPUT}/)")
    serve.add_argument("--cron", required=True, help="cron schedule, e.g. '0 6 * * *' for 06:00 every day")
    serve.add_argument("--out", default=DEFAULT_OUT, help=f"output folder (default: {DEFAULT_OUT})")
    serve.add_argument("--name", default="daily", help="deployment name (default: daily)")

    server = command("server", "Start, stop or check the local Prefect server that runs reuse (state in PREFECT_HOME).",
                     "cityclips server start --port 4300 && cityclips run seeds && cityclips server stop")
    server.add_argument("action", choices=("start", "stop", "status"),
                        help="start: in the background (or --foreground); stop; status: exit 0 when it answers")
    server.add_argument("--port", type=int, default=None,
                        help="port on 127.0.0.1 (default: 4200, or a free one when 4200 is taken)")
    server.add_argument("--foreground", action="store_true",
                        help="stay attached and stop the server on Ctrl-C (make server does this)")

    report = command("report", "Write a self-contained HTML report of the last runs (one file, no network).",
                     "cityclips report --out data --html data/report.html")
    report.add_argument("--out", default=DEFAULT_OUT, help=f"output folder of a run (default: {DEFAULT_OUT})")
    report.add_argument("--html", default=None, help="where to write the report (default: <out>/report.html)")
    return parser


def _cmd_serve(args: argparse.Namespace) -> int:
    from cityclips.flows.serve import serve_flow
    return serve_flow(args.inputs or [DEFAULT_INPUT], out=args.out, cron=args.cron, name=args.name)


def _cmd_server(args: argparse.Namespace) -> int:
    from cityclips.flows.server import ApiUnavailable, read_local_server, start_local_server, stop_local_server
    from cityclips.flows.settings import prefect_home
    home = prefect_home()
    if args.action == "status":
        api = read_local_server(Path(home))
        if api is None:
            print(f"no cityclips server answers for PREFECT_HOME={home}; start one with 'cityclips server start'")
            return 1
        print(f"cityclips server at {api.url} ({api.detail}); UI at {api.url.removesuffix('/api')}")
        return 0
    if args.action == "stop":
        stopped = stop_local_server(Path(home))
        print(f"stopped the cityclips server at {stopped.url} ({stopped.detail})" if stopped
              else f"no cityclips server was running for PREFECT_HOME={home}")
        return 0
    if read_local_server(Path(home)) is None:
        print(f"starting a Prefect server for PREFECT_HOME={home} ...", file=sys.stderr, flush=True)
    try:
        api = start_local_server(Path(home), port=args.port, foreground=args.foreground)
    except ApiUnavailable as error:
        raise UserError(str(error)) from error
    ui = api.url.removesuffix("/api")
    how = "already running" if api.process is None else f"ready in {api.start_seconds:.1f} s"
    print(f"cityclips server at {api.url} ({api.detail}, {how}); UI at {ui}; 'cityclips run' uses it; "
          "stop it with 'cityclips server stop'", flush=True)
    if args.foreground and api.process is not None:
        try:
            api.process.wait()
        finally:
            stop_local_server(Path(home))
    return 0


def _cmd_report(args: argparse.Namespace) -> int:
    from cityclips.flows.report import write_report
    from cityclips.warehouse.models import connect_read_only
    out = Path(args.out)
    try:
        connect_read_only(out).close()  # no database: say so before trying to write anything
    except FileNotFoundError as error:
        raise UserError(str(error)) from error
    target = Path(args.html) if args.html else out / "report.html"
    try:
        path = write_report(out, target)
    except OSError as error:
        reason = (error.strerror or type(error).__name__).lower()
        raise UserError(f"cannot write the report to {target} ({reason}): give a writable path with --html") from error
    print(f"wrote {path}")
    return 0


def _cmd_run(args: argparse.Namespace) -> int:
    requested_at = datetime.now(timezone.utc).isoformat()  # before Prefect starts: the run's wall time counts it
    inputs = [str(p) for p in (args.inputs or [DEFAULT_INPUT])]
    # The first line, before Prefect is imported (about 1-2 s): the user sees at once that it started.
    print(f"cityclips {__version__}: {', '.join(inputs)} -> {args.out}; starting Prefect ...", file=sys.stderr,
          flush=True)
    from cityclips.flows.settings import keep_pandas_out
    keep_pandas_out()  # this process is the command's own: pyarrow need not import pandas (0.4 s)
    from cityclips.flows.api import CannotRun, run
    from cityclips.flows.server import ApiUnavailable
    from cityclips.warehouse.lineage import ModelError
    from cityclips.warehouse.store import Warehouse, WarehouseBusy, WarehouseNotWritable
    current = Warehouse(Path(args.out)).current_dir()
    version_before = current.name if current else None
    try:
        summary = run(inputs, args.out, full=args.full, engine=args.engine, workers=args.workers,
                      dask_address=args.dask_address, base_url=args.base_url, follow_links=args.follow_links,
                      batch_pages=args.batch_pages, max_page_mb=args.max_page_mb, requested_at=requested_at,
                      on_api=lambda line: print(line, file=sys.stderr, flush=True))
    except (CannotRun, WarehouseBusy, WarehouseNotWritable, ApiUnavailable, ModelError) as error:
        raise UserError(str(error)) from error
    except Exception as error:
        io_error = io_error_in(error)
        if io_error is None:
            raise
        raise IOFailure(describe_io_failure(io_error, Path(args.out), version_before)) from error
    return EXIT_DATA_TESTS if summary.data_tests_failed else EXIT_OK


def _format_rows(columns: list[str], rows: list[tuple], fmt: str) -> str:
    if fmt == "json":
        return json.dumps([dict(zip(columns, row)) for row in rows], ensure_ascii=False, default=str, indent=1)
    if fmt == "csv":
        from io import StringIO
        buffer = StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows(["" if v is None else v for v in row] for row in rows)
        return buffer.getvalue().rstrip("\n")
    cells = [[("NULL" if v is None else str(v)).replace("\n", " ") for v in row] for row in rows]
    widths = [min(60, max([len(c)] + [_width(r[i]) for r in cells])) for i, c in enumerate(columns)]
    line = lambda values: " | ".join(_pad(v, w) for v, w in zip(values, widths))  # noqa: E731
    return "\n".join([line(columns), "-+-".join("-" * w for w in widths)] + [line(r) for r in cells]
                     + [f"({len(rows)} row{'s' if len(rows) != 1 else ''})"])


def _width(text: str) -> int:
    import unicodedata
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(text: str, width: int) -> str:
    if _width(text) > width:
        while _width(text) > width - 1:
            text = text[:-1]
        text += "…"
    return text + " " * (width - _width(text))


def _duckdb_message(error: Exception) -> str:
    """DuckDB's message with its hints ('Did you mean "articles"?', candidate columns, the caret line).

    The first line is the sentence; the hints follow, indented, so the caret still points at the word.
    """
    first, *hints = [line for line in str(error).strip().splitlines() if line.strip()]
    return "\n".join([first] + [f"  {line}" for line in hints])


def _cmd_query(args: argparse.Namespace) -> int:
    import duckdb

    from cityclips.warehouse.models import connect_read_only
    try:
        con = connect_read_only(Path(args.out))
    except FileNotFoundError as error:
        raise UserError(str(error)) from error
    _note_stale_database(con, Path(args.out))
    try:
        statements = con.extract_statements(args.sql)
        if len(statements) != 1:
            raise UserError(f"give exactly one query, not {len(statements)} statements")
        if statements[0].type != duckdb.StatementType.SELECT:
            raise UserError(f"only read queries are allowed here (got a {statements[0].type.name} statement)")
        result = con.execute(args.sql)
        columns = [d[0] for d in result.description]
        rows = result.fetchall()
    except duckdb.Error as error:
        raise UserError(f"query failed: {_duckdb_message(error)}") from error
    finally:
        con.close()
    print(_format_rows(columns, rows, args.format))
    return 0


def _note_stale_database(con, out: Path) -> None:
    """Say so when the database was built from older tables than the published ones (a failed build)."""
    from cityclips.warehouse.build_state import stamped_version
    from cityclips.warehouse.store import Warehouse
    current = Warehouse(out).current_dir()
    built = stamped_version(con)  # None: built before databases recorded their version (nothing to say)
    if current is not None and built is not None and built != current.name:
        print(f"cityclips: note: the database is older than the tables (its last build did not finish); the "
              f"next run rebuilds it, or run 'cityclips models --out {out}'", file=sys.stderr)


def _cmd_models(args: argparse.Namespace) -> int:
    from cityclips.warehouse.models import build_database
    if not Path(args.out).is_dir():
        raise UserError(f"no output folder {args.out}: run 'cityclips run --out {args.out}' first")
    from cityclips.warehouse.lineage import ModelError
    try:
        report = build_database(Path(args.out))
    except ModelError as error:
        raise UserError(str(error)) from error
    print(f"built {len(report.models)} models into {report.database}")
    for test in report.tests:
        print(f"  {'FAIL' if test.failing_rows else 'pass'}  {test.name}"
              + (f"  ({test.failing_rows} failing rows, e.g. {test.sample[:2]})" if test.failing_rows else ""))
    if report.failed:
        print(f"{len(report.failed)} data test(s) failed", file=sys.stderr)
        return EXIT_DATA_TESTS
    return EXIT_OK


def _cmd_inspect(args: argparse.Namespace) -> int:
    from cityclips.flows.inspect import inspect_file, render_text
    path = Path(args.file)
    if not path.is_file():
        raise UserError(f"no such file: {path}")
    report = inspect_file(path, siblings=args.siblings)
    print(json.dumps(report, ensure_ascii=False, indent=1, default=str) if args.json else render_text(report))
    return 0


COMMANDS = {"run": _cmd_run, "query": _cmd_query, "models": _cmd_models, "inspect": _cmd_inspect,
            "serve": _cmd_serve, "server": _cmd_server, "report": _cmd_report}
INTERRUPTED = {signal.SIGINT: 130, signal.SIGTERM: 143}  # 128 + the signal, as shells report it


class Stopped(KeyboardInterrupt):
    """SIGTERM, raised in the main thread so every `finally` runs: servers and workers are stopped."""

    signum = signal.SIGTERM


def _raise_stopped(signum, frame) -> None:
    raise Stopped()


def main(argv: list[str] | None = None) -> int:
    """Entry point of the `cityclips` command; returns the exit status."""
    if "prefect" not in sys.modules:  # a caller that imported Prefect already keeps its own settings
        from cityclips.flows.settings import apply_prefect_defaults
        apply_prefect_defaults()
    args = _parser().parse_args(argv)
    previous = signal.signal(signal.SIGTERM, _raise_stopped) if _main_thread() else None
    try:
        return COMMANDS[args.command](args)
    except UserError as error:
        print(f"cityclips: {error}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt as interrupt:
        signum = getattr(interrupt, "signum", signal.SIGINT)
        what = "Ctrl-C" if signum == signal.SIGINT else "SIGTERM"
        print(f"\ncityclips: stopped by {what}; published tables are never left half-written, and every server "
              "and worker this command started is stopped", file=sys.stderr, flush=True)
        return INTERRUPTED[signum]
    except BrokenPipeError:
        # `cityclips query ... | head`: the reader has what it wanted. Point stdout at /dev/null so
        # the interpreter's final flush does not raise again, and exit as if the output was read.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except IOFailure as error:
        print(f"cityclips: {error}", file=sys.stderr)
        return EXIT_IO
    except Exception as error:  # noqa: BLE001 - every failure ends in one line and a documented status
        io_error = io_error_in(error)
        if io_error is not None:
            print(f"cityclips: {args.command} failed: {io_error}; nothing was half-written, free space "
                  "(or fix the device) and run it again", file=sys.stderr)
            return EXIT_IO
        traceback.print_exc()
        print(f"cityclips: internal error ({type(error).__name__}: {str(error)[:200]}); this is a bug: please "
              "report it with the traceback above", file=sys.stderr)
        return EXIT_INTERNAL
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)


def console() -> None:
    """The `cityclips` console script: main(), then an exit that skips the interpreter's teardown.

    After a run, tearing down the interpreter (Prefect's modules, pydantic's models, the threads'
    state) took 0.5-1.6 s of a one-page run's wall time, with nothing left to do: every atexit
    handler (Prefect's log and event workers flush there) has run by then, because this one was
    registered first and atexit runs last-registered first. Output is flushed before the exit.
    Only the console script does this; main() called from Python returns as any function does.
    """
    import atexit

    status: list[int] = [EXIT_INTERNAL]

    def exit_now() -> None:
        import logging
        logging.shutdown()
        for stream in (sys.stdout, sys.stderr):
            try:
                stream.flush()
            except (OSError, ValueError):
                pass
        os._exit(status[0])

    atexit.register(exit_now)
    try:
        status[0] = main()
    except SystemExit as stop:  # --help, --version, argparse's usage errors: their status, as sys.exit gives it
        if isinstance(stop.code, str):
            print(stop.code, file=sys.stderr)
        status[0] = stop.code if isinstance(stop.code, int) else 0 if stop.code is None else 1
    sys.exit(status[0])


def _main_thread() -> bool:
    import threading
    return threading.current_thread() is threading.main_thread()


if __name__ == "__main__":
    sys.exit(main())
