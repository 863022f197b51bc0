"""One exit-code contract, in one place (govern/error_handler.py): every exception of every
command maps to its documented exit code and one line; --debug adds the traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from govern import __version__
from govern.cli import cli
from govern.error_handler import exit_code_for, message_for
from govern.errors import ConfigError, GovernError, RuleError, SourceError, UsageError
from tests.conftest import FIXTURES, REPO

INSECURE = str(FIXTURES / "examples" / "terraform-insecure")


def invoke(*args: str, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), env=env, catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def _raise(exc: BaseException):  # type: ignore[no-untyped-def]
    def raiser(*_args: object, **_kwargs: object) -> None:
        raise exc
    return raiser


@pytest.mark.parametrize(("exc", "code"), [
    (UsageError("x"), 2), (ConfigError("x"), 2), (RuleError("x"), 3),
    (SourceError("bad", "main.tf", 3), 3), (GovernError("x"), 3), (MemoryError(), 3),
    (RecursionError("maximum recursion depth exceeded"), 3), (ValueError("x"), 3),
    (KeyboardInterrupt(), 130),
])
def test_every_exception_has_its_exit_code(exc: BaseException, code: int) -> None:
    assert exit_code_for(exc) == code


def test_a_bug_in_run_scan_exits_3_with_one_line(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("govern.scan.run_scan", _raise(RuntimeError("boom\nsecond line")))
    code, out, err = invoke("scan", INSECURE)
    assert code == 3
    assert out == ""
    assert err == (f"internal error in govern {__version__}: RuntimeError: boom second line; "
                   "please report it with the output of --debug\n")


@pytest.mark.parametrize("how", ["option", "root-option", "env"])
def test_debug_shows_the_traceback(monkeypatch: pytest.MonkeyPatch, how: str) -> None:
    monkeypatch.setattr("govern.scan.run_scan", _raise(RuntimeError("boom")))
    args = {"option": ["scan", INSECURE, "--debug"], "root-option": ["--debug", "scan",
                                                                     INSECURE],
            "env": ["scan", INSECURE]}[how]
    code, _, err = invoke(*args, env={"GOVERN_DEBUG": "1"} if how == "env" else None)
    assert code == 3
    assert err.startswith("Traceback (most recent call last):")
    assert "RuntimeError: boom\n" in err
    assert err.endswith("please report it with the output of --debug\n")


@pytest.mark.parametrize(("exc", "code", "line"), [
    (UsageError("--var 'x': expected NAME=VALUE"), 2,
     "govern: error: --var 'x': expected NAME=VALUE\n"),
    (ConfigError(".govern.yaml:3: unknown key 'fail_on'"), 2,
     "govern: error: .govern.yaml:3: unknown key 'fail_on'\n"),
    (RuleError("rules/x.yaml:4: unknown operator"), 3,
     "govern: error: rules/x.yaml:4: unknown operator\n"),
    (MemoryError(), 3, "govern: error: out of memory; scan fewer files at a time or raise "
                       "the memory available to govern\n"),
    (KeyboardInterrupt(), 130, "govern: interrupted\n"),
])
def test_typed_errors_of_any_command(monkeypatch: pytest.MonkeyPatch, exc: BaseException,
                                     code: int, line: str) -> None:
    monkeypatch.setattr("govern.scan.run_scan", _raise(exc))
    assert invoke("scan", INSECURE) == (code, "", line)
    assert message_for(exc) + "\n" == line


def test_other_commands_share_the_handler(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("govern.engine.rule_loader.load_rules", _raise(KeyError("k")))
    code, _, err = invoke("rules", "list")
    assert code == 3
    assert err.startswith(f"internal error in govern {__version__}: KeyError: 'k';")


def test_unknown_output_format_is_a_usage_error_with_a_suggestion(tmp_path: Path) -> None:
    code, _, err = invoke("scan", INSECURE, "--output", f"sarf={tmp_path / 'x'}")
    assert code == 2
    assert err.startswith(f"govern: error: --output sarf={tmp_path / 'x'}: unknown format "
                          f"'sarf' (did you mean sarif={tmp_path / 'x'}? formats: text, ")
    assert list(tmp_path.iterdir()) == []


def test_a_file_name_with_an_equals_sign_is_still_a_file(tmp_path: Path) -> None:
    target = tmp_path / "a=b.sarif"
    code, _, _ = invoke("scan", INSECURE, "--format", "sarif", "--output", str(target))
    assert code == 1
    assert target.is_file()


def test_output_format_without_a_file(tmp_path: Path) -> None:
    code, _, err = invoke("scan", INSECURE, "--output", "sarif=")
    assert (code, err) == (2, "govern: error: --output sarif=: no file after '='; e.g. "
                              "--output sarif=govern.sarif\n")


def test_aws_without_the_extra_names_the_install_command(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "boto3", None)  # import boto3 -> ImportError
    code, _, err = invoke("scan", "--aws")
    assert (code, err) == (2, "govern: error: --aws reads live accounts with boto3, which "
                              "is not installed: pip install 'govern-iac[aws]'\n")


def test_admit_on_a_directory_says_it_takes_one_file(tmp_path: Path) -> None:
    code, out, err = invoke("admit", str(tmp_path))
    assert (code, out) == (2, "")
    assert err == (f"govern: error: {tmp_path} is a directory: govern admit judges one "
                   "change, a Terraform plan JSON or a CloudFormation or ARM template file "
                   "(to scan a directory, use govern scan)\n")


def _govern(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "govern", *args], capture_output=True,
                          text=True, timeout=120, env={**os.environ, **env}, cwd=REPO,
                          check=False)


def test_command_line_errors_never_exit_1() -> None:
    for args in (["scan", "--format", "nope"], ["scan", "--no-such-option"], ["nope"],
                 ["rules", "show"]):
        done = _govern(*args)
        assert done.returncode == 2, (args, done.stderr)
        assert "Traceback" not in done.stderr


def test_an_internal_error_in_a_real_process(tmp_path: Path) -> None:
    # a bug planted at start-up (sitecustomize) reaches the real entry point
    (tmp_path / "sitecustomize.py").write_text(
        "import govern.scan\n"
        "def broken(*a, **k):\n"
        "    raise ZeroDivisionError('division by zero')\n"
        "govern.scan.run_scan = broken\n", encoding="utf-8")
    done = _govern("scan", INSECURE, PYTHONPATH=f"{tmp_path}{os.pathsep}{REPO}")
    assert done.returncode == 3
    assert done.stderr == (f"internal error in govern {__version__}: ZeroDivisionError: "
                           "division by zero; please report it with the output of --debug\n")
    debug = _govern("scan", INSECURE, "--debug", PYTHONPATH=f"{tmp_path}{os.pathsep}{REPO}")
    assert debug.returncode == 3
    assert "Traceback (most recent call last):" in debug.stderr
