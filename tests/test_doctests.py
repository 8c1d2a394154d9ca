"""The docstring examples of every cityclips module run as tests (they are documentation that must stay true).

Modules are imported under their installed names (cityclips.transforms.x, ...), so an example sees
the same objects a user's code does. Only modules whose source holds an example are imported.
"""
from __future__ import annotations

import doctest
import importlib
import pkgutil
from pathlib import Path

import pytest


FLAGS = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE


def _modules_with_examples() -> list[str]:
    names = []
    for package in ("cityclips", "cityclips.transforms", "cityclips.warehouse", "cityclips.flows"):
        module = importlib.import_module(package)
        for info in pkgutil.iter_modules(module.__path__, prefix=package + "."):
            spec = importlib.util.find_spec(info.name)
            if spec and spec.origin and ">>>" in Path(spec.origin).read_text(encoding="utf-8"):
                names.append(info.name)
    return sorted(set(names))


MODULES = _modules_with_examples()


def test_examples_are_found():
    assert {"cityclips.warehouse.contract", "cityclips.warehouse.lineage", "cityclips.transforms.language"} <= set(MODULES)


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name):
    module = importlib.import_module(name)
    finder = doctest.DocTestFinder(exclude_empty=True)
    runner = doctest.DocTestRunner(optionflags=FLAGS)
    examples = 0
    for test in finder.find(module, name):
        examples += len(test.examples)
        runner.run(test)
    results = runner.summarize(verbose=False)
    assert results.failed == 0, f"{results.failed} of {examples} docstring examples of {name} failed (see above)"
