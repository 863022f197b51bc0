"""The evaluation budget: one set of limits per scan, so that no input can hang govern or
exhaust its memory.

Templates are small programs: `count`/`for_each`, `for` expressions, locals and ARM
variables that double a value, module fan-out, ARM `copy` loops and `range()`, CloudFormation
`Fn::Cidr`. Every evaluator charges its work here; going over a limit raises
`BudgetExceeded`, which the parser turns into an `error` notice naming the resource or
file (the scan exits 3: the input could not be judged), while the rest of the scan goes on.

The limits (docs/configuration.md, "Evaluation limits"):

- `instances`: resource instances one block may expand to (`count`, `for_each`, `copy`),
  and module instances one `module` block may create;
- `total_instances`: resource and module instances in one scan unit, all blocks together;
- `value_size`: elements (list items, map entries) or characters of one value;
- `steps`: evaluation steps (function calls, expression nodes, loop iterations) in one
  scan unit;
- `nesting`: depth of nested arrays/objects/blocks/expressions in one document.

Budgets are per scan unit (a Terraform root module with its modules, one template, one
plan), taken with `unit_budget()`; code deep inside an evaluator reaches the current one with
`current()` without threading it through every signature.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from contextvars import ContextVar
from dataclasses import dataclass

from govern.errors import GovernError


@dataclass(frozen=True)
class Limits:
    instances: int = 10_000
    total_instances: int = 50_000
    value_size: int = 1_000_000
    steps: int = 5_000_000
    nesting: int = 256


DEFAULT_LIMITS = Limits()


class BudgetExceeded(GovernError):
    """An input needs more than the budget allows. `what` names the limit, `where` the
    resource, expression or file that went over it (as the evaluator knows it)."""

    def __init__(self, what: str, limit: int, where: str = "") -> None:
        self.what = what
        self.limit = limit
        self.where = where
        super().__init__(self.render())

    def render(self) -> str:
        place = f"{self.where}: " if self.where else ""
        return f"{place}{self.what} exceeds govern's evaluation limit of {self.limit:,}"

    hint = ("govern stopped evaluating this to stay bounded; the input could not be judged "
            "(docs/configuration.md, evaluation limits)")


class Budget:
    """The counters of one scan unit against `limits`."""

    def __init__(self, limits: Limits = DEFAULT_LIMITS) -> None:
        self.limits = limits
        self.steps = 0
        self.instances = 0
        self.depth = 0  # references being resolved, one inside the other (`nested`)
        # the size and height of values already measured (values.check_value), by id, each
        # with the value itself (so that its id is not reused while it is remembered)
        self.measured: dict[int, tuple[object, int, int]] = {}

    @property
    def exhausted(self) -> bool:
        """Whether a limit of the whole unit (steps, instances in all) is used up: nothing
        more of the unit can be evaluated."""
        return self.steps > self.limits.steps or self.instances > self.limits.total_instances

    @contextlib.contextmanager
    def nested(self, where: str = "") -> Iterator[None]:
        """One level deeper in a chain of references (a local naming a local naming ...),
        checked against `nesting`."""
        self.depth += 1
        try:
            self.nesting(self.depth, where)
            yield
        finally:
            self.depth -= 1

    def step(self, count: int = 1, where: str = "") -> None:
        """Charge `count` evaluation steps."""
        self.steps += count
        if self.steps > self.limits.steps:
            raise BudgetExceeded("evaluation", self.limits.steps, where)

    def expand(self, count: int, where: str = "") -> None:
        """Charge `count` instances of one block (resource, module or copy loop)."""
        if count > self.limits.instances:
            raise BudgetExceeded(f"{count:,} instances", self.limits.instances, where)
        self.instances += count
        if self.instances > self.limits.total_instances:
            raise BudgetExceeded("instances in all", self.limits.total_instances, where)

    def size(self, size: int, where: str = "") -> None:
        """Check the size (elements or characters) of one value about to be built."""
        if size > self.limits.value_size:
            raise BudgetExceeded(f"a value of {size:,} elements or characters",
                                 self.limits.value_size, where)

    def nesting(self, depth: int, where: str = "") -> None:
        """Check a nesting depth."""
        if depth > self.limits.nesting:
            raise BudgetExceeded(f"nesting deeper than {self.limits.nesting}",
                                 self.limits.nesting, where)


_CURRENT: ContextVar[Budget | None] = ContextVar("govern_budget", default=None)


def current() -> Budget:
    """The budget of the scan unit being evaluated (a fresh default one outside any)."""
    budget = _CURRENT.get()
    if budget is None:
        budget = Budget()
        _CURRENT.set(budget)
    return budget


@contextlib.contextmanager
def unit_budget(limits: Limits = DEFAULT_LIMITS) -> Iterator[Budget]:
    """A fresh budget for one scan unit, current while the block runs."""
    budget = Budget(limits)
    token = _CURRENT.set(budget)
    try:
        yield budget
    finally:
        _CURRENT.reset(token)
