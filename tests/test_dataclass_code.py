"""The code `dataclasses` generates for govern's classes, kept between runs: the same
methods as without it, other packages' classes untouched, written only where Python
writes bytecode, and a damaged file is only a miss."""

from __future__ import annotations

import builtins
import dataclasses
import os
import subprocess
import sys
import types
from collections.abc import Iterator
from pathlib import Path

import pytest

from govern import dataclass_code

_CLASS = '''
from dataclasses import dataclass, field

@dataclass(frozen=True)
class Point:
    """A point."""
    x: int
    y: int = 0
    tags: tuple[str, ...] = field(default=())

@dataclass
class Box:
    """A box."""
    corner: Point
    items: list[int] = field(default_factory=list)
'''


def _module(name: str) -> types.ModuleType:
    """A module named `name` holding the classes above, created now."""
    module = types.ModuleType(name)
    sys.modules[name] = module
    try:
        exec(compile(_CLASS, f"<{name}>", "exec"), module.__dict__)
    finally:
        del sys.modules[name]
    return module


@pytest.fixture
def kept(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """The hook installed in this process with a directory of the test's own and nothing
    kept yet."""
    monkeypatch.setattr(dataclass_code, "_directory", lambda: tmp_path)
    monkeypatch.setattr(dataclass_code, "_kept", {})
    monkeypatch.setattr(dataclass_code, "_code", {})
    monkeypatch.setattr(dataclass_code, "_state", {"changed": False, "installed": True})
    monkeypatch.setattr(dataclasses, "exec", dataclass_code._exec, raising=False)
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    monkeypatch.setenv("GOVERN_CACHE_DIR", str(tmp_path / "cache"))
    yield tmp_path / dataclass_code._FILE_NAME


def _check(module: types.ModuleType) -> None:
    point = module.Point(1, tags=("a",))
    assert point == module.Point(1, 0, ("a",)) and point != module.Point(2)
    assert hash(point) == hash(module.Point(1, 0, ("a",)))
    assert repr(point) == "Point(x=1, y=0, tags=('a',))"
    with pytest.raises(dataclasses.FrozenInstanceError):
        point.x = 3
    box = module.Box(point)
    box.items.append(1)
    assert module.Box(point).items == []  # a fresh default per instance
    assert [f.name for f in dataclasses.fields(module.Box)] == ["corner", "items"]
    with pytest.raises(TypeError):
        module.Point()


def test_govern_classes_are_compiled_once_and_behave_the_same(kept: Path) -> None:
    first = _module("govern._kept_example")
    _check(first)
    assert dataclass_code._code and dataclass_code._state["changed"]
    dataclass_code._write()
    assert kept.read_bytes().startswith(dataclass_code._MAGIC)

    # a later process: the code comes from the file, nothing is compiled
    dataclass_code._code.clear()
    dataclass_code._kept.update(dataclass_code._read())
    dataclass_code._state["changed"] = False
    compiled: list[str] = []
    real_compile = builtins.compile

    def counting(source: object, *args: object, **kwargs: object) -> object:
        compiled.append(str(source))
        return real_compile(source, *args, **kwargs)  # type: ignore[call-overload]

    original = dataclass_code.__dict__.get("compile")
    dataclass_code.compile = counting  # type: ignore[attr-defined]
    try:
        second = _module("govern._kept_example")
    finally:
        if original is None:
            del dataclass_code.compile  # type: ignore[attr-defined]
    _check(second)
    assert compiled == []
    assert not dataclass_code._state["changed"]


def test_other_packages_classes_go_to_the_real_exec(kept: Path) -> None:
    _check(_module("someone_else.models"))
    _check(_module("governance.models"))  # a name that only starts like govern's
    assert dataclass_code._code == {}
    dataclass_code._write()
    assert not kept.exists()


def test_nothing_written_without_bytecode_or_with_the_cache_off(
        kept: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _module("govern._kept_example")
    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    dataclass_code._write()
    assert not kept.exists()
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    monkeypatch.setenv("GOVERN_CACHE_DIR", "off")
    dataclass_code._write()
    assert not kept.exists()
    monkeypatch.setenv("GOVERN_CACHE_DIR", "")
    dataclass_code._write()
    assert not kept.exists()


@pytest.mark.parametrize("content", [
    b"",
    b"not marshal at all",
    b"\x00\x00\x00\x00" + b"\xe3garbage",  # another interpreter's magic number
    "magic+garbage",
    "magic+list",
])
def test_a_damaged_file_is_only_a_miss(kept: Path, content: bytes | str) -> None:
    import marshal

    magic = dataclass_code._MAGIC
    named = {"magic+garbage": magic + b"\xff\x00garbage",
             "magic+list": magic + marshal.dumps([1, 2])}
    kept.write_bytes(named[content] if isinstance(content, str) else content)
    dataclass_code._kept.update(dataclass_code._read())
    assert dataclass_code._kept == {}
    _check(_module("govern._kept_example"))
    assert dataclass_code._code and dataclass_code._state["changed"]


def test_a_damaged_entry_is_compiled_again(kept: Path) -> None:
    import marshal

    _module("govern._kept_example")
    dataclass_code._write()
    texts = list(dataclass_code._code)
    kept.write_bytes(dataclass_code._MAGIC + marshal.dumps(
        {text: b"\xffbroken" for text in texts}))
    dataclass_code._code.clear()
    dataclass_code._kept.clear()
    dataclass_code._state["changed"] = False
    dataclass_code._kept.update(dataclass_code._read())
    assert set(dataclass_code._kept) == set(texts)
    _check(_module("govern._kept_example"))
    assert dataclass_code._state["changed"]  # compiled afresh, to be written again


def test_a_fresh_process_writes_beside_the_bytecode_and_reuses_it(tmp_path: Path) -> None:
    """With PYTHONPYCACHEPREFIX the file goes where Python puts govern's bytecode; the
    second process compiles nothing."""
    env = {**os.environ, "PYTHONPYCACHEPREFIX": str(tmp_path / "prefix"),
           "GOVERN_CACHE_DIR": str(tmp_path / "cache")}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    script = ("import govern.model.finding, govern.dataclass_code as d; "
              "print(d._state['changed'], len(d._code))")
    runs = [subprocess.run([sys.executable, "-c", script], env=env, capture_output=True,
                           text=True, check=True).stdout.split() for _ in range(2)]
    assert runs[0][0] == "True" and int(runs[0][1]) > 0
    assert runs[1] == ["False", runs[0][1]]
    assert list((tmp_path / "prefix").rglob(dataclass_code._FILE_NAME))
    env["GOVERN_CACHE_DIR"] = "off"
    off = subprocess.run([sys.executable, "-c", "import govern, dataclasses, builtins; "
                          "print(getattr(dataclasses, 'exec', builtins.exec) is builtins.exec)"],
                         env=env, capture_output=True, text=True, check=True).stdout
    assert off.strip() == "True"
