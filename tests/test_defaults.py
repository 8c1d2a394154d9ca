"""Each user-facing default has one home, cityclips/defaults.py: the CLI, the flow and the pipeline agree."""
from __future__ import annotations

import inspect
import re

from tests.conftest import ROOT
from cityclips import defaults
from cityclips.flows.cli import _parser
from cityclips.transforms.pipeline import PageSettings


def test_the_cli_the_flow_and_the_pipeline_read_one_default():
    from cityclips.flows.flow import cityclips_flow
    run = _parser().parse_args(["run"])
    assert run.max_page_mb == defaults.MAX_PAGE_MB
    assert PageSettings().max_page_bytes == int(defaults.MAX_PAGE_MB * 1024 ** 2)
    parameters = inspect.signature(cityclips_flow.fn).parameters
    assert parameters["batch_pages"].default == defaults.BATCH_PAGES
    assert parameters["max_page_mb"].default == defaults.MAX_PAGE_MB


def test_no_module_restates_a_default_as_a_literal():
    restated = re.compile(r"default=20\.0|max_page_mb: float = 20|= 20 \* 1024 \*\* 2|default: 250\)|BATCH_PAGES = 250")
    offenders = [str(path.relative_to(ROOT)) for folder in ("flows", "transforms", "warehouse")
                 for path in (ROOT / folder).glob("*.py") if restated.search(path.read_text(encoding="utf-8"))]
    assert offenders == []
