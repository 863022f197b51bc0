"""The GitHub Action (`action.yml` and the scripts in `action/`), run locally.

`run_action` plays the composite action the way the runner does: each `run:` step of
action.yml in order, through `bash --noprofile --norc -eo pipefail`, with the environment
its `env:` block gives it (`${{ inputs.* }}` from the action's input defaults and the
test's inputs, `${{ steps.<id>.outputs.* }}` from the earlier steps' GITHUB_OUTPUT files),
a fresh GITHUB_OUTPUT and GITHUB_STEP_SUMMARY file per step, GITHUB_ACTION_PATH at this
checkout and the installed govern (this interpreter's bin directory) on PATH. The
`uses:` steps (setup-python, upload-sarif) are not run; the install step is tested on its
own with a stand-in Python. The action's outputs are then read as its `outputs:` map says.
"""

from __future__ import annotations

import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

import jsonschema
import pytest
import yaml

from tests.conftest import REPO

ACTION_YML = REPO / "action.yml"
SARIF_SCHEMA = REPO / "tests" / "data" / "sarif-schema-2.1.0.json"
INSECURE = REPO / "fixtures" / "examples" / "terraform-insecure"
CLEAN = REPO / "fixtures" / "examples" / "terraform-clean"
BIN = Path(sys.executable).parent
MIB = 1024 * 1024
EXPRESSION = re.compile(r"^\$\{\{ *(?:inputs\.([\w-]+)|steps\.([\w-]+)\.outputs\.([\w-]+))"
                        r" *\}\}$")
ANY_EXPRESSION = re.compile(r"\$\{\{(.*?)\}\}")
# https://docs.github.com/en/actions/creating-actions/metadata-syntax-for-github-actions#branding
BRANDING_COLORS = {"white", "black", "yellow", "blue", "green", "orange", "red", "purple",
                   "gray-dark"}
BRANDING_ICONS = {"shield", "check-circle", "alert-triangle", "lock", "search", "eye",
                  "check-square", "alert-octagon", "award", "cloud", "layers", "flag"}


def action() -> dict[str, Any]:
    with ACTION_YML.open(encoding="utf-8") as fh:
        doc = yaml.safe_load(fh)
    assert isinstance(doc, dict)
    return doc


@dataclass
class ActionRun:
    outputs: dict[str, str]            # the action's outputs
    step_outputs: dict[str, dict[str, str]]
    logs: dict[str, str] = field(default_factory=dict)       # stdout + stderr per step id
    summaries: dict[str, str] = field(default_factory=dict)  # job summary per step id
    codes: dict[str, int] = field(default_factory=dict)      # exit status per step id


def read_outputs(path: Path) -> dict[str, str]:
    pairs: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        name, sep, value = line.partition("=")
        assert sep, f"not name=value: {line!r}"
        pairs[name] = value
    return pairs


def evaluate(value: str, inputs: dict[str, str], steps: dict[str, dict[str, str]]) -> str:
    match = EXPRESSION.match(value)
    assert match, f"unsupported expression in an env value: {value!r}"
    input_name, step_id, output = match.groups()
    if input_name:
        return inputs[input_name]
    return steps.get(step_id, {}).get(output, "")


def runner_env(tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("GITHUB_", "INPUT_", "GOVERN_", "RUNNER_"))}
    env.update({"PATH": f"{BIN}{os.pathsep}{env.get('PATH', '')}", "NO_COLOR": "1",
                "GITHUB_ACTION_PATH": str(REPO), "GITHUB_ACTIONS": "true",
                "RUNNER_TEMP": str(tmp_path / "runner-temp")})
    (tmp_path / "runner-temp").mkdir(exist_ok=True)
    return env


