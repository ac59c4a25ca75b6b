"""Every module imports only from the layers below it (docs/architecture.md, "Allowed
imports"): the table here is the one the document shows, and a new upward import fails,
also one written inside a function (where loops used to hide)."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# area -> the areas it may import (besides itself). Areas are top-level packages, or
# desktop's first-level modules and subpackages.
BASE = {"core"}
DESK_BASE = BASE | {"desktop", "desktop.paths", "desktop.atomic_file", "desktop.formatting"}
ALLOWED: dict[str, set[str]] = {
    "core": set(),
    "server": BASE,
    "desktop": BASE,  # desktop/__init__.py: the version only
    "desktop.paths": BASE,
    "desktop.atomic_file": set(),
    "desktop.formatting": BASE,
    "desktop.settings": DESK_BASE,
    "desktop.i18n": DESK_BASE,
    "desktop.tasks": DESK_BASE,
    "desktop.demo_note": DESK_BASE,
    "desktop.credentials": DESK_BASE,
    "desktop.store": DESK_BASE | {"desktop.credentials"},
    "desktop.letters": DESK_BASE,
    "desktop.reports": DESK_BASE | {"desktop.store", "desktop.letters", "desktop.printing"},
    "desktop.sync": DESK_BASE | {"desktop.store", "desktop.credentials"},
    "desktop.printing": DESK_BASE | {"desktop.store", "desktop.letters", "desktop.sync"},
    "desktop.workflow": DESK_BASE | {"desktop.store", "desktop.sync"},
    "desktop.intake": DESK_BASE | {"desktop.store", "desktop.letters", "desktop.printing",
                                   "desktop.sync", "desktop.workflow"},
    "desktop.demo": DESK_BASE | {"desktop.store", "desktop.sync", "desktop.credentials",
                                 "server"},
    "desktop.commands": DESK_BASE | {"desktop.store", "desktop.letters", "desktop.reports",
                                     "desktop.sync", "desktop.printing", "desktop.intake",
                                     "desktop.workflow", "desktop.credentials",
                                     "desktop.demo_note", "desktop.settings"},
    "desktop.cli": DESK_BASE | {"desktop.commands"},
    "desktop.__main__": DESK_BASE | {"desktop.cli"},
    "desktop.forms": {"desktop.views"},  # uic output names our promoted widgets
    "desktop.views": DESK_BASE | {"desktop.store", "desktop.letters", "desktop.reports",
                                  "desktop.sync", "desktop.printing", "desktop.intake",
                                  "desktop.workflow", "desktop.credentials", "desktop.forms",
                                  "desktop.settings", "desktop.i18n", "desktop.tasks"},
    # The documentation's screenshot scenes start the whole desk: the top of the house.
    "desktop.screenshots": DESK_BASE | {"desktop.app", "desktop.views", "desktop.store",
                                        "desktop.letters", "desktop.sync", "desktop.printing",
                                        "desktop.intake", "desktop.workflow", "desktop.tasks",
                                        "desktop.credentials", "desktop.settings",
                                        "desktop.i18n", "desktop.reports", "desktop.demo",
                                        "server"},
    "desktop.app": DESK_BASE | {"desktop.views", "desktop.store", "desktop.settings",
                                "desktop.i18n", "desktop.tasks", "desktop.demo",
                                "desktop.sync", "desktop.credentials"},
}
PACKAGES = ("core", "desktop", "server")


def area(module: str) -> str:
    parts = module.split(".")
    return parts[0] if parts[0] != "desktop" or len(parts) == 1 else f"desktop.{parts[1]}"


def imports(path: Path, module: str) -> list[tuple[int, str]]:
    """(line, module) of every import of ours in ``path``, at any depth of the file."""
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    package = package.removesuffix(".__init__")
    found: list[tuple[int, str]] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                name = ".".join(base + ([node.module] if node.module else []))
            else:
                name = node.module or ""
            found.append((node.lineno, name))
    return [(line, name) for line, name in found if name.split(".")[0] in PACKAGES]


def violations_in(path: Path, module: str) -> list[str]:
    """Imports of ``path`` (the module ``module``) its area may not make."""
    source = area(module.removesuffix(".__init__"))
    allowed = ALLOWED.get(source)
    if allowed is None:
        return [f"{module}: area {source} is not in the table"]
    return [f"{module}:{line}: {source} -> {name}" for line, name in imports(path, module)
            if area(name) != source and area(name) not in allowed]


def violations() -> list[str]:
    found = []
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            module = ".".join(path.relative_to(ROOT).with_suffix("").parts)
            found += violations_in(path, module)
    return found


def test_no_upward_import() -> None:
    assert violations() == []


def test_the_scan_sees_an_import_inside_a_function(tmp_path: Path) -> None:
    probe = tmp_path / "probe.py"
    probe.write_text("def f():\n    from desktop.views import main_window\n"
                     "from . import clock\n", encoding="utf-8")
    assert violations_in(probe, "core.probe") == ["core.probe:2: core -> desktop.views"]
    assert violations_in(probe, "desktop.store.probe") == [
        "desktop.store.probe:2: desktop.store -> desktop.views"]


def test_the_document_shows_this_table() -> None:
    text = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    for source, allowed in ALLOWED.items():
        row = f"| `{source}` | " + (", ".join(f"`{a}`" for a in sorted(allowed)) or "—") + " |"
        assert row in text, row
