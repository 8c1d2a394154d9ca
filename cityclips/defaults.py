"""Defaults a user can override, one home each: the CLI's options and help, the flow and the pipeline read them here.

No imports: the CLI reads these before it imports anything heavy.
"""
from __future__ import annotations

MAX_PAGE_MB = 20.0  # --max-page-mb: the largest real page seen is ~1 MB; 20 MB is a mis-saved file
BATCH_PAGES = 250  # --batch-pages: ~0.3-1.5 s of work per task, so orchestration stays under 2% of the run