def run_action(tmp_path: Path, workspace: Path, **given: str) -> ActionRun:
    doc = action()
    inputs = {name: str(spec.get("default", "")) for name, spec in doc["inputs"].items()}
    for key, value in given.items():
        name = key.replace("_", "-")
        assert name in inputs, f"no input {name}"
        inputs[name] = value
    env = runner_env(tmp_path)
    run = ActionRun(outputs={}, step_outputs={})
    for index, step in enumerate(doc["runs"]["steps"]):
        step_id = step.get("id", f"step{index}")
        if "run" not in step or step_id == "install":
            continue
        step_env = dict(env)
        step_env.update({name: evaluate(str(value), inputs, run.step_outputs)
                         for name, value in step.get("env", {}).items()})
        output = tmp_path / f"{step_id}.output"
        summary = tmp_path / f"{step_id}.summary"
        output.write_text("")
        summary.write_text("")
        step_env.update({"GITHUB_OUTPUT": str(output), "GITHUB_STEP_SUMMARY": str(summary)})
        assert step["shell"] == "bash"
        done = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c",
                               step["run"]], cwd=workspace, env=step_env,
                              capture_output=True, text=True, timeout=120)
        run.codes[step_id] = done.returncode
        run.logs[step_id] = done.stdout + done.stderr
        run.step_outputs[step_id] = read_outputs(output)
        run.summaries[step_id] = summary.read_text(encoding="utf-8")
        if done.returncode != 0:
            assert step_id == "finish", f"step {step_id} failed:\n{run.logs[step_id]}"
    run.outputs = {name: evaluate(spec["value"], inputs, run.step_outputs)
                   for name, spec in doc["outputs"].items()}
    return run


def workspace_with(tmp_path: Path, *trees: tuple[Path, str]) -> Path:
    workspace = tmp_path / "workspace"
    workspace.mkdir()
    for source, name in trees:
        shutil.copytree(source, workspace / name)
    return workspace


def finding_annotations(log: str) -> list[str]:
    return [line for line in log.splitlines()
            if line.startswith("::") and ",title=GOV-" in line]


@pytest.fixture(scope="module")
def sarif_validator() -> jsonschema.Draft4Validator:
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    return jsonschema.Draft4Validator(schema)


