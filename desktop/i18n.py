"""UI language: source strings are English in code; Indonesian (the default) is a translation.

``resources/translations/lapor_id.ts`` is made by ``pyside6-lupdate`` from desktop/ and ui/,
compiled by ``pyside6-lrelease`` into ``lapor_id.qm``; ``scripts/update-translations`` does
both. English needs no translator.

Qt's own widgets (file and print dialogs, message box buttons, the text fields' menu) take
their words from a second catalog, ``qt_id.qm``: Qt ships no Indonesian one, so
``resources/translations/qt_id.ts`` is ours, written by hand. It is installed with the
desk's own and removed with it (a child of the desk's translator).
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from desktop.paths import resource

log = logging.getLogger(__name__)

DEFAULT_LANGUAGE = "id"
LANGUAGES = ("id", "en")
CATALOG = "lapor"
QT_CATALOG = "qt"


def catalog_path(lang: str, catalog: str = CATALOG) -> Path:
    return resource("translations", f"{catalog}_{lang}.qm")


def _install_qt_words(app: QCoreApplication, lang: str, owner: QTranslator) -> None:
    """Qt's own words in ``lang``, owned by the desk's translator (see ``uninstall``)."""
    translator = QTranslator(owner)
    if translator.load(str(catalog_path(lang, QT_CATALOG))):
        app.installTranslator(translator)
    else:
        log.warning("Qt translation catalog %s missing", catalog_path(lang, QT_CATALOG))


def install(app: QCoreApplication, lang: str | None) -> tuple[str, QTranslator | None]:
    """Install the translator for ``lang`` on ``app``: (language in effect, translator).

    A missing catalog falls back to English rather than refusing to start.
    """
    lang = lang if lang in LANGUAGES else DEFAULT_LANGUAGE
    if lang != "en":
        translator = QTranslator(app)
        if translator.load(str(catalog_path(lang))):
            app.installTranslator(translator)
            _install_qt_words(app, lang, translator)
            QLocale.setDefault(QLocale(QLocale.Language.Indonesian, QLocale.Country.Indonesia))
            return lang, translator
        log.warning("translation catalog %s missing; using English", catalog_path(lang))
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    return "en", None


def uninstall(app: QCoreApplication, translator: QTranslator | None) -> None:
    if translator is not None:
        for qt_words in translator.findChildren(QTranslator):
            app.removeTranslator(qt_words)
        app.removeTranslator(translator)
