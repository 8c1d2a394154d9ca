"""What `cityclips report` shows, read from the marts of <out>/cityclips.duckdb in one go.

Only marts are read (runs, run_stages, articles, monthly_activity, attachment_types,
boilerplate_by_rule, rejects): the report shows what an analyst's query would, and draws nothing
(flows/report.py renders ReportData).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import duckdb

MAX_MONTH_BUCKETS = 60  # beyond five years of months the columns get too thin (<16 px): bucket by year
SLOWEST_PAGES = 10
LATEST_DOCUMENTS = 15
RECENT_RUNS = 10
REJECT_ROWS = 20


@dataclass
class ReportData:
    """Everything the report shows."""

    database: Path
    documents: int = 0
    last_run: dict | None = None  # a row of the runs mart
    stages: list[tuple[str, float]] = field(default_factory=list)  # the last run's stages, in flow order
    runs: list[dict] = field(default_factory=list)  # recent runs, newest first
    per_bucket: list[tuple[str, str, int]] = field(default_factory=list)  # (month or year, language, documents)
    undated: int = 0
    by_language: list[tuple[str, int]] = field(default_factory=list)
    mean_shares: dict[str, float] = field(default_factory=dict)
    attachments: list[tuple[str, int, int]] = field(default_factory=list)  # (extension, files, bytes)
    removed_by_rule: list[tuple[str, int]] = field(default_factory=list)
    rejects_by_reason: list[tuple[str, int]] = field(default_factory=list)
    reject_meanings: dict[str, str] = field(default_factory=dict)
    rejects: list[tuple[str, str, str]] = field(default_factory=list)  # (source_path, reason, detail)
    slowest: list[tuple[float, str, str]] = field(default_factory=list)  # (ms, source_path, title)
    latest: list[tuple] = field(default_factory=list)


def _rows(con: duckdb.DuckDBPyConnection, sql: str, parameters: list | None = None) -> list[tuple]:
    return con.execute(sql, parameters or []).fetchall()


def _dicts(con: duckdb.DuckDBPyConnection, sql: str) -> list[dict]:
    result = con.execute(sql)
    columns = [d[0] for d in result.description]
    return [dict(zip(columns, row)) for row in result.fetchall()]


def bucket_pattern(first: date | None, last: date | None) -> str:
    """strftime pattern of the monthly chart's columns: months, or years past MAX_MONTH_BUCKETS months.

    >>> bucket_pattern(date(2019, 7, 1), date(2020, 1, 1)), bucket_pattern(date(2001, 1, 1), date(2020, 1, 1))
    ('%Y-%m', '%Y')
    """
    if first is None or last is None:
        return "%Y-%m"
    months = (last.year - first.year) * 12 + last.month - first.month + 1
    return "%Y-%m" if months <= MAX_MONTH_BUCKETS else "%Y"


def _month_buckets(con: duckdb.DuckDBPyConnection) -> list[tuple[str, str, int]]:
    first, last = _rows(con, "select min(month), max(month) from monthly_activity")[0]
    return _rows(con, """select strftime(month, ?) as bucket, language, sum(n_documents)::bigint
                         from monthly_activity group by all order by bucket, language""",
                 [bucket_pattern(first, last)])


def read_report_data(con: duckdb.DuckDBPyConnection, database: Path) -> ReportData:
    """Query the marts for every section of the report."""
    data = ReportData(database)
    data.documents = _rows(con, "select count(*) from articles")[0][0]
    data.runs = _dicts(con, f"select * from runs order by started_at desc limit {RECENT_RUNS}")
    data.last_run = data.runs[0] if data.runs else None
    if data.last_run:
        data.stages = _rows(con, "select stage, seconds from run_stages where run_id = ? order by position, stage",
                            [data.last_run["run_id"]])
    data.per_bucket = _month_buckets(con)
    data.undated = _rows(con, "select count(*) from articles where published_at is null")[0][0]
    data.by_language = _rows(con, "select language, count(*) as n from articles group by language "
                                  "order by n desc, language")
    shares = _rows(con, "select avg(ko_share), avg(en_share), avg(other_share) from articles")[0]
    data.mean_shares = {"ko": shares[0] or 0.0, "en": shares[1] or 0.0, "other": shares[2] or 0.0}
    data.attachments = _rows(con, "select coalesce(nullif(extension, ''), '(none)') as ext, sum(n_attachments) as n, "
                                  "sum(total_bytes) from attachment_types group by ext order by n desc, ext")
    data.removed_by_rule = _rows(con, "select rule, n_lines from boilerplate_by_rule order by n_lines desc, rule")
    data.rejects_by_reason = _rows(con, "select reason, count(*) as n from rejects group by reason "
                                        "order by n desc, reason")
    data.reject_meanings = dict(_rows(con, "select distinct reason, meaning from rejects where meaning is not null"))
    data.rejects = _rows(con, f"select source_path, reason, detail from rejects order by reason, source_path "
                              f"limit {REJECT_ROWS}")
    data.slowest = _rows(con, f"select parse_ms, source_path, title from articles "
                              f"order by parse_ms desc, source_path limit {SLOWEST_PAGES}")
    data.latest = _rows(con, f"select published_at, language, category, title, source_path from articles "
                             f"order by published_at desc nulls last, source_path limit {LATEST_DOCUMENTS}")
    return data
