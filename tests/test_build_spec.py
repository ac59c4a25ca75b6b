"""build.spec, read without PyInstaller: what the workstation folder will hold.

The spec runs here against stand-ins for PyInstaller's classes and hooks that record what
they are given, so a resource, migration or launcher that would go missing from the frozen
desk fails this fast test instead of an officer's start-up. (scripts/build-desk makes and
smoke-tests the real folder.)
"""

from __future__ import annotations

import re
import sys
import tomllib
import types
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent


class _Recorder:
    made: list[_Recorder]
    kind: str

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self.args, self.kwargs = args, kwargs
        self.made.append(self)


def _run_spec(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, platform: str) -> dict:
    made: list[_Recorder] = []

    def kind(name: str) -> type:
        return type(name, (_Recorder,), {"made": made, "kind": name})

    class Analysis(kind("Analysis")):  # type: ignore[misc]
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self.datas = [(dest, src, "DATA") for src, dest in kwargs["datas"]]
            # What PyInstaller itself would add: kept, dropped, and a link to a dropped file.
            self.datas += [("PySide6/Qt/translations/qtbase_de.qm", "x", "DATA"),
                           ("libQt6Quick.so.6", "PySide6/Qt/lib/libQt6Quick.so.6", "SYMLINK"),
                           ("libQt6Pdf.so.6", "PySide6/Qt/lib/libQt6Pdf.so.6", "SYMLINK")]
            self.binaries = [
                ("PySide6/Qt/lib/libQt6Pdf.so.6", "x", "BINARY"),
                ("PySide6/Qt/lib/libQt6Quick.so.6", "x", "BINARY"),
                ("PySide6/Qt/plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so",
                 "x", "BINARY"),
                ("PySide6/Qt/plugins/platforms/libqoffscreen.so", "x", "BINARY"),
            ]
            self.pure, self.scripts = [], []

    hooks = types.ModuleType("PyInstaller.utils.hooks")
    hooks.collect_data_files = lambda package, includes=(): [("holidays-mo", "holidays/locale")]
    hooks.collect_submodules = lambda package, filter=None: [  # noqa: A006
        name for name in ("desktop.cli", "desktop.commands.seed", "desktop.store.migrations.env")
        if filter is None or filter(name)]
    hooks.copy_metadata = lambda name: [(f"{name}.dist-info", f"{name}.dist-info")]
    for name in ("PyInstaller", "PyInstaller.utils"):
        monkeypatch.setitem(sys.modules, name, types.ModuleType(name))
    monkeypatch.setitem(sys.modules, "PyInstaller.utils.hooks", hooks)
    monkeypatch.setattr(sys, "platform", platform)
    namespace: dict[str, Any] = {
        "SPECPATH": str(ROOT), "workpath": str(tmp_path), "Analysis": Analysis,
        "PYZ": kind("PYZ"), "EXE": kind("EXE"), "COLLECT": kind("COLLECT"),
    }
    exec(compile((ROOT / "build.spec").read_text(encoding="utf-8"), "build.spec", "exec"),
         namespace)
    namespace["made"] = made
    return namespace


def _eval_version_info(text: str) -> dict[str, list]:
    """Evaluate a VSVersionInfo text as PyInstaller does, recording each constructor call."""
    recorded: dict[str, list] = {}

    def struct(name: str) -> Any:
        return lambda *args, **kwargs: recorded.setdefault(name, []).append((args, kwargs))

    names = ("VSVersionInfo", "FixedFileInfo", "StringFileInfo", "StringTable",
             "StringStruct", "VarFileInfo", "VarStruct")
    eval(text, {name: struct(name) for name in names})
    return recorded


def _of(made: list, kind: str) -> list:
    return [m for m in made if m.kind == kind]


def test_every_resource_the_desk_reads_is_bundled(tmp_path, monkeypatch):
    spec = _run_spec(tmp_path, monkeypatch, "linux")
    analysis = _of(spec["made"], "Analysis")[0]
    bundled = {Path(src).resolve() for src, _dest in analysis.kwargs["datas"]}
    for dest_src in analysis.kwargs["datas"]:
        src, dest = dest_src
        if Path(src).is_relative_to(ROOT / "resources"):
            assert Path(src).parent.relative_to(ROOT).as_posix() == dest  # same layout frozen
    wanted = {p.resolve() for p in (ROOT / "resources").rglob("*")
              if p.is_file() and p.suffix != ".ts" and p.name != "README.md"}
    assert wanted - bundled == set(), "resources the frozen desk would miss"
    assert not [p for p in bundled if p.suffix == ".ts" or p.name == "README.md"]
    for folder in ("translations", "fonts", "icons", "letterhead", "reference", "templates"):
        assert [p for p in bundled if p.parent == (ROOT / "resources" / folder).resolve()]
    assert (ROOT / "resources/fonts/OFL.txt").resolve() in bundled
    assert (ROOT / "resources/icons/lapor-desk.ico").resolve() in bundled


