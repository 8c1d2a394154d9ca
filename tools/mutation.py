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

Files keep their modification time when their content is unchanged, so mutmut's cache of
results survives a re-stage; a changed module is mutated and tested again.
"""
from __future__ import annotations

import argparse
import filecmp
import json
import os
import shutil
import subprocess
import sys
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
        if "mutants" in path.relative_to(STAGE).parts[:1] or path.is_dir():
            continue
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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0],
                                     epilog="example: python tools/mutation.py run 'cityclips.transforms.dates.*'")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("stage", help="copy the work tree into build/mutation in the installed layout")
    run_parser = sub.add_parser("run", help="stage, then run mutmut (all configured modules, or the named globs)")
    run_parser.add_argument("names", nargs="*", help="mutant name globs, e.g. 'cityclips.transforms.dates.*'")
    run_parser.add_argument("--max-children", type=int, help="parallel workers (mutmut's default: all cores)")
    sub.add_parser("report", help="print the score per module and the survivors as markdown")
    args = parser.parse_args(argv)
    if args.command == "stage":
        print(f"staged {stage()} changed files into {STAGE}")
        return 0
    if args.command == "run":
        stage()
        return run(args.names, args.max_children)
    print(report())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
