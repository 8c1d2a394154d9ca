"""Mutation testing for cityclips (mutmut 3): stage the package, run mutmut, report per module.

Why a staging tree: the package installs as ``cityclips`` with a package-dir mapping
(``cityclips.transforms`` -> transforms/). mutmut 3 names a mutant after its file's path and its
trampoline compares that name with the function's ``__module__`` at run time, so it must mutate
files laid out as they are imported: ``build/mutation/cityclips/transforms/clean.py``. The tree
is a copy of the work tree in the installed layout; mutmut then copies it into
``build/mutation/mutants/`` and puts that folder first on ``sys.path`` (and we put it on
PYTHONPATH so subprocesses a test starts import the mutants too).

Usage (``make mutation`` runs ``stage``, ``run`` and ``report``):

    python tools/mutation.py stage
    python tools/mutation.py run ['cityclips.transforms.dates.*' ...]
    python tools/mutation.py report            # markdown: score per module, survivors
    python tools/mutation.py check --tests tests/transforms/test_dates.py 'cityclips.transforms.dates.*'

``check`` is the quick loop for killing survivors: against the mutants mutmut generated (a ``run`` must have
made build/mutation/mutants), one warm process forks once per mutant with MUTANT_UNDER_TEST set and runs only
the named test files (copied into the mutants tree first). A mutant those files do not kill may still die to
another file of mutmut's selection, so its score is a lower bound; mutmut's own record is ``run`` by name.

Files keep their modification time when their content is unchanged, so mutmut's cache of
results survives a re-stage; a changed module is mutated and tested again.
"""
from __future__ import annotations

import argparse
import filecmp
import fnmatch
import inspect
import json
import os
import re
import shutil
import subprocess
import sys
import time
import tomllib
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
STAGE = ROOT / "build" / "mutation"
# repository folder -> where the installed package imports it from
PACKAGE_DIRS = {"transforms": "cityclips/transforms", "warehouse": "cityclips/warehouse",
                "flows": "cityclips/flows", "sql": "cityclips/sql"}
KILLED_CODES = {1, 3, 36, -24, 24, 152, 255}  # test failed, pytest internal error, timeouts
SURVIVED_CODES = {0}
NO_TESTS_CODES = {5, 33}
EQUIVALENT_FILE = ROOT / "tests" / "mutation_equivalent.toml"
CHECK_RESULTS = STAGE / "check.json"  # check's results: mutant name -> exit code (not mutmut's record)
# One JSON line per mutant as the check's worker finishes it: a long check shows its progress (`wc -l`), and the
# results of a check stopped before its end are not lost (they are merged into CHECK_RESULTS by the next check).
CHECK_PROGRESS = STAGE / "check.progress.jsonl"
CHECK_TIMEOUT_S = 60.0  # a mutant whose tests run longer is taken as killed (an endless loop), as mutmut does
# A module-level cache filled before a fork answers for the function it caches, so that function's mutants survive
# (round 12: dom._segment behind _SEGMENTS, region._read_attr_weight behind _ATTR_WEIGHTS). The check's forks empty
# them first: each dict a module fills through dom.remembered(...) and each functools cache of the package. A cache
# of a function without arguments is a loader (language's py3langid model, 1-4 s to load): it is emptied only for
# the mutants of its own module, the one code it runs. mutmut's own runs (its workers fork too) still keep them.
_REMEMBERED_CACHE = re.compile(r"\bremembered\(\s*(_?[A-Za-z]\w*)\s*,")
PYTEST_QUIET = ["-x", "-q", "-p", "no:randomly", "-p", "no:cacheprovider", "-p", "no:xdist", "-o", "addopts=",
                "-W", "ignore"]  # as pyproject's [tool.mutmut] runs pytest, stopping at the first failure


def tracked_files() -> list[Path]:
    """The work tree's files that git knows (tracked or new, not ignored)."""
    out = subprocess.run(["git", "ls-files", "--cached", "--others", "--exclude-standard", "-z"],
                         cwd=ROOT, check=True, capture_output=True).stdout
    return [Path(p) for p in out.decode().split("\0") if p and (ROOT / p).is_file()]


def staged_path(relative: Path) -> Path:
    """Where a repository file goes in the staging tree (the installed package's layout)."""
    top = relative.parts[0]
    if top in PACKAGE_DIRS and len(relative.parts) > 1:
        return Path(PACKAGE_DIRS[top], *relative.parts[1:])
    return relative


