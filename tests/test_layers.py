"""The floors of the house: models ← core ← terminal front end ← CLI, proved on the import graph.

Every ``import`` in every module counts (top level, inside functions, under TYPE_CHECKING), and imports are followed
through selfcheck's own modules, so a core module cannot reach Rich through a re-export or a helper either.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src"

FRONT_END = ("selfcheck.terminal", "selfcheck.cli", "selfcheck.__main__")
"""Everything else is core: it returns data and never talks to a person."""
RENDERING = ("rich", "typer", "click", "selfcheck.terminal", "selfcheck.cli")
PARSING = ("typer", "click", "selfcheck.cli")


def _module_name(path: Path, root: Path) -> str:
    parts = list(path.relative_to(root).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _resolve(base: str, level: int, module: str | None, current: str, is_package: bool) -> str:
    if level == 0:
        return module or ""
    package = current if is_package else current.rpartition(".")[0]
    for _ in range(level - 1):
        package = package.rpartition(".")[0]
    return f"{package}.{module}" if module else package


def import_graph(root: Path) -> dict[str, set[str]]:
    """Module name → every module name it imports (``from a import b`` yields ``a.b`` when that is a module)."""
    files = {_module_name(p, root): p for p in root.rglob("*.py")}
    graph: dict[str, set[str]] = {}
    for name, path in files.items():
        targets: set[str] = set()
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                targets.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom):
                base = _resolve("", node.level, node.module, name, path.name == "__init__.py")
                targets.add(base)
                for alias in node.names:
                    if f"{base}.{alias.name}" in files:
                        targets.add(f"{base}.{alias.name}")
        # Importing a.b.c runs a/__init__ and a/b/__init__ too.
        for target in list(targets):
            parts = target.split(".")
            targets.update(".".join(parts[:i]) for i in range(1, len(parts)))
        graph[name] = {t for t in targets if t}
    return graph


def _within(name: str, prefixes: tuple[str, ...]) -> bool:
    return any(name == p or name.startswith(p + ".") for p in prefixes)


def violations(graph: dict[str, set[str]], layer: tuple[str, ...], banned: tuple[str, ...]) -> list[str]:
    """``module → … → banned`` for every module outside ``layer`` that reaches a banned module."""
    found = []
    for start in sorted(graph):
        if _within(start, layer):
            continue
        seen = {start: [start]}
        queue = [start]
        while queue:
            here = queue.pop()
            for target in sorted(graph.get(here, ())):
                if target in seen:
                    continue
                seen[target] = [*seen[here], target]
                if _within(target, banned):
                    found.append(" → ".join(seen[target]))
                    continue
                if target in graph:
                    queue.append(target)
    return found


def test_core_reaches_no_front_end() -> None:
    graph = import_graph(SRC)
    assert "selfcheck.records.report" in graph  # the walk found the package
    assert violations(graph, FRONT_END, RENDERING) == []


def test_only_the_cli_parses_command_lines() -> None:
    graph = import_graph(SRC)
    assert violations(graph, ("selfcheck.cli", "selfcheck.__main__"), PARSING) == []


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("from rich.text import Text\n", "selfcheck.core.mod → rich"),
        ("def f():\n    import rich.console\n", "selfcheck.core.mod → rich"),
        ("from selfcheck.core import helper\n", "selfcheck.core.mod → selfcheck.core.helper → rich"),
        ("from . import helper\n", "selfcheck.core.mod → selfcheck.core.helper → rich"),
        ("from selfcheck.terminal import views\n", "selfcheck.core.mod → selfcheck.terminal"),
    ],
)
def test_the_walk_catches_a_core_module_reaching_rich(tmp_path: Path, source: str, expected: str) -> None:
    pkg = tmp_path / "selfcheck"
    for folder in (pkg, pkg / "core", pkg / "terminal"):
        folder.mkdir()
        (folder / "__init__.py").write_text("")
    (pkg / "terminal" / "views.py").write_text("import rich\n")
    (pkg / "core" / "helper.py").write_text("from rich.table import Table\n")
    (pkg / "core" / "mod.py").write_text(source)
    found = violations(import_graph(tmp_path), FRONT_END, RENDERING)
    assert any(v.startswith(expected) for v in found), found


def test_the_readme_module_map_names_every_module() -> None:
    import re

    readme = (SRC.parent / "README.md").read_text(encoding="utf-8")
    block = readme[readme.index("```\nsrc/selfcheck/") : readme.index("`tests/test_layers.py` walks")]
    words = set(re.findall(r"[A-Za-z_]+", block))
    package = SRC / "selfcheck"
    missing = [
        str(path.relative_to(package))
        for path in sorted(package.rglob("*.py"))
        if path.stem not in ("__init__",) and path.stem not in words
    ]
    folders = [p.name for p in package.iterdir() if p.is_dir() and (p / "__init__.py").exists()]
    missing += [f"{name}/" for name in folders if f"{name}/" not in block]
    assert not missing, f"README's module map (Development) does not name: {', '.join(missing)}"
