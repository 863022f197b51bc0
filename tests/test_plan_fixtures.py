"""Plan JSON fixtures: every AWS rule has one, made by the real `terraform plan` from the
rule's Terraform fixture (scripts/gen_plan_fixtures.py), and the generated ones are current.

The scan of each plan fixture against its expectations is in tests/test_rule_fixtures.py.
"""

from __future__ import annotations

import importlib.util
import json
from types import ModuleType

import pytest

from govern.engine.expectations import read_expectations
from tests.conftest import FIXTURES, REPO


def _generator() -> ModuleType:
    path = REPO / "scripts" / "gen_plan_fixtures.py"
    spec = importlib.util.spec_from_file_location("gen_plan_fixtures", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


GEN = _generator()
SLUGS = GEN.aws_fixture_slugs()
GENERATED = [s for s in SLUGS if (FIXTURES / "rules" / s / "tfplan").is_dir()
             and GEN.is_generated(FIXTURES / "rules" / s / "tfplan")]


def test_every_aws_rule_has_a_plan_fixture() -> None:
    assert len(SLUGS) >= 60
    missing = [s for s in SLUGS if not (FIXTURES / "rules" / s / "tfplan" / "plan.json")
               .is_file()]
    assert missing == [], "run `python scripts/gen_plan_fixtures.py` (needs terraform)"


@pytest.mark.parametrize("slug", GENERATED)
def test_generated_plan_fixture_is_current(slug: str) -> None:
    """The planned `.tf` files are what the generator makes of the Terraform fixture today,
    and the expectations are theirs: a changed Terraform fixture needs a new plan."""
    plan_dir = FIXTURES / "rules" / slug / "tfplan"
    wanted = GEN.planned_files(FIXTURES / "rules" / slug / "terraform")
    planned = {p.name: p.read_text() for p in sorted(plan_dir.glob("*.tf"))}
    assert planned == wanted, f"run `python scripts/gen_plan_fixtures.py {slug}`"
    expected = [f"{e.kind}: {e.rule_id} {e.address}"
                for e in read_expectations(plan_dir, "terraform")]
    lines = (plan_dir / "expectations.txt").read_text().splitlines()
    assert lines == [GEN.GENERATED_HEADER, *expected]


@pytest.mark.parametrize("slug", GENERATED)
def test_generated_plan_is_a_real_terraform_plan(slug: str) -> None:
    plan = json.loads((FIXTURES / "rules" / slug / "tfplan" / "plan.json").read_text())
    assert plan["format_version"].startswith("1.")
    assert plan["terraform_version"]
    assert plan["configuration"]["provider_config"]["aws"]["full_name"] == \
        "registry.terraform.io/hashicorp/aws"
    assert plan["resource_changes"], "a plan of nothing"


def test_variables_without_value_become_values_known_after_apply() -> None:
    files = {"main.tf": 'variable "on" {\n  type = bool\n}\n\nvariable "named" {\n'
                        '  default = "x"\n}\n\ndata "aws_kms_key" "k" {\n  key_id = "a"\n}\n'
                        '\nresource "aws_sqs_queue" "q" {\n  sqs_managed_sse_enabled = '
                        'var.on\n  name = var.named\n  kms_master_key_id = data.aws_kms_key'
                        '.k.arn\n}\n'}
    text = GEN.transform(files, set())["main.tf"]
    assert 'variable "on"' not in text and 'variable "named"' in text
    assert "sqs_managed_sse_enabled = local.on" in text and "name = var.named" in text
    assert "  depends_on = [terraform_data.govern_after_apply]" in text
    assert "on = jsondecode(terraform_data.govern_after_apply.id)" in text
    assert GEN.transform(files, {"on"})["main.tf"].count("local.") == 0