def stage() -> int:
    """Copy the work tree into build/mutation in the installed layout; return files changed."""
    wanted: set[Path] = set()
    changed = 0
    for relative in tracked_files():
        target = STAGE / staged_path(relative)
        wanted.add(target)
        source = ROOT / relative
        if target.exists() and filecmp.cmp(source, target, shallow=False):
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source, target)
        changed += 1
    for path in sorted(STAGE.rglob("*"), reverse=True):
        if "mutants" in path.relative_to(STAGE).parts[:1] or path.is_dir() or path in (CHECK_RESULTS, CHECK_PROGRESS):
            continue  # the check's record is not a staged file (round 13: a re-stage deleted it)
        if path not in wanted:
            path.unlink()
            changed += 1
    return changed


def run(names: list[str], max_children: int | None) -> int:
    """Run ``mutmut run`` in the staging tree, niced, with the mutants first on PYTHONPATH."""
    env = dict(os.environ)
    # The folder must exist before mutmut's interpreter starts: Python caches "no finder" for a sys.path
    # entry that is missing when first searched, and mutmut creates mutants/ after start-up, so on a first
    # run (no mutants/ yet) its stats step failed with "No module named 'tests'" (pytest exit 4).
    (STAGE / "mutants").mkdir(parents=True, exist_ok=True)
    env["PYTHONPATH"] = str(STAGE / "mutants")
    env.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    mutmut = Path(sys.executable).with_name("mutmut")
    command = ["nice", "-n", "10", str(mutmut), "run", *names]
    if max_children:
        command[5:5] = ["--max-children", str(max_children)]
    return subprocess.run(command, cwd=STAGE, env=env).returncode


def module_of(mutant: str) -> str:
    """``cityclips.transforms.dates.x_parse__mutmut_3`` -> ``transforms/dates.py``."""
    parts = mutant.split(".")
    cut = next(i for i, part in enumerate(parts) if part.startswith(("x_", "xǁ")))
    return "/".join(parts[1:cut]) + ".py"


def load_results() -> dict[str, int | None]:
    """mutant name -> exit code, from mutmut's meta files."""
    results: dict[str, int | None] = {}
    for meta in (STAGE / "mutants").rglob("*.py.meta"):
        data = json.loads(meta.read_text())
        results.update(data.get("exit_code_by_key", {}))
    return results


def load_equivalent() -> dict[str, str]:
    """Survivors judged equivalent: mutant name -> reason (tests/mutation_equivalent.toml)."""
    if not EQUIVALENT_FILE.exists():
        return {}
    return {name: entry["reason"] for name, entry in tomllib.loads(EQUIVALENT_FILE.read_text()).items()}


