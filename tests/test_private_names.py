"""A guard: tui/ uses no private name of another library (Textual, Rich, tomlkit, argparse,
httpx, sqlite3, ...), which any release may rename or remove, except the few on ALLOWED.

Read with `ast`, not run. Flagged:
- an import of a private name or module: `from tomlkit import _x`, `from textual._compositor
  import X`, `import textual._compositor`;
- a private attribute of an imported module: `argparse._SubParsersAction`;
- a private attribute of any other object, `x._name` (or `getattr(x, "_name")`), unless tui/
  itself defines `_name` as an attribute (a method, a class attribute or `self._name`):
  whose object it is cannot be told without running the code, and a name Byline does not define
  is another library's."""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "tui"
OWN = "tui"

# (file, name): why it is needed. Only Textual internals, each behind one guarded function
# (tests/ui/test_textual_internals.py fails, naming Textual's version, when they change).
ALLOWED = {
    # Composes and mounts an installed screen without showing it (what push_screen calls).
    ("tui/widgets/textual_internals.py", "_get_screen"): "build_screen_ahead",
    # Lays out a screen that is not shown; Textual's update timer does so only for the current one.
    ("tui/widgets/textual_internals.py", "_refresh_layout"): "build_screen_ahead",
    # Whether a screen's widgets asked for another layout; cleared as the timer clears it.
    ("tui/widgets/textual_internals.py", "_layout_required"): "build_screen_ahead",
}

# Public despite the underscore: documented as the library's API, not internals.
DOCUMENTED = {
    ("os", "_exit"),  # "Exit the process ... without calling cleanup handlers" (os docs)
}


@dataclass(frozen=True)
class Use:
    path: str
    line: int
    name: str
    how: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.name} ({self.how})"


def is_private(name: str) -> bool:
    return name.startswith("_") and not name.startswith("__") and name != "_"


def is_own(module: str | None, level: int = 0) -> bool:
    return level > 0 or (module or "").split(".")[0] == OWN


def defined_names(tree: ast.AST) -> set[str]:
    """The private attribute names a module defines: in a class body (methods, nested classes,
    class attributes), or set on `self` or `cls`. Module-level names are left out: a function
    `_body` of Byline's own must not hide tomlkit's `container._body`."""
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ClassDef):
            for statement in node.body:
                if isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                    names.add(statement.name)
                elif isinstance(statement, (ast.Assign, ast.AnnAssign)):
                    targets = statement.targets if isinstance(statement, ast.Assign) \
                        else [statement.target]
                    names.update(t.id for t in targets if isinstance(t, ast.Name))
        elif isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Store) and \
                isinstance(node.value, ast.Name) and node.value.id in ("self", "cls"):
            names.add(node.attr)
    return {name for name in names if is_private(name)}


def imported_names(tree: ast.AST) -> tuple[set[str], set[str]]:
    """Local names bound by imports: (other libraries' modules, Byline's own names)."""
    modules: set[str] = set()
    own: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                local = alias.asname or alias.name.split(".")[0]
                (own if is_own(alias.name) else modules).add(local)
        elif isinstance(node, ast.ImportFrom) and is_own(node.module, node.level):
            own.update(alias.asname or alias.name for alias in node.names)
    return modules, own


def private_uses(source: str, path: str, defined: set[str]) -> list[Use]:
    """Another library's private names used in one module of tui/ (`defined`: those tui/
    defines itself)."""
    tree = ast.parse(source)
    modules, own = imported_names(tree)
    uses: list[Use] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and not is_own(node.module, node.level):
            module = node.module or ""
            if any(is_private(part) for part in module.split(".")):
                uses.append(Use(path, node.lineno, module, "a private module"))
            uses += [Use(path, node.lineno, alias.name, f"imported from {module}")
                     for alias in node.names if is_private(alias.name)]
        elif isinstance(node, ast.Import):
            uses += [Use(path, node.lineno, alias.name, "a private module")
                     for alias in node.names if not is_own(alias.name)
                     and any(is_private(part) for part in alias.name.split("."))]
        elif isinstance(node, ast.Attribute) and is_private(node.attr):
            if isinstance(node.value, ast.Name) and node.value.id in modules:
                if (node.value.id, node.attr) in DOCUMENTED:
                    continue
                uses.append(Use(path, node.lineno, node.attr, f"of the module {node.value.id}"))
            elif isinstance(node.value, ast.Name) and node.value.id in own:
                continue  # Byline's own module or class: `store_module._helper`
            elif node.attr not in defined:
                uses.append(Use(path, node.lineno, node.attr, "an attribute tui/ never defines"))
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and \
                node.func.id in ("getattr", "setattr", "hasattr", "delattr") and \
                len(node.args) > 1 and isinstance(node.args[1], ast.Constant) and \
                isinstance(node.args[1].value, str) and is_private(node.args[1].value) and \
                node.args[1].value not in defined:
            uses.append(Use(path, node.lineno, node.args[1].value,
                            f"through {node.func.id}, an attribute tui/ never defines"))
    return uses