@pytest.fixture(scope="module")
def summary_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("govern_action_summary",
                                                  REPO / "action" / "summary.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# --- the action run end to end -----------------------------------------------------------

def test_findings_fail_the_job_after_sarif_summary_and_outputs(
        tmp_path: Path, sarif_validator: jsonschema.Draft4Validator) -> None:
    workspace = workspace_with(tmp_path, (INSECURE, "infra"))
    run = run_action(tmp_path, workspace)

    assert run.step_outputs["scan"]["exit-code"] == "1"
    assert run.step_outputs["scan"]["sarif-exists"] == "true"
    sarif = json.loads((workspace / "govern.sarif").read_text(encoding="utf-8"))
    errors = sorted(sarif_validator.iter_errors(sarif), key=str)
    assert not errors, errors[0]
    assert sarif["runs"][0]["results"]

    annotations = finding_annotations(run.logs["scan"])
    assert any(line.startswith("::error file=infra/aws.tf,line=") for line in annotations)
    results = len(sarif["runs"][0]["results"])
    # as GitHub shows them: at most 10 lines per level, the last saying how many more
    levels = [line.split(" ", 1)[0].split("::")[1] for line in run.logs["scan"].splitlines()
              if line.startswith("::")]
    assert all(levels.count(level) <= 10 for level in set(levels))
    more = [int(line.split("::")[2].split()[0]) for line in run.logs["scan"].splitlines()
            if line.startswith("::") and "title=govern::" in line and "more" in line]
    assert more and len(annotations) + sum(more) == results

    summary = run.summaries["summary"]  # and every finding in the summary
    assert summary.startswith(f"# govern: {results} findings\n")
    assert summary.endswith(f"**Gate failed** (exit 1: {results} blocking findings "
                            "at or above `low`).\n")
    assert len(summary.encode("utf-8")) < MIB

    assert run.outputs == {"sarif-file": "govern.sarif", "findings-count": str(results),
                           "blocking-count": str(results), "exit-code": "1"}
    assert run.codes["finish"] == 1
    assert "blocking findings (exit 1)" in run.logs["finish"]


def test_fail_on_category_paths_and_sarif_path(
        tmp_path: Path, sarif_validator: jsonschema.Draft4Validator) -> None:
    workspace = workspace_with(tmp_path, (INSECURE, "insecure"), (CLEAN, "clean"))
    run = run_action(tmp_path, workspace, paths="insecure\n  clean\n", fail_on="high",
                     category="govern/terraform", sarif_file="reports/govern.sarif")

    sarif = json.loads((workspace / "reports" / "govern.sarif").read_text(encoding="utf-8"))
    assert not list(sarif_validator.iter_errors(sarif))
    assert sarif["runs"][0]["automationDetails"]["id"] == "govern/terraform/"
    annotations = finding_annotations(run.logs["scan"])
    errors = [line for line in annotations if line.startswith("::error ")]
    assert 0 < len(errors) < len(annotations)  # fail-on high: medium and low do not block
    assert run.outputs == {"sarif-file": "reports/govern.sarif",
                           "findings-count": str(len(sarif["runs"][0]["results"])),
                           "blocking-count": str(len(errors)), "exit-code": "1"}
    assert "at or above `high`" in run.summaries["summary"]
    assert run.codes["finish"] == 1


def test_clean_fixture_passes(tmp_path: Path) -> None:
    workspace = workspace_with(tmp_path, (CLEAN, "infra"))
    run = run_action(tmp_path, workspace)
    assert run.outputs == {"sarif-file": "govern.sarif", "findings-count": "0",
                           "blocking-count": "0", "exit-code": "0"}
    assert finding_annotations(run.logs["scan"]) == []
    assert run.summaries["summary"].startswith("# govern: 0 findings\n")
    assert "**Gate passed** (exit 0" in run.summaries["summary"]
    assert run.codes["finish"] == 0


def test_soft_fail_lets_findings_pass(tmp_path: Path) -> None:
    workspace = workspace_with(tmp_path, (INSECURE, "infra"))
    run = run_action(tmp_path, workspace, soft_fail="true")
    assert run.outputs["exit-code"] == "1"
    assert run.step_outputs["scan"]["sarif-exists"] == "true"  # still uploaded
    assert "soft-fail is on, so the job does not fail" in run.summaries["summary"]
    assert run.codes["finish"] == 0


def test_soft_fail_never_masks_a_scan_error(
        tmp_path: Path, sarif_validator: jsonschema.Draft4Validator) -> None:
    workspace = workspace_with(tmp_path, (INSECURE, "infra"))
    (workspace / "broken").mkdir()
    (workspace / "broken" / "main.tf").write_text('resource "aws_s3_bucket" "b" {\n'
                                                  "  bucket =\n")
    run = run_action(tmp_path, workspace, soft_fail="true")
    assert run.outputs["exit-code"] == "3"
    assert "::error file=broken/main.tf,line=2,title=govern%3A parse-error::" \
        in run.logs["scan"]
    sarif = json.loads((workspace / "govern.sarif").read_text(encoding="utf-8"))
    assert not list(sarif_validator.iter_errors(sarif))
    notes = sarif["runs"][0]["invocations"][0]["toolExecutionNotifications"]
    assert notes[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] \
        == "broken/main.tf"
    assert "**govern stopped** (exit 3: scan error" in run.summaries["summary"]
    assert run.codes["finish"] == 3


def test_soft_fail_never_masks_an_internal_error(tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    # a bug in govern (planted at start-up) exits 3, and soft-fail does not turn it green
    planted = tmp_path / "planted"
    planted.mkdir()
    (planted / "sitecustomize.py").write_text(
        "import govern.scan\n"
        "def broken(*a, **k):\n"
        "    raise RuntimeError('planted bug')\n"
        "govern.scan.run_scan = broken\n", encoding="utf-8")
    monkeypatch.setenv("PYTHONPATH", f"{planted}{os.pathsep}{REPO}")
    workspace = workspace_with(tmp_path, (INSECURE, "infra"))
    run = run_action(tmp_path, workspace, soft_fail="true")
    assert run.outputs["exit-code"] == "3"
    assert "internal error in govern" in run.logs["scan"]
    assert "RuntimeError: planted bug; please report it with the output of --debug" \
        in run.logs["scan"]
    assert "**govern stopped** (exit 3: scan error" in run.summaries["summary"]
    assert run.codes["finish"] == 3


def test_soft_fail_never_masks_a_usage_error(tmp_path: Path) -> None:
    workspace = workspace_with(tmp_path, (INSECURE, "infra"))
    (workspace / "govern.sarif").write_text("stale")  # never uploaded as this run's
    run = run_action(tmp_path, workspace, soft_fail="true", fail_on="severe")
    assert run.outputs == {"sarif-file": "govern.sarif", "findings-count": "",
                           "blocking-count": "", "exit-code": "2"}
    assert run.step_outputs["scan"]["sarif-exists"] == "false"
    assert not (workspace / "govern.sarif").exists()
    assert "'severe' is not one of" in run.logs["scan"]
    assert run.summaries["summary"] == (
        "# govern: no report\n\n**govern stopped** (exit 2: usage or configuration error); "
        "see the log of the scan step.\n")
    assert run.codes["finish"] == 2


def test_annotations_and_job_summary_can_be_turned_off(tmp_path: Path) -> None:
    workspace = workspace_with(tmp_path, (INSECURE, "infra"))
    run = run_action(tmp_path, workspace, annotations="false", job_summary="false")
    assert "::error" not in run.logs["scan"]
    assert "GOV-AWS-005" in run.logs["scan"]  # the text report instead
    assert run.summaries["summary"] == ""
    assert run.outputs["findings-count"] != ""  # outputs are written all the same
    assert run.codes["finish"] == 1


def test_paths_that_look_like_options_are_paths(tmp_path: Path) -> None:
    workspace = workspace_with(tmp_path, (CLEAN, "--version"))
    run = run_action(tmp_path, workspace, paths="--version")
    assert run.outputs["exit-code"] == "0"
    assert run.outputs["findings-count"] == "0"


# --- the job summary ---------------------------------------------------------------------

def test_a_huge_report_is_cut_under_one_mib_with_a_note(tmp_path: Path) -> None:
    row = "| GOV-AWS-001 | `aws_s3_bucket.b` | `main.tf:1` | S3 bucket \u00e9 not encrypted |\n"
    markdown = tmp_path / "govern.md"
    markdown.write_text("# govern: 30000 findings\n\n" + row * 30000, encoding="utf-8")
    assert markdown.stat().st_size > 2 * MIB
    summary = tmp_path / "summary.md"
    output = tmp_path / "output"
    summary.write_text("")
    output.write_text("")
    env = runner_env(tmp_path)
    env.update({"GOVERN_EXIT_CODE": "1", "GOVERN_MARKDOWN": str(markdown),
                "GITHUB_STEP_SUMMARY": str(summary), "GITHUB_OUTPUT": str(output),
                "INPUT_SARIF_FILE": "govern.sarif"})
    subprocess.run([sys.executable, str(REPO / "action" / "summary.py")], env=env,
                   check=True, timeout=60)
    written = summary.read_bytes()
    assert len(written) < MIB
    text = written.decode("utf-8")  # cut on a line, never inside a character
    assert text.startswith("# govern: 30000 findings\n")
    kept = text.split("\n> [!NOTE]\n")[0]
    assert kept.endswith(row)
    assert "The report was cut to stay under GitHub's 1 MiB job summary limit" in text
    assert "`govern.sarif`" in text
    assert text.endswith("**Gate failed** (exit 1: blocking findings at or above `low`).\n")
    assert read_outputs(output) == {"findings-count": "", "blocking-count": ""}


def test_truncate_leaves_a_report_that_fits(summary_module: ModuleType) -> None:
    assert summary_module.truncate("# govern\n", 100, "x.sarif") == "# govern\n"
    cut = summary_module.truncate("é" * 3000, 5000, "x.sarif")  # one line, no newline
    assert cut.startswith("é" * 400)
    assert len(cut.encode("utf-8")) < 5000


def test_blocking_count_follows_the_gate(summary_module: ModuleType) -> None:
    report = {"findings": [
        {"status": "fail", "severity": "critical"},
        {"status": "fail", "severity": "low"},
        {"status": "unknown", "severity": "high"},
        {"status": "fail", "severity": "high", "suppression": {"kind": "inline"}},
    ]}
    assert summary_module.findings_count(report) == 2
    assert summary_module.blocking_count(report, "low", False) == 2
    assert summary_module.blocking_count(report, "high", False) == 1
    assert summary_module.blocking_count(report, "high", True) == 2
    assert summary_module.blocking_count(report, "none", True) == 0


# --- the last step -----------------------------------------------------------------------

@pytest.mark.parametrize(("code", "soft_fail", "expected"), [
    ("0", "false", 0), ("1", "false", 1), ("1", "true", 0), ("1", "True", 0),
    ("2", "true", 2), ("3", "true", 3), ("3", "false", 3), ("", "true", 1),
])
def test_finish_exit_code(tmp_path: Path, code: str, soft_fail: str, expected: int) -> None:
    env = runner_env(tmp_path)
    env.update({"GOVERN_EXIT_CODE": code, "INPUT_SOFT_FAIL": soft_fail})
    done = subprocess.run(["bash", str(REPO / "action" / "finish.sh")], env=env,
                          capture_output=True, text=True, timeout=30)
    assert done.returncode == expected, done.stdout


# --- the install step, with a stand-in Python --------------------------------------------

FAKE_PYTHON = """#!/usr/bin/env bash
# -m venv DIR: make DIR/bin/{python,govern}; -m pip ...: log the arguments
if [ "$1 $2" = "-m venv" ]; then
  mkdir -p "$3/bin" && cp "$0" "$3/bin/python"
  printf '#!/usr/bin/env bash\\necho "govern 0.1.0"\\n' > "$3/bin/govern"
  chmod +x "$3/bin/python" "$3/bin/govern"
else
  echo "$*" >> "$FAKE_PYTHON_LOG"
fi
"""


def run_install(tmp_path: Path, version: str) -> tuple[subprocess.CompletedProcess[str],
                                                       str, dict[str, str]]:
    fake = tmp_path / "fake-python"
    fake.write_text(FAKE_PYTHON)
    fake.chmod(0o755)
    log = tmp_path / "pip.log"
    log.write_text("")
    output = tmp_path / "install.output"
    output.write_text("")
    (step,) = [s for s in action()["runs"]["steps"] if s.get("id") == "install"]
    env = runner_env(tmp_path)
    env.update({"GOVERN_PYTHON": str(fake), "FAKE_PYTHON_LOG": str(log),
                "GITHUB_OUTPUT": str(output), "INPUT_GOVERN_VERSION": version})
    done = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c",
                           step["run"]], cwd=tmp_path, env=env, capture_output=True,
                          text=True, timeout=30)
    return done, log.read_text(), read_outputs(output)