def report() -> str:
    """Markdown: one row per module (killed / survived / no tests, score), then the survivors."""
    results = load_results()
    equivalent = load_equivalent()
    counts: dict[str, Counter] = defaultdict(Counter)
    survivors: dict[str, list[str]] = defaultdict(list)
    for name, code in results.items():
        module = module_of(name)
        if code in KILLED_CODES:
            counts[module]["killed"] += 1
        elif code in SURVIVED_CODES:
            if name in equivalent:
                counts[module]["equivalent"] += 1
            else:
                counts[module]["survived"] += 1
            survivors[module].append(name)
        elif code in NO_TESTS_CODES:
            counts[module]["no tests"] += 1
            survivors[module].append(name)
        elif code is None:
            counts[module]["not checked"] += 1
        else:
            counts[module]["other"] += 1
            survivors[module].append(name)
    lines = ["| module | mutants | killed | equivalent | survived | no tests | other | not checked | score |",
             "|---|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for module in sorted(counts):
        c = counts[module]
        checked = sum(c.values()) - c["not checked"]
        # score: killed over the mutants that could be killed (equivalent ones cannot)
        killable = checked - c["equivalent"]
        score = f"{100 * c['killed'] / killable:.1f}%" if killable else "-"
        lines.append(f"| {module} | {sum(c.values())} | {c['killed']} | {c['equivalent']} | {c['survived']} "
                     f"| {c['no tests']} | {c['other']} | {c['not checked']} | {score} |")
    lines.append("")
    for module in sorted(survivors):
        lines.append(f"### {module}")
        for name in sorted(survivors[module], key=lambda n: (n.rsplit("_", 1)[0], int(n.rsplit("_", 1)[1]))):
            code = results[name]
            reason = equivalent.get(name, "unexplained" if code == 0 else f"exit code {code}")
            lines.append(f"- `{name.split('.', 1)[1]}`: {reason}")
        lines.append("")
    return "\n".join(lines)


def check(names: list[str], tests: list[str], timeout: float = CHECK_TIMEOUT_S,
          keep_caches: bool = False) -> dict[str, int]:
    """Run the named test files against each mutant matching names (globs); return and record name -> exit code."""
    mutants = STAGE / "mutants"
    wanted = sorted(n for n in load_results() if any(fnmatch.fnmatchcase(n, glob) for glob in names))
    if not wanted:
        raise SystemExit(f"no generated mutant matches {names}: run `python tools/mutation.py run` first")
    for test in tests:  # the newest versions of the files, whatever the last mutmut run copied
        target = mutants / test
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / test, target)
    env = dict(os.environ, PYTHONPATH=str(mutants), MUTANT_UNDER_TEST="")
    env.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    spec = json.dumps({"names": wanted, "tests": tests, "timeout": timeout, "progress": str(CHECK_PROGRESS),
                       "keep_caches": keep_caches})
    recorded = _recorded_checks()
    out = subprocess.run(["nice", "-n", "10", sys.executable, str(Path(__file__).resolve()), "_check-worker"],
                         cwd=mutants, env=env, input=spec, capture_output=True, text=True)
    if out.returncode:
        raise SystemExit(f"the check's worker failed ({out.returncode}):\n{out.stdout[-3000:]}{out.stderr[-3000:]}")
    codes = json.loads(out.stdout.strip().splitlines()[-1])
    recorded.update(codes)
    CHECK_RESULTS.write_text(json.dumps(recorded, indent=0, sort_keys=True))
    CHECK_PROGRESS.unlink(missing_ok=True)
    return codes


def _recorded_checks() -> dict[str, int]:
    """The check's record: CHECK_RESULTS with the progress lines of a check that was stopped merged in."""
    recorded = json.loads(CHECK_RESULTS.read_text()) if CHECK_RESULTS.exists() else {}
    if CHECK_PROGRESS.exists():
        for line in CHECK_PROGRESS.read_text().splitlines():
            if line.strip():
                recorded.update(json.loads(line))
        CHECK_RESULTS.write_text(json.dumps(recorded, indent=0, sort_keys=True))
        CHECK_PROGRESS.unlink()
    return recorded


def _mutant_module(mutant: str) -> str:
    """``cityclips.transforms.dom.x__segment__mutmut_3`` -> ``cityclips.transforms.dom``."""
    parts = mutant.split(".")
    cut = next((i for i, part in enumerate(parts) if part.startswith(("x_", "xǁ"))), len(parts))
    return ".".join(parts[:cut])


def module_caches(package: str = "cityclips") -> list[tuple[str, object, bool]]:
    """The package's module-level caches among the imported modules: (module, cache, is a loader), where cache is
    a dict filled through remembered(...) (read from the module's source) or a functools cache (cache_clear)."""
    found: list[tuple[str, object, bool]] = []
    for name, module in sorted(sys.modules.items()):
        if not (name == package or name.startswith(package + ".")) or module is None:
            continue
        source = getattr(module, "__file__", None)
        text = Path(source).read_text(encoding="utf-8") if source and source.endswith(".py") else ""
        for attr in sorted(set(_REMEMBERED_CACHE.findall(text))):
            cache = getattr(module, attr, None)
            if isinstance(cache, dict):
                found.append((name, cache, False))
        for value in list(vars(module).values()):
            if callable(getattr(value, "cache_clear", None)) and getattr(value, "__module__", None) == name:
                try:
                    loader = not inspect.signature(value.__wrapped__).parameters
                except (AttributeError, TypeError, ValueError):
                    loader = False
                found.append((name, value, loader))
    return found


def clear_caches(mutant: str, caches: list[tuple[str, object, bool]]) -> int:
    """Empty the caches (module_caches) that could answer for mutant's function; return how many were emptied."""
    own = _mutant_module(mutant)
    cleared = 0
    for module, cache, loader in caches:
        if loader and module != own:
            continue
        if isinstance(cache, dict):
            cache.clear()
        else:
            cache.cache_clear()
        cleared += 1
    return cleared


