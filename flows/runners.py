"""Choose where the batches run: this process for small runs, a Dask cluster for large ones.

CPU-bound work needs processes, not threads (the GIL). Prefect's Dask task runner (prefect-dask)
gives a local cluster of worker processes, or connects to an existing cluster of many machines.
A local 2-process cluster costs about 15 s before the first task (FACTS.md), so small runs (the
seeds, a day's scrape) stay in one process.
"""
from __future__ import annotations

import os
from dataclasses import dataclass

AUTO_PARALLEL_PAGES = 4000  # below this a cluster's ~15 s start-up costs more than a second core saves


@dataclass(frozen=True)
class RunnerChoice:
    kind: str  # 'in-process' | 'dask-local' | 'dask-cluster'
    workers: int = 1
    address: str | None = None

    def task_runner(self):
        """The Prefect task runner for this choice."""
        if self.kind == "in-process":
            from prefect.task_runners import ThreadPoolTaskRunner
            return ThreadPoolTaskRunner(max_workers=1)  # batches one after another, in this process
        from prefect_dask import DaskTaskRunner
        if self.kind == "dask-cluster":
            return DaskTaskRunner(address=self.address)
        return DaskTaskRunner(cluster_kwargs={"n_workers": self.workers, "threads_per_worker": 1,
                                              "processes": True, "dashboard_address": None})

    def describe(self) -> str:
        if self.kind == "dask-cluster":
            return f"dask cluster at {self.address}"
        return "one process" if self.kind == "in-process" else f"local dask cluster, {self.workers} processes"


def choose_runner(pages: int, workers: int | None = None, address: str | None = None) -> RunnerChoice:
    """workers=None decides from the page count; 1 forces one process; N > 1 a local cluster of N."""
    if address:
        return RunnerChoice("dask-cluster", address=address)
    if workers is None:
        workers = (os.cpu_count() or 1) if pages >= AUTO_PARALLEL_PAGES else 1
    return RunnerChoice("in-process") if workers <= 1 else RunnerChoice("dask-local", workers=workers)
