"""The execution engine: runs a stage's batches as plain functions, here, in processes or on Dask.

Prefect orchestrates the stages; inside a stage the batches (hundreds of calls of plain functions
such as `scan_batch` and `process_batch`) go to an engine. Workers import no Prefect and need no
Prefect API: that is what let every Dask worker start its own temporary server before.

- `one-process`: in this process, one batch after another (small runs: no start-up cost at all).
- `processes`: a `concurrent.futures` process pool on this machine. Workers are fresh
  interpreters ("spawn": nothing of the run's process, so no Prefect and none of its threads) that
  import only the batch code, and they end with the pool (a fork server would outlive it).
- `dask-local`: a `distributed.LocalCluster` of worker processes on this machine.
- `dask`: an existing Dask cluster (`--dask-address tcp://host:8786`), through a plain
  `distributed.Client`.

A batch that raises is retried (MAX_ATTEMPTS in all). A worker that dies (out of memory, a crash
in an extension) breaks a process pool: the pool is rebuilt and the batches that were in flight
are retried one at a time, so the batch that kills its worker is found and the others complete.
A batch that still fails comes back as a failed outcome naming its error; the stage records its
pages as rejects. It never stops the run.
"""
from __future__ import annotations

import importlib
import logging
import math
import multiprocessing
import os
import signal
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from typing import Any

from cityclips.defaults import BATCH_PAGES

MAX_ATTEMPTS = 2  # a batch is tried twice: a transient failure (a file mid-write, a worker lost) passes
IN_FLIGHT_PER_WORKER = 2  # keeps every worker busy while the flow merges results; bounds memory
POOL_PAGES = 1000  # below this one process wins: a pool's start (~1 s) costs more than a second core saves
DEFAULT_BATCH_PAGES = BATCH_PAGES  # cityclips/defaults.py: 0.3-1.5 s of work a batch, overhead under 1%
MIN_BATCH_PAGES = 25
BATCHES_PER_WORKER = 4  # small runs are cut finer so both cores get work and finish together
WORKER_PRELOAD = ["cityclips.flows.batches"]  # what each worker imports as it starts
KINDS = ("auto", "one-process", "processes", "dask-local", "dask")
WATCH_RUN_S = 1.0  # a worker of a killed run exits within a second


@dataclass(frozen=True)
class EngineChoice:
    """Where a run's batches go: kind, number of workers, and the cluster address for 'dask'."""

    kind: str
    workers: int = 1
    address: str | None = None

    def describe(self) -> str:
        return {"one-process": "one process", "processes": f"process pool of {self.workers}",
                "dask-local": f"local Dask cluster of {self.workers} processes",
                "dask": f"Dask cluster at {self.address}"}[self.kind]


def choose_engine(pages: int, kind: str = "auto", workers: int | None = None,
                  address: str | None = None) -> EngineChoice:
    """The engine for a run of `pages` pages to process.

    kind 'auto' picks one process below POOL_PAGES pages (or with workers=1), a process pool of
    `workers` (default: every core) above, and the Dask cluster when an address is given.

    >>> choose_engine(5).kind, choose_engine(50_000, workers=2).describe()
    ('one-process', 'process pool of 2')
    """
    if kind not in KINDS:
        raise ValueError(f"unknown engine {kind!r}; one of {', '.join(KINDS)}")
    if address or kind == "dask":
        if not address:
            raise ValueError("the 'dask' engine needs --dask-address, e.g. tcp://10.0.0.5:8786")
        return EngineChoice("dask", address=address)
    cores = workers or os.cpu_count() or 1
    if kind == "auto":
        kind = "processes" if pages >= POOL_PAGES and cores > 1 else "one-process"
    return EngineChoice(kind, workers=1 if kind == "one-process" else cores)


def batch_size(pages: int, workers: int, requested: int | None = None) -> int:
    """Pages per batch: at most `requested` (default DEFAULT_BATCH_PAGES), cut finer for small runs on
    several workers (BATCHES_PER_WORKER batches each, never under MIN_BATCH_PAGES unless asked).

    >>> batch_size(100_000, 2), batch_size(2_000, 2), batch_size(2_000, 1), batch_size(2_000, 2, requested=40)
    (250, 250, 250, 40)
    """
    limit = max(1, requested or DEFAULT_BATCH_PAGES)
    if workers <= 1:
        return limit
    return min(limit, max(MIN_BATCH_PAGES, math.ceil(pages / (workers * BATCHES_PER_WORKER))))