def _check_worker() -> int:
    """In build/mutation/mutants: a clean run of the tests, then one fork per mutant (read from stdin as JSON)."""
    import pytest  # noqa: PLC0415  (only the worker needs it)

    spec = json.loads(sys.stdin.read())
    sys.path.insert(0, os.getcwd())
    args = [*spec["tests"], *PYTEST_QUIET]
    real_stdout = os.dup(1)
    os.dup2(os.open(os.devnull, os.O_WRONLY), 1)
    if pytest.main(args) != 0:
        os.write(2, b"the tests fail without a mutant\n")
        return 2
    codes: dict[str, int] = {}
    caches = [] if spec.get("keep_caches") else module_caches()  # after the clean run has imported the modules
    progress = open(spec["progress"], "a", encoding="utf-8") if spec.get("progress") else None
    for name in spec["names"]:
        pid = os.fork()
        if pid == 0:
            os.environ["MUTANT_UNDER_TEST"] = name
            clear_caches(name, caches)
            os.dup2(os.open(os.devnull, os.O_WRONLY), 2)
            os._exit(int(pytest.main(args)))
        deadline = time.monotonic() + spec["timeout"]
        while True:
            done, status = os.waitpid(pid, os.WNOHANG)
            if done:
                codes[name] = os.waitstatus_to_exitcode(status)
                break
            if time.monotonic() > deadline:
                os.kill(pid, 9)
                os.waitpid(pid, 0)
                codes[name] = -24  # counted as killed, as mutmut counts its timeouts
                break
            time.sleep(0.02)
        if progress is not None:
            progress.write(json.dumps({name: codes[name]}) + "\n")
            progress.flush()
    if progress is not None:
        progress.close()
    os.write(real_stdout, (json.dumps(codes) + "\n").encode())
    return 0


def check_report(codes: dict[str, int]) -> str:
    """Markdown: per module, mutants checked, killed, equivalent (listed), survived, score; then the survivors."""
    equivalent = load_equivalent()
    counts: dict[str, Counter] = defaultdict(Counter)
    left: dict[str, list[str]] = defaultdict(list)
    for name, code in codes.items():
        module = module_of(name)
        counts[module]["checked"] += 1
        if code in KILLED_CODES:
            counts[module]["killed"] += 1
        elif name in equivalent:
            counts[module]["equivalent"] += 1
        else:
            counts[module]["survived"] += 1
            left[module].append(f"- `{name.split('.', 1)[1]}` (exit code {code})")
    lines = ["| module | checked | killed | equivalent | survived | score |", "|---|---:|---:|---:|---:|---:|"]
    for module in sorted(counts):
        c = counts[module]
        killable = c["checked"] - c["equivalent"]
        score = f"{100 * c['killed'] / killable:.1f}%" if killable else "-"
        lines.append(f"| {module} | {c['checked']} | {c['killed']} | {c['equivalent']} | {c['survived']} | {score} |")
    for module in sorted(left):
        lines += ["", f"### {module}", *sorted(left[module], key=lambda s: (s.rsplit("_", 1)[0], s))]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0],
                                     epilog="example: python tools/mutation.py run 'cityclips.transforms.dates.*'")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("stage", help="copy the work tree into build/mutation in the installed layout")
    run_parser = sub.add_parser("run", help="stage, then run mutmut (all configured modules, or the named globs)")
    run_parser.add_argument("names", nargs="*", help="mutant name globs, e.g. 'cityclips.transforms.dates.*'")
    run_parser.add_argument("--max-children", type=int, help="parallel workers (mutmut's default: all cores)")
    sub.add_parser("report", help="print the score per module and the survivors as markdown")
    check_parser = sub.add_parser("check", help="run some test files against generated mutants, one fork each")
    check_parser.add_argument("names", nargs="+", help="mutant name globs")
    check_parser.add_argument("--tests", nargs="+", required=True, help="test files, relative to the repository")
    check_parser.add_argument("--timeout", type=float, default=CHECK_TIMEOUT_S, help="seconds a mutant's tests may run")
    check_parser.add_argument("--keep-caches", action="store_true",
                              help="do not empty module caches per mutant (round 12's behaviour; see module_caches)")
    sub.add_parser("_check-worker", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.command == "stage":
        print(f"staged {stage()} changed files into {STAGE}")
        return 0
    if args.command == "run":
        stage()
        return run(args.names, args.max_children)
    if args.command == "check":
        print(check_report(check(args.names, args.tests, args.timeout, args.keep_caches)))
        return 0
    if args.command == "_check-worker":
        return _check_worker()
    print(report())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
