"""The layout of the code: imports in one direction, private APIs fenced in one place.

These read Warta's source, so that a rule a reviewer would otherwise have to remember
fails the build instead: no import circle between Warta's modules (and no import inside
a function to hide one), and no use of a private API of Django, Wagtail, Jinja2,
markupsafe or psycopg outside warta.core.compat, the one module allowed them.
"""

from __future__ import annotations

import ast
import importlib
import inspect
from functools import cache
from pathlib import Path

import pytest

WARTA = Path(__file__).resolve().parents[2]
COMPAT = WARTA / "core" / "compat"
LIBRARIES = ("django", "wagtail", "jinja2", "markupsafe", "psycopg", "modelcluster", "taggit")
# Underscored names these libraries document for use: a model's options and state,
# Django's managers of last resort, and named tuples' methods.
DOCUMENTED = frozenset(
    {"_meta", "_state", "_base_manager", "_default_manager", "_asdict", "_fields", "_replace"}
)
# Modules the libraries keep to themselves.
INTERNAL_MODULES = (
    "django.db.models.sql",
    "django.db.backends",
    "django.core.handlers",
    "django.http.request",
    "jinja2.compiler",
    "wagtail.search.models",
    "wagtail.search.utils",
)


def source_files(*, tests: bool) -> list[Path]:
    files = []
    for path in sorted(WARTA.rglob("*.py")):
        parts = path.relative_to(WARTA).parts
        if "migrations" in parts or (not tests and "tests" in parts):
            continue
        files.append(path)
    return files


@cache
def tree(path: Path) -> ast.Module:
    return ast.parse(path.read_text(), filename=str(path))


def module_name(path: Path) -> str:
    parts = ("warta", *path.relative_to(WARTA).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported_modules(path: Path, node: ast.Import | ast.ImportFrom) -> list[str]:
    """The modules an import statement names, relative ones resolved."""
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    base = node.module or ""
    if node.level:
        package = module_name(path).split(".")
        if path.name != "__init__.py":
            package = package[:-1]
        package = package[: len(package) - node.level + 1]
        base = ".".join([*package, *([base] if base else [])])
    # `from package import module` names the module too.
    return [base, *(f"{base}.{alias.name}" for alias in node.names)]


def is_type_checking(node: ast.If) -> bool:
    return isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING"


def module_level_imports(path: Path) -> list[ast.Import | ast.ImportFrom]:
    found = []
    for node in tree(path).body:
        if isinstance(node, ast.Import | ast.ImportFrom):
            found.append(node)
        elif isinstance(node, ast.If) and not is_type_checking(node):
            found += [n for n in node.body if isinstance(n, ast.Import | ast.ImportFrom)]
    return found


def warta_modules() -> set[str]:
    return {module_name(path) for path in source_files(tests=True)}


def test_no_warta_module_is_imported_inside_a_function():
    """An import inside a function is how a circle is hidden. Two places may: the `warta`
    command, which sets Django up first, and an app's `ready()`, which Django calls once
    the models are loaded."""
    known = warta_modules()
    found = []
    for path in source_files(tests=False):
        top = set(map(id, module_level_imports(path)))
        top |= {  # for type checkers only: never run
            id(node)
            for block in tree(path).body
            if isinstance(block, ast.If) and is_type_checking(block)
            for node in block.body
        }
        for node in ast.walk(tree(path)):
            if not isinstance(node, ast.Import | ast.ImportFrom) or id(node) in top:
                continue
            names = [name for name in imported_modules(path, node) if name in known]
            allowed = path.name == "cli.py" or path.name == "apps.py"
            if names and not allowed:
                found.append(f"{path.relative_to(WARTA)}:{node.lineno} {names[0]}")
    assert found == []


def test_warta_modules_import_each_other_in_one_direction():
    """The graph of imports between Warta's modules has no cycle."""
    known = warta_modules()
    graph: dict[str, set[str]] = {}
    for path in source_files(tests=False):
        name = module_name(path)
        targets = set()
        for node in module_level_imports(path):
            targets |= {target for target in imported_modules(path, node) if target in known}
        # A package's __init__ is imported with its modules: not an edge of its own.
        graph[name] = {target for target in targets if not name.startswith(f"{target}.")}
    cycles = []
    state: dict[str, int] = {}

    def visit(node: str, trail: list[str]) -> None:
        state[node] = 1
        for target in sorted(graph.get(node, ())):
            if state.get(target) == 1:
                cycles.append(" -> ".join([*trail[trail.index(target) :], target]))
            elif target not in state:
                visit(target, [*trail, target])
        state[node] = 2

    for node in sorted(graph):
        if node not in state:
            visit(node, [node])
    assert cycles == []


def test_the_speed_machinery_of_the_news_does_not_import_its_models():
    """The page models import what makes them fast, never the other way round."""
    machinery = ["routing", "related", "cards", "reader_pages", "page_addresses"]
    machinery += ["restrictions", "pagination", "archive"]
    for name in machinery:
        path = WARTA / "news" / f"{name}.py"
        imported = {
            target for node in module_level_imports(path) for target in imported_modules(path, node)
        }
        assert not any(target.startswith("warta.news.models") for target in imported), name


def private_uses(path: Path) -> list[str]:
    """Where `path` uses an underscored name of a library, or a library's internal module."""
    module = tree(path)
    own = {
        node.name
        for node in ast.walk(module)
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef)
    }
    own |= {
        target.attr
        for node in ast.walk(module)
        if isinstance(node, ast.Assign | ast.AnnAssign | ast.AugAssign)
        for assigned in (node.targets if isinstance(node, ast.Assign) else [node.target])
        for target in (assigned.elts if isinstance(assigned, ast.Tuple) else [assigned])
        if isinstance(target, ast.Attribute)
    }
    uses = []
    for node in ast.walk(module):
        where = f"{path.relative_to(WARTA)}:{getattr(node, 'lineno', 0)}"
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith(LIBRARIES):
            if node.module.startswith(INTERNAL_MODULES) or "._" in f".{node.module}":
                uses.append(f"{where} {node.module}")
            uses += [f"{where} {alias.name}" for alias in node.names if is_private(alias.name)]
        elif isinstance(node, ast.Import):
            uses += [
                f"{where} {alias.name}"
                for alias in node.names
                if alias.name.startswith(INTERNAL_MODULES) or "._" in f".{alias.name}"
            ]
        elif (
            isinstance(node, ast.Attribute)
            and is_private(node.attr)
            and node.attr not in DOCUMENTED | own
        ):
            uses.append(f"{where} .{node.attr}")
    return uses


