"""Pengaturan › Jabatan says in words why there is no structure to show: before sign-in it
asks to sign in (never "Susunan jabatan -"), and a signed-in officer whose desk has not
synced the structure yet is told it comes with the next sync. Real widget, Indonesian."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before anything imports Qt

from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from desktop import i18n  # noqa: E402
from desktop.screenshots.dispositions import KADIS, POSITIONS  # noqa: E402
from desktop.store import DeskService  # noqa: E402
from desktop.tasks import Tasks  # noqa: E402
from desktop.views.positions_page import PositionsPage  # noqa: E402
from desktop.workflow import chain  # noqa: E402

WAIT_MS = 10_000


@pytest.fixture
def indonesian(qapp):
    _lang, translator = i18n.install(qapp, "id")
    yield
    i18n.uninstall(qapp, translator)


@pytest.fixture
def tasks():
    made = Tasks()
    yield made
    made.shutdown()


@pytest.fixture
def service(tmp_path: Path):
    with DeskService(tmp_path / "desk") as store:
        yield store


def _note(qtbot, tasks, service) -> str:
    page = PositionsPage(tasks, service)
    qtbot.addWidget(page)
    page.reload()
    qtbot.waitUntil(lambda: page.structure is not None and not page.loading, timeout=WAIT_MS)
    return page.note.text()


def test_before_sign_in_the_page_asks_to_sign_in(qtbot, tasks, service, indonesian) -> None:
    note = _note(qtbot, tasks, service)
    assert note == "Masuk ke server pusat untuk melihat susunan jabatan instansi Anda."
    assert "-" not in note


def test_signed_in_without_a_synced_structure(qtbot, tasks, service, indonesian) -> None:
    service.set_actor(KADIS)
    assert _note(qtbot, tasks, service) == ("Susunan jabatan DINKES belum ada di desk ini; "
                                            "susunan jabatan diambil pada sinkronisasi "
                                            "berikutnya.")
    service.set_sync_state(chain.POSITIONS_KEY, {f"DINKES/{p['code']}": p for p in POSITIONS})
    assert _note(qtbot, tasks, service).startswith(
        "Susunan jabatan DINKES, sesuai sinkronisasi terakhir.")