def test_install_from_the_action_checkout_by_default(tmp_path: Path) -> None:
    done, pip, outputs = run_install(tmp_path, "")
    assert done.returncode == 0, done.stderr
    assert pip == f"-m pip install --quiet --disable-pip-version-check {REPO}\n"
    venv_bin = tmp_path / "runner-temp" / "govern-action-venv" / "bin"
    assert outputs == {"govern": f"{venv_bin}/govern", "python": f"{venv_bin}/python"}
    assert "govern 0.1.0" in done.stdout


def test_install_a_version_from_pypi(tmp_path: Path) -> None:
    done, pip, _ = run_install(tmp_path, "v0.2.0rc1")
    assert done.returncode == 0, done.stderr
    assert pip == "-m pip install --quiet --disable-pip-version-check govern-iac==0.2.0rc1\n"


@pytest.mark.parametrize("version", ["latest", "0.1; echo pwned", "--index-url=http://x",
                                     "0.1.0\n::set-output name=x::y"])
def test_install_rejects_a_version_that_is_not_one(tmp_path: Path, version: str) -> None:
    done, pip, outputs = run_install(tmp_path, version)
    assert done.returncode == 2
    assert pip == ""
    assert outputs == {}
    assert "pwned" not in done.stdout and "set-output" not in done.stdout