def sources() -> dict[str, str]:
    return {path.relative_to(ROOT).as_posix(): path.read_text("utf-8")
            for path in sorted(PACKAGE.rglob("*.py"))}


def own_definitions(texts: dict[str, str]) -> set[str]:
    names: set[str] = set()
    for text in texts.values():
        names |= defined_names(ast.parse(text))
    return names


def test_tui_uses_no_private_name_of_another_library() -> None:
    texts = sources()
    defined = own_definitions(texts)
    uses = [use for path, text in texts.items() for use in private_uses(text, path, defined)]
    unexpected = [str(use) for use in uses if (use.path, use.name) not in ALLOWED]
    assert not unexpected, "private names of other libraries (use their public API, or wrap " \
        "the internal in one guarded function and add it to ALLOWED):\n" + "\n".join(unexpected)
    stale = set(ALLOWED) - {(use.path, use.name) for use in uses}
    assert not stale, f"ALLOWED names what tui/ no longer uses: {sorted(stale)}"


# -- the scanner itself, on small snippets -------------------------------------------------------


@pytest.fixture(scope="module")
def defined() -> set[str]:
    """What tui/ defines now: the snippets below must be caught with it."""
    return own_definitions(sources())


CAUGHT = {
    "tomlkit": ("def tag(table):\n    table.value._insert_after('url', 'tags', [])\n",
                "_insert_after"),
    "tomlkit-map": ("def keys(doc):\n    return doc._body, doc.container._map\n", "_body"),
    "argparse-actions": ("def walk(parser):\n    return list(parser._actions)\n", "_actions"),
    "argparse-module": ("import argparse\nKIND = argparse._SubParsersAction\n",
                        "_SubParsersAction"),
    "module-alias": ("import argparse as ap\nKIND = ap._SubParsersAction\n", "_SubParsersAction"),
    "textual-cache": ("def base(widget):\n    return widget._rich_style_cache.get(('x',))\n",
                      "_rich_style_cache"),
    "self-inherited": ("class W(Widget):\n    def f(self):\n        self._refresh_scrollbars()\n",
                       "_refresh_scrollbars"),
    "subscript-store": ("def f(w):\n    w._rich_style_cache['k'] = 1\n", "_rich_style_cache"),
    "attribute-store": ("def f(s):\n    s._layout_required = False\n", "_layout_required"),
    "from-import": ("from textual.app import _get_screen_name\n", "_get_screen_name"),
    "private-module": ("from textual._compositor import Compositor\n", "textual._compositor"),
    "import-module": ("import rich._loop\n", "rich._loop"),
    "getattr": ("def f(p):\n    return getattr(p, '_actions')\n", "_actions"),
    # A module-level function of the same name does not hide the library's attribute.
    "same-name": ("def _body(t):\n    return t\n\ndef f(c):\n    return c._body.insert\n", "_body"),
}


@pytest.mark.parametrize("case", sorted(CAUGHT))
def test_the_scanner_catches(case: str, defined: set[str]) -> None:
    source, name = CAUGHT[case]
    assert name not in defined  # else tui/ would hide it by defining the same name
    assert name in {use.name for use in private_uses(source, "snippet.py", defined)}


PASSED = {
    "own-attribute": "class A:\n    def __init__(self):\n        self._x = 1\n"
                     "    def f(self, other):\n        return self._x + other._x\n",
    "own-function": "def _helper():\n    pass\nimport tui.x as m\nm._helper()\n",
    "own-module": "from tui.widgets import _private\nfrom ._here import _y\n",
    "dunder": "def f(x):\n    return x.__class__, x.__dict__\n",
    "public": "import argparse\nparser = argparse.ArgumentParser()\nparser.add_argument('x')\n",
    "class-attribute": "class A:\n    _cache: dict = {}\n\ndef f(a):\n    return a._cache\n",
}


@pytest.mark.parametrize("case", sorted(PASSED))
def test_the_scanner_passes(case: str) -> None:
    source = PASSED[case]
    tree = ast.parse(source)
    assert private_uses(source, "snippet.py", defined_names(tree)) == []
