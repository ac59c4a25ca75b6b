"""The Indonesian catalog is complete, current and compiled; labels match the domain's."""

from __future__ import annotations

import importlib.machinery
import importlib.util
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication

from core import enums
from desktop import i18n
from desktop.views import labels

ROOT = Path(__file__).resolve().parent.parent
CATALOG = ROOT / "resources" / "translations" / "lapor_id.ts"


def _script():
    """scripts/update-translations as a module: the test uses its source list and tools."""
    path = ROOT / "scripts" / "update-translations"
    loader = importlib.machinery.SourceFileLoader("update_translations", str(path))
    spec = importlib.util.spec_from_loader(loader.name, loader)
    module = importlib.util.module_from_spec(spec)
    loader.exec_module(module)
    return module


def test_catalog_has_every_string_translated(tmp_path: Path):
    """Re-extracting from today's sources adds nothing untranslated and drops nothing."""
    script = _script()
    copy = tmp_path / CATALOG.name
    shutil.copy(CATALOG, copy)
    script.update(copy)
    text = copy.read_text(encoding="utf-8")
    assert 'type="unfinished"' not in text, "untranslated strings: run scripts/update-translations"
    assert text == CATALOG.read_text(encoding="utf-8"), (
        "lapor_id.ts is behind the sources: run scripts/update-translations")


def test_compiled_catalog_is_fresh(tmp_path: Path):
    script = _script()
    qm = tmp_path / "lapor_id.qm"
    script.release(CATALOG, qm)
    assert qm.read_bytes() == CATALOG.with_suffix(".qm").read_bytes(), (
        "lapor_id.qm is stale: run scripts/update-translations")


@pytest.fixture
def indonesian(qapp):
    lang, translator = i18n.install(qapp, "id")
    assert lang == "id" and translator is not None
    yield
    i18n.uninstall(qapp, translator)


@pytest.mark.parametrize(("table", "domain"), [
    (labels.STATUS, enums.STATUS_LABELS),
    (labels.CLASSIFICATION, enums.CLASSIFICATION_LABELS),
    (labels.CHANNEL, enums.CHANNEL_LABELS),
    (labels.SIFAT, enums.SIFAT_LABELS),
    (labels.EVENT, enums.KIND_LABELS),
], ids=["status", "classification", "channel", "sifat", "event"])
def test_indonesian_labels_are_the_domains(indonesian, table, domain):
    assert set(table) == {str(code) for code in domain}
    for code, text in domain.items():
        assert table.text(str(code)) == text


def test_indonesian_is_default_and_english_has_no_translator(qapp):
    lang, translator = i18n.install(qapp, None)
    try:
        assert lang == "id"
        assert QCoreApplication.translate("QueueModel", "Time left") == "Sisa waktu"
    finally:
        i18n.uninstall(qapp, translator)
    lang, translator = i18n.install(qapp, "en")
    assert (lang, translator) == ("en", None)
    assert QCoreApplication.translate("QueueModel", "Time left") == "Time left"