@dataclass(frozen=True)
class Outcome:
    """What became of one batch: its value, or the error of its last attempt."""

    index: int
    value: Any = None
    error: str | None = None
    attempts: int = 1

    @property
    def failed(self) -> bool:
        return self.error is not None


def describe_error(error: BaseException) -> str:
    """One line for a batch's error: the type and the first line of the message."""
    text = str(error).strip().splitlines()
    return f"{type(error).__name__}: {text[0][:300]}" if text else type(error).__name__


class Engine:
    """Base: `map(fn, argument_tuples)` yields one Outcome per tuple, in the order batches finish."""

    choice: EngineChoice

    def __enter__(self) -> "Engine":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        pass

    def map(self, fn: Callable, arguments: Iterable[tuple]) -> Iterator[Outcome]:
        raise NotImplementedError


class InProcessEngine(Engine):
    def __init__(self, choice: EngineChoice = EngineChoice("one-process")):
        self.choice = choice

    def map(self, fn: Callable, arguments: Iterable[tuple]) -> Iterator[Outcome]:
        for index, args in enumerate(arguments):
            for attempt in range(1, MAX_ATTEMPTS + 1):
                try:
                    value = fn(*args)
                except Exception as error:  # noqa: BLE001 - a batch's failure is data, reported per page
                    if attempt == MAX_ATTEMPTS:
                        yield Outcome(index, error=describe_error(error), attempts=attempt)
                else:
                    yield Outcome(index, value, attempts=attempt)
                    break


def _worker_init(run_pid: int) -> None:
    """In each pool worker: leave Ctrl-C to the run (it stops the pool); exit when the run is gone.

    A run killed with SIGKILL cannot stop its workers, and the workers keep each other alive (each
    holds both ends of the pool's queues), so each watches the run's pid itself.
    """
    from cityclips.flows.settings import keep_pandas_out
    keep_pandas_out()  # a worker is cityclips' own process: pyarrow need not import pandas (0.4 s a worker)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    threading.Thread(target=_exit_when_gone, args=(run_pid,), name="cityclips-watch-run", daemon=True).start()
    for module in WORKER_PRELOAD:  # now, so the first batch's time is the batch's
        importlib.import_module(module)


def _exit_when_gone(pid: int) -> None:
    while True:
        time.sleep(WATCH_RUN_S)
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            os._exit(1)
        except PermissionError:  # the pid was reused by another user's process: the run is gone
            os._exit(1)


class _Windowed(Engine):
    """Shared loop of the pool engines: at most `window` batches in flight, retried on failure."""

    window: int

    def _submit(self, fn: Callable, args: tuple) -> Future:
        raise NotImplementedError

    def _wait(self, futures: list) -> set:
        return wait(futures, return_when=FIRST_COMPLETED)[0]

    def _rebuild_if_broken(self, error: BaseException) -> bool:
        """True when error means the workers died (the engine is then rebuilt): retry in isolation."""
        return False

    def map(self, fn: Callable, arguments: Iterable[tuple]) -> Iterator[Outcome]:
        queue = iter(enumerate(arguments))
        pending: dict[Future, tuple[int, tuple, int]] = {}
        isolated: list[tuple[int, tuple, int]] = []  # retried one at a time after a worker died

        def fill() -> None:
            while len(pending) < self.window:
                following = next(queue, None)
                if following is None:
                    return
                index, args = following
                pending[self._submit(fn, args)] = (index, args, 1)

        fill()
        while pending or isolated:
            if isolated:
                index, args, attempt = isolated.pop(0)
                outcome = self._run_alone(fn, index, args, attempt)
                yield outcome
                if not isolated:
                    fill()
                continue
            done = self._wait(list(pending))
            broken = False
            for future in done:
                index, args, attempt = pending.pop(future)
                error = future.exception()
                if error is None:
                    yield Outcome(index, future.result(), attempts=attempt)
                elif broken or self._rebuild_if_broken(error):
                    broken = True  # this batch died with the pool, maybe not by its own fault
                    isolated.append((index, args, attempt))
                elif attempt < MAX_ATTEMPTS:
                    pending[self._submit(fn, args)] = (index, args, attempt + 1)
                else:
                    yield Outcome(index, error=describe_error(error), attempts=attempt)
            if broken:  # every other batch in flight died with the pool: retry them alone, in order
                isolated.extend(pending.pop(f) for f in list(pending))
                isolated.sort(key=lambda entry: entry[0])
            elif not isolated:
                fill()

    def _run_alone(self, fn: Callable, index: int, args: tuple, attempt: int) -> Outcome:
        """Run one batch with nothing else in flight: the run that broke the pool is not counted."""
        while True:
            future = self._submit(fn, args)
            error = future.exception()
            if error is None:
                return Outcome(index, future.result(), attempts=attempt)
            self._rebuild_if_broken(error)
            if attempt >= MAX_ATTEMPTS:
                return Outcome(index, error=describe_error(error), attempts=attempt)
            attempt += 1


