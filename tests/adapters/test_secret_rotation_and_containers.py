"""The shared readers of GOV-AWS-260/261 (ECS container definitions) and GOV-AWS-264
(Secrets Manager rotation intervals): what the rule fixtures do not reach."""

from __future__ import annotations

from govern.adapters.ecs_containers import JSON_KEYS, containers, decoded
from govern.adapters.reading import MISSING
from govern.adapters.secret_rotation import CRON, rotation_hours
from govern.model.unknown import PartialJson, Unknown


def test_a_rate_expression_wins_over_the_days() -> None:
    assert rotation_hours(30, "rate(1 day)") == 24
    assert rotation_hours(MISSING, "rate( 12 hours )") == 12
    assert rotation_hours("45", MISSING) == 45 * 24


def test_what_cannot_be_read_is_unknown() -> None:
    assert rotation_hours(MISSING, "cron(0 16 1 * ? *)") == Unknown(CRON)
    assert rotation_hours(None, None) == Unknown("the rotation rules give no interval")
    for days, expression in ((True, MISSING), ("often", MISSING), (MISSING, "rate(2 weeks)"),
                             (MISSING, 7)):
        assert isinstance(rotation_hours(days, expression), Unknown)


def test_container_definitions_that_are_not_a_list_of_objects() -> None:
    assert containers(decoded("{not json"), JSON_KEYS) == Unknown(
        "the container definitions are not JSON")
    assert containers(decoded('{"name": "app"}'), JSON_KEYS) == Unknown(
        "the container definitions are not a list")
    assert containers(["app"], JSON_KEYS) == [
        Unknown("a container definition is not an object")]
    assert containers([{"name": "app", "privileged": "yes"}], JSON_KEYS) == [
        {"name": "app", "privileged": Unknown("expected true or false"),
         "readonly_root_filesystem": False}]


def test_a_partly_known_jsonencode_keeps_its_known_parts() -> None:
    later = Unknown("known after apply")
    value = PartialJson([{"name": "app", "image": later, "privileged": True}, later])
    assert containers(decoded(value), JSON_KEYS) == [
        {"name": "app", "privileged": True, "readonly_root_filesystem": False}, later]
