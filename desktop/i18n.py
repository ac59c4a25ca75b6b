"""UI language: source strings are English in code; Indonesian (the default) is a translation.

``resources/translations/lapor_id.ts`` is made by ``pyside6-lupdate`` from desktop/ and ui/,
compiled by ``pyside6-lrelease`` into ``lapor_id.qm``; ``scripts/update-translations`` does
both. English needs no translator.
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


def catalog_path(lang: str) -> Path:
    return resource("translations", f"{CATALOG}_{lang}.qm")


def install(app: QCoreApplication, lang: str | None) -> tuple[str, QTranslator | None]:
    """Install the translator for ``lang`` on ``app``: (language in effect, translator).

    A missing catalog falls back to English rather than refusing to start.
    """
    lang = lang if lang in LANGUAGES else DEFAULT_LANGUAGE
    if lang != "en":
        translator = QTranslator(app)
        if translator.load(str(catalog_path(lang))):
            app.installTranslator(translator)
            QLocale.setDefault(QLocale(QLocale.Language.Indonesian, QLocale.Country.Indonesia))
            return lang, translator
        log.warning("translation catalog %s missing; using English", catalog_path(lang))
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    return "en", None


def uninstall(app: QCoreApplication, translator: QTranslator | None) -> None:
    if translator is not None:
        app.removeTranslator(translator)
