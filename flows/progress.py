"""Progress of a run where Prefect users look: log lines, a progress artifact, a bar on a terminal.

- Log lines (the run's log in the terminal and the Prefect UI): `process: 1,250 of 10,000 pages
  (12%), 830 pages/s, ETA 11 s`, at most one every LOG_EVERY_S seconds, and always the last.
- A Prefect progress artifact (`create_progress_artifact`), updated after a batch that moves it by
  PUBLISH_STEP (every batch of a run of fewer than 800 batches, and a stage's end): the share of the
  run's batch work done (the template pass and processing each count for half).
- On a terminal, a bar on stderr redrawn in place.

The artifact calls are passed in (`publish`), so this module needs no Prefect and its arithmetic
is tested without a server.
"""
from __future__ import annotations

import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field

BAR_WIDTH = 30
LOG_EVERY_S = 5.0  # a line every few seconds shows a run is alive without flooding a 400-batch log
# Each artifact update is an API call (client and server CPU: BENCHMARKS.md, "Round 6 (orch6)"). A 100,000-page
# run has 800 batches, 1/8 % each, a step no bar shows: updates half a percent apart are at most 200 a run.
PUBLISH_STEP = 0.5


def format_seconds(seconds: float) -> str:
    """'42 s', '3 min 05 s', '1 h 02 min'.

    >>> format_seconds(185.4)
    '3 min 05 s'
    """
    seconds = max(0, int(round(seconds)))
    if seconds < 60:
        return f"{seconds} s"
    if seconds < 3600:
        return f"{seconds // 60} min {seconds % 60:02d} s"
    return f"{seconds // 3600} h {seconds % 3600 // 60:02d} min"


@dataclass
class StageProgress:
    """Counts and the clock of one stage over its pages."""

    stage: str
    total: int
    done: int = 0
    started: float = field(default_factory=time.perf_counter)

    def rate(self, now: float | None = None) -> float:
        elapsed = (now or time.perf_counter()) - self.started
        return self.done / elapsed if elapsed > 0 else 0.0

    def line(self, now: float | None = None) -> str:
        """`process: 1,250 of 10,000 pages (12%), 830 pages/s, ETA 11 s`."""
        share = self.done / self.total if self.total else 1.0
        rate = self.rate(now)
        text = f"{self.stage}: {self.done:,} of {self.total:,} pages ({share:.0%}), {rate:,.0f} pages/s"
        if self.done < self.total:
            text += f", ETA {format_seconds((self.total - self.done) / rate)}" if rate > 0 else ", ETA unknown"
        else:
            text += f", done in {format_seconds((now or time.perf_counter()) - self.started)}"
        return text

    def bar(self, now: float | None = None) -> str:
        share = self.done / self.total if self.total else 1.0
        filled = int(share * BAR_WIDTH)
        return f"{self.stage:<9} [{'#' * filled}{'.' * (BAR_WIDTH - filled)}] {self.line(now).split(': ', 1)[1]}"


class RunProgress:
    """Progress over the batch stages of one run (template pass, then processing).

    log: a logging function (the Prefect run logger's .info); publish: called with the run's
    share done in percent after every batch (updates the progress artifact); stream: where the
    bar goes when it is a terminal.
    """

    STAGE_WEIGHTS = {"templates": 0.5, "process": 0.5}

    def __init__(self, log: Callable[[str], None], publish: Callable[[float], None] | None = None,
                 stream=None, log_every: float = LOG_EVERY_S):
        self.log, self.publish = log, publish
        self.stream = stream or sys.stderr
        self.tty = hasattr(self.stream, "isatty") and self.stream.isatty()
        self.log_every = log_every
        self.finished: dict[str, float] = {}
        self.current: StageProgress | None = None
        self._last_log = 0.0
        self._published: float | None = None

    def start(self, stage: str, pages: int) -> StageProgress:
        self.current = StageProgress(stage, pages)
        self._last_log = time.perf_counter()
        return self.current

    def percent(self) -> float:
        share = sum(self.STAGE_WEIGHTS.get(stage, 0) for stage in self.finished)
        current = self.current
        if current is not None and current.stage not in self.finished and current.total:
            share += self.STAGE_WEIGHTS.get(current.stage, 0) * current.done / current.total
        return round(100 * min(share, 1.0), 1)

    def advance(self, pages: int) -> None:
        """Count pages of the current stage as done: redraw, log when due, update the artifact."""
        stage = self.current
        assert stage is not None, "start(stage) first"
        stage.done = min(stage.total, stage.done + pages)
        now = time.perf_counter()
        last = stage.done >= stage.total
        if self.tty:
            self.stream.write("\r" + stage.bar(now) + ("\n" if last else ""))
            self.stream.flush()
        if last or now - self._last_log >= self.log_every:
            self._last_log = now
            self.log(stage.line(now))
        if last:
            self.finished[stage.stage] = now
        self._publish(force=last)

    def finish_stage(self) -> None:
        """End the current stage even when it had no pages (the artifact still moves on)."""
        if self.current is not None and self.current.stage not in self.finished:
            self.finished[self.current.stage] = time.perf_counter()
            self._publish(force=True)

    def _publish(self, force: bool) -> None:
        """Update the artifact when the share moved by PUBLISH_STEP since the last update, or force."""
        if self.publish is None:
            return
        percent = self.percent()
        if force or self._published is None or percent - self._published >= PUBLISH_STEP:
            self._published = percent
            self.publish(percent)
