"""The execution engine on small plain functions: the same outcomes in one process and in a pool,
retries, a failing batch reported and not raised, a worker that dies, no Prefect in workers."""
from __future__ import annotations

import os
import sys

import pytest

from cityclips.flows.engine import (BATCHES_PER_WORKER, DEFAULT_BATCH_PAGES, MAX_ATTEMPTS, EngineChoice, batch_size,
                                    choose_engine, open_engine)


def square(n: int) -> int:
    return n * n


def fail_on(n: int, bad: int) -> int:
    if n == bad:
        raise ValueError(f"cannot take {n}\nsecond line")
    return n


def die_on(n: int, bad: int) -> int:
    if n == bad:
        os._exit(3)  # a worker killed mid-batch (out of memory, a crash in an extension)
    return n


def flaky_once(marker: str, n: int) -> int:
    """Fails the first time it sees n (a marker file remembers it across processes), then works."""
    path = f"{marker}.{n}"
    if not os.path.exists(path):
        open(path, "w").close()
        raise OSError("transient")
    return n


def modules_loaded(_: int) -> tuple[bool, bool, int]:
    return "prefect" in sys.modules, "cityclips.flows.batches" in sys.modules, os.getpid()


def _values(outcomes) -> dict[int, object]:
    return {o.index: o.value for o in outcomes}


@pytest.fixture(scope="module")
def pool():
    with open_engine(EngineChoice("processes", workers=2)) as engine:
        yield engine


def test_one_process_and_a_pool_give_the_same_outcomes(pool) -> None:
    arguments = [(n,) for n in range(12)]
    with open_engine(EngineChoice("one-process")) as one:
        here = _values(one.map(square, arguments))
    assert here == _values(pool.map(square, arguments)) == {n: n * n for n in range(12)}


@pytest.mark.parametrize("kind", ["one-process", "processes"])
def test_a_batch_that_always_fails_is_reported_after_every_attempt_and_the_rest_complete(kind, pool) -> None:
    engine = pool if kind == "processes" else open_engine(EngineChoice(kind))
    outcomes = {o.index: o for o in engine.map(fail_on, [(n, 3) for n in range(6)])}
    assert sorted(i for i, o in outcomes.items() if not o.failed) == [0, 1, 2, 4, 5]
    failed = outcomes[3]
    assert failed.failed and failed.attempts == MAX_ATTEMPTS
    assert failed.error == "ValueError: cannot take 3"  # one line


def test_a_transient_failure_is_retried(pool, tmp_path) -> None:
    outcomes = list(pool.map(flaky_once, [(str(tmp_path / "seen"), n) for n in range(4)]))
    assert all(not o.failed for o in outcomes) and {o.attempts for o in outcomes} == {2}


def test_a_worker_that_dies_fails_only_its_batch(pool) -> None:
    """The pool breaks; the batches in flight are retried one at a time: the culprit fails, the rest complete."""
    outcomes = {o.index: o for o in pool.map(die_on, [(n, 2) for n in range(8)])}
    assert sorted(outcomes) == list(range(8))
    assert outcomes[2].failed and "BrokenProcessPool" in outcomes[2].error
    assert all(not outcomes[i].failed and outcomes[i].value == i for i in outcomes if i != 2)
    assert _values(pool.map(square, [(5,)])) == {0: 25}  # and the rebuilt pool works


def test_a_pool_that_broke_between_two_waits_is_rebuilt_and_no_batch_is_lost(monkeypatch) -> None:
    """A worker can die after the last wait: the pool then refuses the next submit before any future fails."""
    from concurrent.futures.process import BrokenProcessPool
    with open_engine(EngineChoice("processes", workers=2)) as engine:
        first_pool = engine._pool
        refused = []

        def refuse_once(fn, *args):
            refused.append(args)
            monkeypatch.undo()
            raise BrokenProcessPool("a child process terminated abruptly")

        monkeypatch.setattr(first_pool, "submit", refuse_once)
        outcomes = {o.index: o for o in engine.map(square, [(n,) for n in range(6)])}
        assert refused == [(0,)]
        assert engine._pool is not first_pool  # rebuilt
        assert {i: o.value for i, o in outcomes.items()} == {n: n * n for n in range(6)}
        assert not any(o.failed for o in outcomes.values())


def test_pool_workers_import_the_batch_code_but_no_prefect(pool) -> None:
    import prefect  # noqa: F401 - loaded here, in the run's process, as in a real run
    outcomes = list(pool.map(modules_loaded, [(n,) for n in range(6)]))
    assert {o.value[0] for o in outcomes} == {False}  # workers: no Prefect
    assert {o.value[1] for o in outcomes} == {True}  # each worker imported the batch code as it started
    assert os.getpid() not in {o.value[2] for o in outcomes}


def test_choose_engine() -> None:
    assert choose_engine(5) == EngineChoice("one-process")
    assert choose_engine(50_000, workers=2) == EngineChoice("processes", workers=2)
    assert choose_engine(50_000, workers=1) == EngineChoice("one-process")
    assert choose_engine(5, kind="processes", workers=3) == EngineChoice("processes", workers=3)
    assert choose_engine(5, address="tcp://10.0.0.5:8786").describe() == "Dask cluster at tcp://10.0.0.5:8786"
    with pytest.raises(ValueError, match="needs --dask-address"):
        choose_engine(5, kind="dask")
    with pytest.raises(ValueError, match="unknown engine"):
        choose_engine(5, kind="threads")


def test_batch_size() -> None:
    assert batch_size(100_000, 2) == DEFAULT_BATCH_PAGES
    assert batch_size(2_000, 2) == 2_000 // (2 * BATCHES_PER_WORKER)  # both workers get work to the end
    assert batch_size(10, 2) == 25  # never tiny
    assert batch_size(10, 2, requested=3) == 3
    assert batch_size(10, 1) == DEFAULT_BATCH_PAGES
