"""What each SQL model reads, read from its own text, and the order that builds every model once.

A mart's dependencies are the relations after its `from` and `join` keywords, less its own CTEs
and the table functions it calls; `raw.<table>` names a loaded table. The marts are then created
in dependency order, and a model that reads something no model creates fails with a sentence that
names both, before anything is built.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

_COMMENT_OR_STRING = re.compile(r"--[^\n]*|'(?:[^']|'')*'|\"(?:[^\"]|\"\")*\"")
_TOKEN = re.compile(r"[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)?|[()]")
_CTE = re.compile(r"(?:\bwith(?:\s+recursive)?|,)\s*([A-Za-z_]\w*)\s+as\s*(?:materialized\s*)?\(", re.IGNORECASE)
_CREATES = re.compile(r"create\s+(?:or\s+replace\s+)?view\s+([A-Za-z_]\w*)", re.IGNORECASE)
_MATERIALIZED = re.compile(r"^--\s*Materialized:\s*table\b", re.IGNORECASE | re.MULTILINE)
# Words before '(' that open a subquery or a list, not a function call ('from extract(month from x)').
_NOT_FUNCTIONS = frozenset({"as", "in", "exists", "from", "join", "select", "union", "all", "any", "some",
                            "lateral", "on", "and", "or", "not", "where", "with", "recursive", "having",
                            "intersect", "except", "by", "materialized"})
_REFERENCE_KEYWORDS = frozenset({"from", "join"})


class ModelError(RuntimeError):
    """A model reads a relation that no model creates, or the models depend on each other in a cycle."""


def header_comment(sql: str) -> str:
    """The comment lines at the top of a .sql file, without their '--', one line each.

    >>> header_comment("-- articles: one row per document.\\n-- Grain: ...\\ncreate view articles as ...")
    'articles: one row per document.\\nGrain: ...'
    """
    lines = []
    for line in sql.splitlines():
        if not line.startswith("--"):
            break
        lines.append(line[2:].strip())
    return "\n".join(lines)


def _code(sql: str) -> str:
    """The SQL without comments and string literals (a '--' or a 'from' inside a string is text)."""
    return _COMMENT_OR_STRING.sub(" ", sql)


def created_view(sql: str) -> str | None:
    found = _CREATES.search(_code(sql))
    return found.group(1) if found else None


def references(sql: str) -> set[str]:
    """Relations a model reads: names after from/join, less its CTEs, table functions and itself.

    >>> sorted(references('''create or replace view quotes as
    ... with segments as (select doc_id, extract(month from published_at) as m from stg_segments)
    ... select * from stg_quotes as q left join segments as s using (doc_id) join raw.runs using (run_id)'''))
    ['raw.runs', 'stg_quotes', 'stg_segments']
    """
    code = _code(sql)
    ctes = {name.lower() for name in _CTE.findall(code)}
    tokens = _TOKEN.findall(code)
    found: set[str] = set()
    opened: list[bool] = []  # per open parenthesis: is it a function call's?
    for i, token in enumerate(tokens):
        if token == "(":
            before = tokens[i - 1].lower() if i else ""
            opened.append(bool(before) and before not in "()" and before not in _NOT_FUNCTIONS)
        elif token == ")":
            if opened:
                opened.pop()
        elif token.lower() in _REFERENCE_KEYWORDS and not (opened and opened[-1]) and i + 1 < len(tokens):
            name = tokens[i + 1]
            following = tokens[i + 2] if i + 2 < len(tokens) else ""
            if name not in "()" and following != "(" and name.lower() not in _NOT_FUNCTIONS:
                found.add(name.lower())
    return found - ctes - {(created_view(sql) or "").lower()}


def is_materialized(sql: str) -> bool:
    """True when a model's header says '-- Materialized: table.' (a table computed at build time, not a view)."""
    header = "\n".join("-- " + line for line in header_comment(sql).splitlines())
    return bool(_MATERIALIZED.search(header))


def materialized_sql(sql: str) -> str:
    """The statement that creates a model: its view, or a table when its header says '-- Materialized: table.'

    A table is computed once per build, for a mart that is costly and read by others (speakers:
    quotes and people join it). Every build that changed a table it reads re-creates it
    (warehouse/affected.py), so it is never stale.

    >>> materialized_sql("-- m\\n-- Materialized: table.\\ncreate or replace view m as select 1").splitlines()[-1]
    'create or replace table m as select 1'
    """
    if not is_materialized(sql):
        return sql
    return _CREATES.sub(lambda found: f"create or replace table {found.group(1)}", sql, count=1)


@dataclass(frozen=True)
class Model:
    name: str
    sql: str
    depends_on: frozenset[str]


def build_order(models: Iterable[Model], available: set[str]) -> list[Model]:
    """The models in an order that creates each after what it reads (available: what exists already).

    Among models that are ready at the same time the order is alphabetical, so builds are repeatable.
    Raises ModelError naming a missing relation or a cycle.
    """
    pending: Mapping[str, Model] = {m.name: m for m in models}
    known = set(available) | set(pending)
    for model in pending.values():
        missing = sorted(model.depends_on - known)
        if missing:
            raise ModelError(f"model {model.name} reads {', '.join(missing)}, which no model creates "
                             f"(sql/marts has no {missing[0]}.sql and no table or staging view has that name)")
    done: set[str] = set(available)
    order: list[Model] = []
    remaining = dict(pending)
    while remaining:
        ready = sorted(name for name, m in remaining.items() if m.depends_on <= done)
        if not ready:
            raise ModelError("models depend on each other in a cycle: " + ", ".join(sorted(remaining)))
        for name in ready:
            order.append(remaining.pop(name))
            done.add(name)
    return order
