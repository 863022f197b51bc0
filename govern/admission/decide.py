"""The decision on one change: `allow`, `warn` or `deny`, with the reasons and errors.

deny: a mandatory rule fails on a resource the change touches (with `existing: warn`, only
one the change introduces: a failure the live resource already had only warns). warn:
only advisory failures, or unknowns (a value that cannot be known is not a failure).
allow: neither. Each reason says whether the change introduces it (`introduced`). The
change's inline suppressions and the configured waivers apply as in a scan: a suppressed
reason is listed with `suppressed` set and never denies or warns.
An error gives deny with `errors` when `on-error` is `fail-closed` (the default; exit 3),
allow with `errors` when `fail-open` (exit 0). An error is anything the decision could not
judge exactly: a change that is missing, over `max-file-size`, not valid UTF-8 (or holding
text that is not valid Unicode), not a plan or template, or that its parser reports an error
for, and a bad inventory. Nothing unread is ever allowed in silence. A directory is a usage
error: admission judges one plan or template file.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from govern.admission.identity import Identities
from govern.admission.merge import merge
from govern.admission.policy import DENY_EXISTING, FAIL_OPEN, MANDATORY, AdmissionPolicy
from govern.config import Config
from govern.engine.evaluate import evaluate_counted, relative
from govern.errors import ConfigError, UsageError
from govern.model.finding import Finding, Notice
from govern.model.graph import ResourceGraph
from govern.model.inventory import load_inventory
from govern.model.unknown import Undeclared
from govern.parsers.classify import classify_file
from govern.report.safe_text import clean_value
from govern.suppress.model import SuppressionRule

CHANGE_FORMATS = ("tfplan", "cloudformation", "arm")
# notices that leave a change judged on a guess (a warning in a scan, an error here)
_UNJUDGED = frozenset({"decode-fallback", "too-large", "binary", "skipped-too-large",
                       "skipped-binary", "empty-file", "skipped-special"})
EXIT_CODES = {"allow": 0, "warn": 0, "deny": 1}


@dataclass
class Decision:
    decision: str
    reasons: list[dict[str, Any]] = field(default_factory=list)
    errors: list[dict[str, Any]] = field(default_factory=list)
    context: dict[str, Any] = field(default_factory=dict)

    @property
    def exit_code(self) -> int:
        if self.errors and self.decision == "deny":
            return 3
        return EXIT_CODES[self.decision]

    def to_dict(self) -> dict[str, Any]:
        """The decision document; a lone surrogate in a name (a file name that is not
        UTF-8) is U+FFFD, so the document can be written as UTF-8."""
        return clean_value({"decision": self.decision, "reasons": self.reasons,
                            "errors": self.errors, "context": self.context})

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), indent=2, sort_keys=True) + "\n"


class Admitter:
    """Rules loaded, selected and bound once; `admit_*` may then be called many times (and
    from several threads: nothing here is changed by a decision)."""

    def __init__(self, config: Config, extra_rule_paths: tuple[str, ...] = ()) -> None:
        from govern.config.apply import (
            check_parameters,
            check_rule_ids,
            rule_parameters,
            select_rules,
            with_current_ids,
        )
        from govern.engine.rule_loader import default_rules_dir, load_rules

        self.config = config
        rules = load_rules([default_rules_dir(), *config.rule_paths, *extra_rule_paths])
        check_rule_ids(config, rules)
        config = self.config = with_current_ids(config, rules)
        self.policy = AdmissionPolicy.from_config(config.admission)
        self.rules = select_rules(config, rules)
        self.parameters = rule_parameters(config, self.rules)
        check_parameters(config, self.rules, self.parameters)
        self.metas = rules.metas()
        self.waivers = _waivers(config, rules.known_ids())

    def failure(self, errors: list[dict[str, Any]]) -> Decision:
        """The decision when the change or the inventory could not be read."""
        return Decision("allow" if self.policy.on_error == FAIL_OPEN else "deny",
                        errors=errors)

    def admit_file(self, path: str, inventory: str | None = None,
                   base_dir: str | None = None) -> Decision:
        """Judge the change in `path`, merged onto the inventory file when given."""
        live: ResourceGraph | None = None
        if inventory is not None:
            try:
                live = load_inventory(inventory)
            except ConfigError as exc:
                return self.failure([{"message": str(exc), "file": inventory}])
        return self.admit(path, live, base_dir or os.path.abspath(os.getcwd()))

    def admit_text(self, content: str, fmt: str, inventory: Any = None) -> Decision:
        """Judge a change given as text (`fmt` one of CHANGE_FORMATS), with an inventory
        document (the parsed JSON of an inventory file) when given. Locations name the
        change `change.json` or `change.yaml`."""
        name = "change.json" if _is_json(content) else "change.yaml"
        try:
            data = content.encode("utf-8")
        except UnicodeEncodeError as exc:
            return self.failure([{"message": f"{name}: the change holds text that is not "
                                  f"valid Unicode (a lone surrogate at character {exc.start})",
                                  "file": name}])
        with tempfile.TemporaryDirectory(prefix="govern-admit-") as tmp:
            path = os.path.join(tmp, name)
            with open(path, "wb") as handle:
                handle.write(data)
            live: ResourceGraph | None = None
            if inventory is not None:
                inventory_path = os.path.join(tmp, "inventory.json")
                with open(inventory_path, "w", encoding="utf-8") as handle:
                    json.dump(inventory, handle)
                try:
                    live = load_inventory(inventory_path)
                except ConfigError as exc:
                    message = str(exc).replace(inventory_path, "inventory")
                    return self.failure([{"message": message, "file": "inventory"}])
            found = classify_file(path)
            if found is not None and found != fmt:
                return self.failure([{"message": f"the change is {found}, not {fmt}",
                                      "file": name}])
            decision = self.admit(path, live, tmp)
            return decision

    def admit(self, path: str, live: ResourceGraph | None, base_dir: str) -> Decision:
        from govern.discover import discover
        from govern.scan import ScanOptions, build_graph

        shown = relative(path, base_dir)
        unread = self._unreadable(path, shown)
        if unread is not None:
            return self.failure([{"message": f"{shown}: {unread}", "file": shown}])
        identities = Identities.of(live if live is not None else ResourceGraph())
        options = ScanOptions(paths=(path,), config=self.config)
        built = build_graph(discover([path], max_file_size=self.config.max_file_size),
                            options, prepare=identities.prepare)
        errors = [{"message": n.message, "file": relative(n.file, base_dir) if n.file
                   else None, "line": n.line} for n in built.notices
                  if n.level == "error" or n.code in _UNJUDGED]
        if not errors and os.path.normpath(path) not in {os.path.normpath(f)
                                                         for f in built.files}:
            errors = [{"message": f"{shown}: the change could not be read", "file": shown}]
        if errors:
            return self.failure(errors)
        if live is None:
            graph, touched = built.graph, {r.id for r in built.graph}
        else:
            bare = None
            if identities.stub_natives:
                from govern.adapters.terraform import adapt_terraform

                adapted = adapt_terraform(identities.stub_natives)
                bare = ResourceGraph(adapted.resources, adapted.edges)
            merged = merge(live, built.graph, identities, bare)
            graph, touched = merged.graph, merged.touched
        failed: list[Notice] = []
        findings, _ = evaluate_counted(graph, self.rules, self.parameters, base_dir=base_dir,
                                       notices=failed)
        if failed:  # a check that could not be evaluated: the change is not judged
            return self.failure([{"message": n.message, "file": relative(n.file, base_dir)
                                  if n.file else None, "line": n.line} for n in failed])
        findings = self._suppressed(findings, built.files, base_dir)
        counted = [f for f in findings
                   if f.resource_id in touched and not _beyond_the_change(f, graph)]
        before = self._live_failures(live, touched, base_dir)
        reasons = [self._reason(f, graph, base_dir,
                                (f.rule_id, f.resource_id, f.status) not in before)
                   for f in counted]
        standing = [r for r in reasons if r["suppressed"] is None]
        if any(r["status"] == "fail" and r["enforcement"] == MANDATORY
               and (r["introduced"] or self.policy.existing == DENY_EXISTING)
               for r in standing):
            verdict = "deny"
        else:
            verdict = "warn" if standing else "allow"
        context: dict[str, Any] = {"resources": len(built.graph)}
        if live is not None:
            context["live_resources"] = len(live)
            context["touched"] = len(touched)
            context["findings_outside_change"] = len(findings) - len(counted)
        return Decision(verdict, reasons, [], context)

    def _unreadable(self, path: str, shown: str) -> str | None:
        """Why the change in `path` cannot be judged before it is parsed, or None. Raises
        UsageError for a directory."""
        if os.path.isdir(path):
            raise UsageError(f"{shown} is a directory: govern admit judges one change, a "
                             f"Terraform plan JSON (`terraform show -json PLANFILE`) or a "
                             f"CloudFormation or ARM template file")
        try:
            size = os.stat(path).st_size
        except OSError:
            return "no such file" if not os.path.lexists(path) else "cannot be read"
        if not os.path.isfile(path):
            return "not a regular file"
        limit = self.config.max_file_size
        if size > limit:
            return (f"the change is {size} bytes, over the {limit}-byte limit "
                    f"(max-file-size); not judged")
        kind = classify_file(path)
        if kind not in CHANGE_FORMATS:
            return "not a Terraform plan (JSON), CloudFormation or ARM template"
        return None

    def _suppressed(self, findings: list[Finding], files: set[str], base_dir: str
                    ) -> list[Finding]:
        """The findings with the change's inline suppressions and the configured waivers
        applied, as a scan applies them (a suppressed finding never denies)."""
        from govern.suppress.apply import apply_suppressions, under_current_ids
        from govern.suppress.inline import collect

        inline = collect(files, self.metas)
        marked, _ = apply_suppressions(
            findings, under_current_ids([*inline.rules, *self.waivers], self.metas),
            date.today(), base_dir, inline.invalid)
        return marked

    def _live_failures(self, live: ResourceGraph | None, touched: set[str],
                       base_dir: str) -> set[tuple[str, str, str]]:
        """(rule, resource, status) of what the touched live resources already had before
        the change."""
        if live is None:
            return set()
        findings, _ = evaluate_counted(live, self.rules, self.parameters, base_dir=base_dir)
        return {(f.rule_id, f.resource_id, f.status) for f in findings
                if f.resource_id in touched}

    def _reason(self, finding: Finding, graph: ResourceGraph, base_dir: str,
                introduced: bool) -> dict[str, Any]:
        resource = graph.get(finding.resource_id)
        arn = resource.arn if resource is not None else None
        if arn is None and finding.resource_id.startswith("arn:"):
            arn = finding.resource_id
        location = finding.location
        return {
            "rule": finding.rule_id, "severity": finding.severity,
            "category": finding.category, "status": finding.status,
            "enforcement": self.policy.classify(finding),
            "resource": finding.resource_address, "kind": finding.resource_kind, "arn": arn,
            "path": finding.path, "message": finding.message, "introduced": introduced,
            "suppressed": None if finding.suppression is None else {
                "source": finding.suppression.source,
                "justification": finding.suppression.justification},
            "location": None if location is None else {
                "file": relative(location.file, base_dir),
                "start_line": location.start_line, "end_line": location.end_line},
        }


def _waivers(config: Config, rule_ids: Sequence[str]) -> list[SuppressionRule]:
    """The waivers of the configuration's `waivers` key (ConfigError when invalid)."""
    if config.waivers is None:
        return []
    from govern.suppress.waivers import check_waiver_rules, load_waivers

    waivers = list(load_waivers(config.waivers))
    check_waiver_rules(waivers, rule_ids)
    return waivers


def _beyond_the_change(finding: Finding, graph: ResourceGraph) -> bool:
    """An unknown on a stand-in for a parent the change names but does not hold
    (`Resource.external`: a bucket policy on a bucket that is neither in the change nor in
    the inventory) that comes from what the change does not say of the parent (an
    `Undeclared` value): not the change's to judge, so it neither warns nor counts."""
    if finding.status != "unknown":
        return False
    resource = graph.get(finding.resource_id)
    return (resource is not None and resource.external
            and isinstance(resource.get(finding.path), Undeclared))


def _is_json(content: str) -> bool:
    try:
        json.loads(content)
    except (ValueError, RecursionError):
        return False
    return True
