"""What a run's changes reach in the database: the raw tables it changed, and the models and data tests
that read them, directly or through other models.

An update of the database (warehouse/models.py) re-creates only the materialized marts that read a
changed table and re-runs only the data tests that do; the others are left as the previous build
made them (views are re-evaluated whenever they are read, so they never need re-creating). That is
only sound when the models and tests are the ones the previous build used, so a database records a
fingerprint of them (`definitions_fingerprint`) and an update whose fingerprint differs re-creates
and re-runs everything. A query whose tables cannot be told (it names no relation a build
creates) counts as reading everything: it is re-run.

Measured on an unchanged re-run of 10,000 bench pages: 159 data tests took 2.7 s and re-creating the
marts 0.5 s of a 3.6 s update; only the tests over the runs table (the one table such a run changes)
need running.
"""
from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from cityclips.warehouse.checks import DataTest
from cityclips.warehouse.contract import Contract
from cityclips.warehouse.lineage import Model, is_materialized, references
from cityclips.warehouse.staging import ACCEPTED_VALUES_TABLE, STAGING_PREFIX

RAW_PREFIX = "raw."
MAIN_PREFIX = "main."  # DuckDB's default schema, where the staging views and marts are


def definitions_fingerprint(marts: Iterable[Model], tests: Iterable[DataTest], contract: Contract) -> str:
    """A digest of everything a build creates the models and tests from: the contract, the marts' SQL, the tests' SQL."""
    digest = hashlib.sha256()
    for name, schema in contract.items():
        digest.update(f"table {name}\n{schema.to_string(show_field_metadata=True, show_schema_metadata=True)}\n"
                      .encode())
    for model in sorted(marts, key=lambda m: m.name):
        digest.update(f"mart {model.name}\n{model.sql}\n".encode())
    for test in tests:
        digest.update(f"test {test.name}\n{test.sql}\n".encode())
    return digest.hexdigest()


def tables_read(names: Iterable[str], marts: Mapping[str, Model], contract: Contract) -> frozenset[str] | None:
    """The contract tables that relations read, following marts through what they read; None when unknown.

    >>> from cityclips.warehouse.schemas import TABLES
    >>> sorted(tables_read(["stg_runs", "raw.manifest"], {}, TABLES))
    ['manifest', 'runs']
    >>> tables_read(["no_such_view"], {}, TABLES) is None
    True
    >>> sorted(tables_read(["stg_documents", "f.n"], {}, TABLES))  # 'is distinct from f.n': a column
    ['documents']
    """
    found: set[str] = set()
    pending, seen, unknown = [name.lower() for name in names], set(), 0
    if not pending:
        return None  # a query that reads nothing we can name: treat it as reading everything
    while pending:
        name = pending.pop()
        if name in seen:
            continue
        seen.add(name)
        if name == ACCEPTED_VALUES_TABLE:
            continue  # the contract's documented values: made from the contract, which the fingerprint covers
        if name.startswith(RAW_PREFIX) and name[len(RAW_PREFIX):] in contract:
            found.add(name[len(RAW_PREFIX):])
        elif name.startswith(STAGING_PREFIX) and name[len(STAGING_PREFIX):] in contract:
            found.add(name[len(STAGING_PREFIX):])
        elif name in marts:
            pending.extend(marts[name].depends_on)
        elif name.startswith(MAIN_PREFIX):
            pending.append(name[len(MAIN_PREFIX):])
        else:
            unknown += 1  # no relation a build creates, so not one the query can read: a column after
            # 'is distinct from', an alias's column ('f.n'); the query runs only on relations that exist
    if not found and unknown:
        return None  # nothing we can name: treat it as reading everything
    return frozenset(found)


@dataclass(frozen=True)
class Affected:
    """What an update must redo: the materialized marts to re-create and the data tests to re-run (by name)."""

    changed: frozenset[str]  # contract tables whose rows changed
    models: frozenset[str]
    tests: frozenset[str]


def affected_by(changed: frozenset[str], marts: Iterable[Model], tests: Iterable[DataTest],
                contract: Contract) -> Affected:
    """The materialized marts and the data tests that read a changed table (or whose tables are unknown)."""
    by_name = {model.name.lower(): model for model in marts}

    def reaches(names: Iterable[str]) -> bool:
        read = tables_read(names, by_name, contract)
        return read is None or bool(read & changed)

    models = frozenset(model.name for model in by_name.values()
                       if is_materialized(model.sql) and reaches(model.depends_on))
    rerun = frozenset(test.name for test in tests if reaches(references(test.sql)))
    return Affected(changed, models, rerun)