class ProcessPoolEngine(_Windowed):
    def __init__(self, choice: EngineChoice):
        self.choice = choice
        self.window = choice.workers * IN_FLIGHT_PER_WORKER
        self._pool = self._new_pool()

    def _new_pool(self) -> ProcessPoolExecutor:
        context = multiprocessing.get_context("spawn")
        return ProcessPoolExecutor(max_workers=self.choice.workers, mp_context=context, initializer=_worker_init,
                                   initargs=(os.getpid(),))

    def _submit(self, fn: Callable, args: tuple) -> Future:
        try:
            return self._pool.submit(fn, *args)
        except BrokenProcessPool as error:
            # A worker died after the last wait: the pool refuses new work before any of its futures says
            # so. The batch fails like the ones in flight, and the map loop rebuilds the pool and retries it.
            failed: Future = Future()
            failed.set_exception(error)
            return failed

    def _rebuild_if_broken(self, error: BaseException) -> bool:
        if not isinstance(error, BrokenProcessPool):
            return False
        self._terminate()
        self._pool = self._new_pool()
        return True

    def _terminate(self) -> None:
        processes = list((getattr(self._pool, "_processes", None) or {}).values())
        self._pool.shutdown(wait=False, cancel_futures=True)
        for process in processes:  # a worker mid-batch does not stop on shutdown(): stop it
            if process.is_alive():
                process.terminate()
        for process in processes:
            process.join(timeout=5)
            if process.is_alive():
                process.kill()
                process.join()

    def close(self) -> None:
        self._terminate()


class DaskEngine(_Windowed):
    """Batches on a Dask cluster: an existing one (address) or a LocalCluster started and stopped here."""

    def __init__(self, choice: EngineChoice):
        try:
            from distributed import Client, LocalCluster
        except ImportError as error:
            raise RuntimeError("the Dask engines need the 'distributed' package: pip install 'cityclips[dask]'") \
                from error
        self.choice = choice
        self._cluster = None
        if choice.kind == "dask-local":
            self._cluster = LocalCluster(n_workers=choice.workers, threads_per_worker=1, processes=True,
                                         dashboard_address=None, silence_logs=logging.ERROR)
            self._client = Client(self._cluster)
        else:
            self._client = Client(choice.address, timeout="30s")
        workers = max(1, len(self._client.scheduler_info().get("workers", {})))
        self.window = workers * IN_FLIGHT_PER_WORKER

    def _submit(self, fn: Callable, args: tuple) -> Future:
        return self._client.submit(fn, *args, pure=False)  # type: ignore[return-value]

    def _wait(self, futures: list) -> set:
        from distributed import wait as dask_wait
        return set(dask_wait(futures, return_when="FIRST_COMPLETED").done)

    def close(self) -> None:
        self._client.close()
        if self._cluster is not None:
            self._cluster.close()


def open_engine(choice: EngineChoice) -> Engine:
    """The engine for a choice; use it as a context manager so its workers stop with the stage."""
    if choice.kind == "one-process":
        return InProcessEngine(choice)
    if choice.kind == "processes":
        return ProcessPoolEngine(choice)
    return DaskEngine(choice)