# --- action.yml against the action metadata rules ----------------------------------------

def test_action_metadata() -> None:
    doc = action()
    assert isinstance(doc["name"], str) and doc["name"]
    assert isinstance(doc["description"], str) and doc["description"]
    assert doc["runs"]["using"] == "composite"
    assert doc["branding"]["icon"] in BRANDING_ICONS
    assert doc["branding"]["color"] in BRANDING_COLORS
    assert set(doc["inputs"]) == {"paths", "config", "fail-on", "soft-fail", "sarif-file",
                                  "upload", "category", "annotations", "job-summary",
                                  "var-files", "check", "skip-check", "skip-path", "baseline",
                                  "waivers", "diff-base", "outputs", "govern-version",
                                  "python-version"}
    setup = next(s for s in doc["runs"]["steps"] if s.get("id") == "python")
    assert setup["with"]["update-environment"] is False  # the job's Python is not changed
    for name, spec in doc["inputs"].items():
        assert isinstance(spec.get("description"), str) and spec["description"], name
        assert isinstance(spec.get("default", ""), str), f"{name}: defaults are strings"
    assert doc["inputs"]["sarif-file"]["default"] == "govern.sarif"
    assert doc["inputs"]["python-version"]["default"] == "3.11"

    steps = doc["runs"]["steps"]
    ids = [s["id"] for s in steps if "id" in s]
    assert len(ids) == len(set(ids))
    for step in steps:
        assert ("run" in step) != ("uses" in step), step
        if "run" in step:
            assert step.get("shell"), f"step {step.get('name')} has run but no shell"
            assert "${{" not in step["run"], f"expression in run: {step['run']!r}"
        for value in step.get("env", {}).values():  # only plain references
            assert EXPRESSION.match(str(value)), value
        for expression in ANY_EXPRESSION.findall(yaml.safe_dump(step)):
            for ref in re.findall(r"steps\.([\w-]+)\.outputs", expression):
                assert ref in ids, f"no step with id {ref}"

    assert set(doc["outputs"]) == {"sarif-file", "findings-count", "blocking-count",
                                   "exit-code"}
    for name, spec in doc["outputs"].items():
        assert spec.get("description"), name
        match = EXPRESSION.match(spec["value"])
        assert match and match.group(2) in ids, f"output {name}: {spec['value']}"