def test_migrations_ship_as_source_files(tmp_path, monkeypatch):
    spec = _run_spec(tmp_path, monkeypatch, "linux")
    analysis = _of(spec["made"], "Analysis")[0]
    shipped = {(Path(src).name, dest) for src, dest in analysis.kwargs["datas"]}
    migrations = ROOT / "desktop/store/migrations"
    for path in [migrations / "env.py", *sorted((migrations / "versions").glob("*.py"))]:
        dest = path.parent.relative_to(ROOT).as_posix()
        assert (path.name, dest) in shipped
    hidden = analysis.kwargs["hiddenimports"]
    assert "desktop.commands.seed" in hidden  # imported by name from desktop/cli.py
    assert not [name for name in hidden if name.startswith("desktop.store.migrations")]


def test_the_sqlcipher_binding_is_bundled(tmp_path, monkeypatch):
    """The encrypted store opens only through sqlcipher3's C module (own SQLite + OpenSSL)."""
    spec = _run_spec(tmp_path, monkeypatch, "linux")
    analysis = _of(spec["made"], "Analysis")[0]
    hidden = analysis.kwargs["hiddenimports"]
    assert {"sqlcipher3", "sqlcipher3.dbapi2", "sqlcipher3._sqlite3",
            "cryptography.hazmat.primitives.ciphers.aead"} <= set(hidden)
    assert not [name for name in analysis.kwargs["excludes"] if name.startswith("sqlcipher")]
    deps = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert any(d.startswith("sqlcipher3") for d in deps["project"]["optional-dependencies"]["desk"])


def test_excludes_leave_the_qt_modules_the_desk_uses(tmp_path, monkeypatch):
    spec = _run_spec(tmp_path, monkeypatch, "linux")
    excludes = set(_of(spec["made"], "Analysis")[0].kwargs["excludes"])
    used = set()
    for path in (ROOT / "desktop").rglob("*.py"):
        used |= set(re.findall(r"PySide6\.(Qt\w+)", path.read_text(encoding="utf-8")))
    assert {"QtPdf", "QtPdfWidgets", "QtPrintSupport", "QtWidgets"} <= used
    assert not {f"PySide6.{m}" for m in used} & excludes
    assert {"PySide6.QtWebEngineCore", "PySide6.QtQml", "PySide6.QtMultimedia",
            "server", "fastapi", "uvicorn"} <= excludes


def test_dropped_files_take_their_links_along(tmp_path, monkeypatch):
    spec = _run_spec(tmp_path, monkeypatch, "linux")
    analysis = _of(spec["made"], "Analysis")[0]
    kept = {dest for dest, _src, _kind in analysis.datas + analysis.binaries}
    assert "PySide6/Qt/plugins/platforms/libqoffscreen.so" in kept
    assert "libQt6Pdf.so.6" in kept and "PySide6/Qt/lib/libQt6Pdf.so.6" in kept
    assert not {"libQt6Quick.so.6", "PySide6/Qt/lib/libQt6Quick.so.6",
                "PySide6/Qt/translations/qtbase_de.qm"} & kept
    assert not [d for d in kept if "virtualkeyboard" in d]


@pytest.mark.parametrize("platform, names", [("linux", ["lapor-desk"]),
                                             ("win32", ["lapor-desk", "LaporDesk"])])
def test_launchers_and_windows_version_resource(tmp_path, monkeypatch, platform, names):
    spec = _run_spec(tmp_path, monkeypatch, platform)
    exes = _of(spec["made"], "EXE")
    assert [e.kwargs["name"] for e in exes] == names
    assert [e.kwargs["console"] for e in exes] == [True, False][: len(names)]
    version = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["version"]
    for exe in exes:
        assert Path(exe.kwargs["icon"]).is_file()
        text = Path(exe.kwargs["version"]).read_text(encoding="utf-8")
        recorded = _eval_version_info(text)
        strings = dict(args for args, _ in recorded["StringStruct"])
        assert strings["ProductVersion"] == strings["FileVersion"] == version
        assert strings["OriginalFilename"] == f"{exe.kwargs['name']}.exe"
        numbers = recorded["FixedFileInfo"][0][1]["filevers"]
        assert len(numbers) == 4 and ".".join(map(str, numbers)).startswith(version)
    collect = _of(spec["made"], "COLLECT")[0]
    assert collect.kwargs["name"] == "lapor-desk"
    assert collect.kwargs["strip"] == (platform != "win32")
