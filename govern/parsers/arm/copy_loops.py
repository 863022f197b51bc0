"""`copy` loops: on resources (`"copy": {"name", "count"}`), on properties and variables
(`"copy": [{"name", "count", "input"}]`).

A count must be a known integer from 0 to 800 (ARM's limit); every instance of a loop,
nested loops multiplied, counts against the budget's `instances` and `total_instances`.
A resource loop whose count is not known statically gives one instance (its
`copyIndex()` Unknown) and a note; a property or variable loop whose count is not known
gives an Unknown array. Inside a loop,
`copyIndex('name')` is the loop's index and, in a resource loop, `copyIndex()` too.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from govern.model.resource import Path
from govern.model.source import SourceRange
from govern.model.unknown import Unknown
from govern.parsers.json_positions import JNode

if TYPE_CHECKING:
    from govern.parsers.arm.evaluator import Env, Evaluator, Locations

MAX_COPY = 800


def property_copies(ev: Evaluator, loops: JNode, env: Env, path: Path,
                    locations: Locations | None, result: dict[str, Any]) -> None:
    """A `copy` array inside an object: each `{name, count, input}` makes the property
    `name` an array of `count` evaluated `input`s."""
    for loop in loops.elements:
        name_node = loop.get("name")
        if loop.kind != "object" or name_node is None or name_node.kind != "string":
            ev.warn("a property copy loop needs a name, a count and an input",
                    "eval-error", loop.line)
            continue
        name = name_node.value
        result[name] = copy_array(ev, loop, env, (*path, name), locations)


def copy_array(ev: Evaluator, loop: JNode, env: Env, path: Path,
               locations: Locations | None) -> Any:
    """The array a `{name, count, input}` loop makes."""
    name_node = loop.get("name")
    name = name_node.value if name_node is not None else ""
    if locations is not None:
        locations[path] = SourceRange(ev.file, loop.line, loop.end_line)
    count = copy_count(ev, loop, env, f"copy loop '{name}'")
    input_node = loop.get("input")
    if isinstance(count, Unknown) or input_node is None:
        return count if isinstance(count, Unknown) else []
    ev.budget.expand(count, f"copy loop '{name}' at line {loop.line}")
    return [ev.tree(input_node, env.with_copy(name, index), (*path, index), locations)
            for index in range(count)]


def copy_count(ev: Evaluator, loop: JNode, env: Env, what: str) -> int | Unknown:
    """The evaluated `count` of a copy loop (0..800), or Unknown."""
    count_node = loop.get("count")
    if count_node is None:
        ev.warn(f"{what} has no count", "eval-error", loop.line)
        return 0
    count = ev.tree(count_node, env)
    if isinstance(count, Unknown):
        return Unknown(f"the count of {what} is not known statically ({count.reason})")
    if isinstance(count, float) and count.is_integer():
        count = int(count)
    if isinstance(count, bool) or not isinstance(count, int) or count < 0:
        ev.warn(f"the count of {what} is not a non-negative integer ({count!r})",
                "eval-error", count_node.line)
        return Unknown(f"the count of {what} is not valid")
    if count > MAX_COPY:
        ev.warn(f"the count of {what} is {count}, over ARM's limit of {MAX_COPY}",
                "eval-error", count_node.line)
        return Unknown(f"the count of {what} is over ARM's limit")
    return count


def resource_copies(ev: Evaluator, node: JNode, env: Env, what: str
                    ) -> Iterator[tuple[int | None, Env, str | None]]:
    """(index, environment, loop name) of each instance of a resource declaration."""
    loop = node.get("copy")
    if loop is None:
        loop = next((child for key, _, child in node.members if key.lower() == "copy"), None)
    if loop is None or loop.kind != "object":
        ev.budget.expand(1, ev.resource)
        yield None, env, None
        return
    loop_name_node = loop.get("name")
    loop_name = loop_name_node.value if loop_name_node is not None and (
        loop_name_node.kind == "string") else ""
    count = copy_count(ev, loop, env, f"copy loop '{loop_name}'")
    if isinstance(count, Unknown):
        ev.note(f"{what}: {count.reason}; scanned as one instance", "unknown-expansion",
                loop.line)
        yield None, env.with_copy(loop_name, Unknown(count.reason), resource_loop=True), (
            loop_name)
        return
    ev.budget.expand(count, f"copy loop '{loop_name}' at line {loop.line}")
    for index in range(count):
        yield index, env.with_copy(loop_name, index, resource_loop=True), loop_name

