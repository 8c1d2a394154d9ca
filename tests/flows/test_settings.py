"""Every Prefect setting cityclips relies on is set before Prefect is imported, and Prefect sees it."""
from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from cityclips.flows.settings import PREFECT_DEFAULTS, apply_prefect_defaults, prefect_settings, run_settings
from tests.conftest import ROOT

READ_BACK = """
import json, sys
from cityclips.flows import cli
assert "prefect" not in sys.modules
try:
    cli.main(["run", "--help"])
except SystemExit:
    pass
assert "prefect" not in sys.modules  # the entry point set them before anything imported Prefect
from prefect.settings import get_current_settings
print(json.dumps(get_current_settings().to_environment_variables(exclude_unset=False)))
"""


def _prefect_sees(env: dict[str, str]) -> dict[str, str]:
    result = subprocess.run([sys.executable, "-c", READ_BACK], env=env, cwd=ROOT, capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    return json.loads(result.stdout.strip().splitlines()[-1])


def _clean_env(tmp_path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")}
    env["PREFECT_HOME"] = str(tmp_path / "home")
    return env


@pytest.mark.slow
def test_prefect_reads_back_every_setting_the_cli_sets(tmp_path) -> None:
    seen = _prefect_sees(_clean_env(tmp_path))
    for name, value in PREFECT_DEFAULTS.items():
        assert seen[name].lower() == value.lower(), (name, seen[name], value)
    assert seen["PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS"] != "20"  # Prefect's default is not what runs


@pytest.mark.slow
def test_the_users_own_settings_win(tmp_path) -> None:
    env = _clean_env(tmp_path)
    env["PREFECT_LOGGING_LEVEL"] = "DEBUG"
    assert _prefect_sees(env)["PREFECT_LOGGING_LEVEL"] == "DEBUG"


def test_apply_fills_only_what_is_unset() -> None:
    environ = {"PREFECT_LOGGING_LEVEL": "ERROR"}
    applied = apply_prefect_defaults(environ)
    assert applied["PREFECT_LOGGING_LEVEL"] == "ERROR" and environ["PREFECT_SERVER_ANALYTICS_ENABLED"] == "false"


def test_after_the_import_the_environment_is_refused_and_the_settings_api_used() -> None:
    import prefect  # noqa: F401
    from prefect.settings import get_current_settings
    with pytest.raises(RuntimeError, match="already imported"):
        apply_prefect_defaults()
    with prefect_settings({"PREFECT_API_URL": "http://127.0.0.1:9/api", "PREFECT_RUNNER_POLL_FREQUENCY": "7"}):
        settings = get_current_settings()
        assert (settings.api.url, settings.runner.poll_frequency) == ("http://127.0.0.1:9/api", 7)
    assert get_current_settings().api.url != "http://127.0.0.1:9/api"


def test_a_run_sends_no_heartbeats_unless_the_user_asks_for_them() -> None:
    import prefect  # noqa: F401
    from prefect.settings import get_current_settings
    assert run_settings("http://127.0.0.1:9/api", {"PREFECT_FLOWS_HEARTBEAT_FREQUENCY": "60"}) == {
        "PREFECT_API_URL": "http://127.0.0.1:9/api"}  # the user's value stays: Prefect reads it as given
    with prefect_settings(run_settings("http://127.0.0.1:9/api", {})):
        settings = get_current_settings()
        assert (settings.api.url, settings.flows.heartbeat_frequency) == ("http://127.0.0.1:9/api", None)
    assert get_current_settings().flows.heartbeat_frequency is not None


@pytest.mark.parametrize(("argv", "status"), [(["--version"], 0), (["run", "--no-such-option"], 2),
                                              (["server", "status"], 1)])
def test_the_console_script_exits_with_mains_status(argv: list[str], status: int, tmp_path) -> None:
    env = {**os.environ, "PREFECT_HOME": str(tmp_path / "home")}
    result = subprocess.run([sys.executable, "-c", "from cityclips.flows.cli import console; console()", *argv],
                            env=env, cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == status, result.stderr
    assert (result.stdout + result.stderr).strip()  # its output was flushed before the quick exit


def test_keep_pandas_out_makes_its_import_fail_and_pyarrow_works_without_it(tmp_path):
    from cityclips.flows.settings import keep_pandas_out
    finders: list = []
    assert keep_pandas_out(finders, {}) is True and keep_pandas_out(finders, {}) is False  # once
    with pytest.raises(ModuleNotFoundError):
        finders[0].find_spec("pandas")
    assert finders[0].find_spec("pyarrow") is None
    assert keep_pandas_out([], {"pandas": object()}) is False  # imported already (a notebook's): left alone
    code = ("import sys; from cityclips.flows.settings import keep_pandas_out; keep_pandas_out(); "
            "import pyarrow as pa; t = pa.Table.from_pylist([{'a': 1}]); "
            "print(t.num_rows, 'pandas' in sys.modules)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.stdout.split() == ["1", "False"], result.stderr[-2000:]
