"""Progress lines (N of M, rate, ETA), their pace, the artifact's percentages and the terminal bar."""
from __future__ import annotations

import io

from cityclips.flows.progress import RunProgress, StageProgress, format_seconds


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_a_line_says_n_of_m_the_rate_and_the_eta() -> None:
    stage = StageProgress("process", 10_000, done=1_250, started=100.0)
    assert stage.line(now=101.5) == "process: 1,250 of 10,000 pages (12%), 833 pages/s, ETA 10 s"
    stage.done = 10_000
    assert stage.line(now=112.0) == "process: 10,000 of 10,000 pages (100%), 833 pages/s, done in 12 s"


def test_format_seconds() -> None:
    assert [format_seconds(s) for s in (0.4, 42, 185.4, 3720)] == ["0 s", "42 s", "3 min 05 s", "1 h 02 min"]


def test_lines_are_paced_the_last_always_comes_and_the_artifact_moves_after_every_batch() -> None:
    lines, published = [], []
    progress = RunProgress(log=lines.append, publish=published.append, stream=io.StringIO(), log_every=3600)
    progress.start("templates", 4)
    for _ in range(4):
        progress.advance(1)
    assert len(lines) == 1 and lines[0].startswith("templates: 4 of 4 pages (100%)")
    assert published == [12.5, 25.0, 37.5, 50.0]  # the template pass is the first half of the run's batch work
    progress.start("process", 2)
    progress.advance(1)
    progress.advance(1)
    assert published[-2:] == [75.0, 100.0] and lines[-1].startswith("process: 2 of 2 pages (100%)")


def test_a_run_of_many_batches_updates_the_artifact_every_half_percent_and_at_each_stage_end() -> None:
    published = []
    progress = RunProgress(log=lambda line: None, publish=published.append, stream=io.StringIO())
    for stage in ("templates", "process"):  # 400 batches a stage, as 100,000 pages in batches of 250
        progress.start(stage, 400 * 250)
        for _ in range(400):
            progress.advance(250)
    assert len(published) <= 2 * 100 + 2 and published[-1] == 100.0 and 50.0 in published
    assert published == sorted(published) and all(b - a <= 0.5 + 0.125 + 0.1 for a, b in zip(published, published[1:]))  # a batch, a rounding


def test_every_batch_is_logged_when_the_pace_allows() -> None:
    lines = []
    progress = RunProgress(log=lines.append, stream=io.StringIO(), log_every=0)
    progress.start("process", 3)
    for _ in range(3):
        progress.advance(1)
    assert [line.split(" pages")[0] for line in lines] == ["process: 1 of 3", "process: 2 of 3", "process: 3 of 3"]


def test_a_stage_without_pages_still_completes_the_artifact() -> None:
    published = []
    progress = RunProgress(log=lambda line: None, publish=published.append, stream=io.StringIO())
    progress.start("templates", 0)
    progress.finish_stage()
    progress.start("process", 0)
    progress.finish_stage()
    assert published == [50.0, 100.0]


def test_a_terminal_gets_a_bar_redrawn_in_place_and_a_pipe_gets_none() -> None:
    terminal, pipe = Terminal(), io.StringIO()
    for stream in (terminal, pipe):
        progress = RunProgress(log=lambda line: None, stream=stream)
        progress.start("process", 2)
        progress.advance(1)
        progress.advance(1)
    drawn = terminal.getvalue()
    assert drawn.startswith("\rprocess   [###############...............] 1 of 2 pages (50%)")
    assert drawn.endswith("\n") and drawn.count("\r") == 2
    assert pipe.getvalue() == ""