def test_action_uploads_with_the_category_before_the_gate() -> None:
    steps = action()["runs"]["steps"]
    uses = [s.get("uses", "") for s in steps]
    upload = steps[uses.index("github/codeql-action/upload-sarif@v3")]
    assert upload["if"] == ("always() && inputs.upload == 'true' && "
                            "steps.scan.outputs.sarif-exists == 'true'")
    assert upload["with"] == {"sarif_file": "${{ steps.scan.outputs.sarif-file }}",
                              "category": "${{ inputs.category }}"}
    assert steps[0]["uses"] == "actions/setup-python@v5"
    assert steps[-1]["id"] == "finish"
    assert steps[-1]["if"] == "always()"
    assert [s.get("id") for s in steps[1:4]] == ["install", "scan", "summary"]


def test_the_documented_workflow_uses_the_action_with_its_permissions() -> None:
    text = (REPO / "docs" / "github-action.md").read_text(encoding="utf-8")
    blocks = [yaml.safe_load(b) for b in re.findall(r"```yaml\n(.*?)```", text, re.S)]
    workflow = blocks[0]
    assert workflow["permissions"] == {"contents": "read", "security-events": "write"}
    steps = workflow["jobs"]["govern"]["steps"]
    assert [s.get("uses") for s in steps[:2]] == ["actions/checkout@v4",
                                                  "govern-dev/govern@v0"]
    inputs = set(action()["inputs"])
    for block in blocks:
        for step in block.get("jobs", {}).get("govern", {}).get("steps", [block]):
            assert set(step.get("with", {})) <= inputs