def is_private(name: str) -> bool:
    return name.startswith("_") and not name.startswith("__")


def test_private_apis_are_used_in_the_compatibility_module_only():
    found = []
    for path in source_files(tests=True):
        if not path.is_relative_to(COMPAT):
            found += private_uses(path)
    assert found == []


def test_no_class_outside_it_overrides_a_private_method_of_a_library():
    """A method named like a library base's private one replaces it: that is a use too."""
    found = []
    for path in source_files(tests=False):
        skipped = ("__main__.py", "wsgi.py", "cli.py")
        if path.is_relative_to(COMPAT) or path.name in skipped or "settings" in path.parts:
            continue
        module = None
        for node in ast.walk(tree(path)):
            if not isinstance(node, ast.ClassDef):
                continue
            defined = {
                member.name
                for member in node.body
                if isinstance(member, ast.FunctionDef | ast.AsyncFunctionDef)
            } | {
                target.id
                for member in node.body
                if isinstance(member, ast.Assign)
                for target in member.targets
                if isinstance(target, ast.Name)
            }
            private = sorted(name for name in defined if is_private(name))
            if not private:
                continue
            module = module or importlib.import_module(module_name(path))
            cls = getattr(module, node.name, None)
            if not inspect.isclass(cls):
                continue
            bases = [base for base in cls.__mro__[1:] if base.__module__.startswith(LIBRARIES)]
            found += [
                f"{cls.__module__}.{cls.__name__}.{name}"
                for name in private
                if any(hasattr(base, name) for base in bases)
            ]
    assert found == []


@pytest.mark.parametrize("path", [COMPAT / "__init__.py"])
def test_the_compatibility_module_names_every_shortcut(path, settings):
    described = path.read_text()
    for name in settings.SHORTCUT_NAMES:
        assert f"- {name} (" in described, name
