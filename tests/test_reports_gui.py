"""The Laporan page on a real store with hand-counted complaints, driven through pytest-qt."""

from __future__ import annotations

import os

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before anything imports Qt

import shutil  # noqa: E402
import subprocess  # noqa: E402
import threading  # noqa: E402
from datetime import date, datetime, time  # noqa: E402
from pathlib import Path  # noqa: E402

from PySide6.QtCore import QDate, Qt  # noqa: E402
from PySide6.QtWidgets import QFileDialog, QMessageBox  # noqa: E402

from core.clock import WITA, clock  # noqa: E402
from desktop.app import Desk  # noqa: E402
from desktop.reports import export  # noqa: E402
from desktop.store import DeskService, reports  # noqa: E402
from desktop.store.reports import RecapRow  # noqa: E402
from desktop.views.reports.models import RecapModel  # noqa: E402
from desktop.views.reports.page import PERIODS, ReportsPage  # noqa: E402
from tests.clocks import office_time  # noqa: E402
from tests.test_reports_cli import read_csv, section  # noqa: E402
from tests.test_reports_fixtures import EXPECTED, NOVEMBER, TODAY, fill, walk  # noqa: E402

pytestmark = pytest.mark.dates  # .ci/run runs it again on shifted clocks

WAIT_MS = 20_000


@pytest.fixture(autouse=True)
def _on_the_fixtures_day():
    """The hand counts (running within / past the deadline) hold on the fixtures' TODAY."""
    with office_time(datetime.combine(TODAY, time(10), WITA)):
        yield


@pytest.fixture(scope="module")
def filled(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("reports-gui")
    fill(path)
    return path


@pytest.fixture
def folder(filled: Path, tmp_path: Path) -> Path:
    target = tmp_path / "desk"
    shutil.copytree(filled, target)
    return target


def open_desk(qtbot, folder: Path, lang: str | None = "id") -> Desk:
    desk = Desk(folder, lang)
    desk.window.show()
    qtbot.waitExposed(desk.window)
    qtbot.waitUntil(lambda: desk.window.service is not None, timeout=WAIT_MS)
    return desk


@pytest.fixture
def desk(qtbot, folder: Path):
    desk = open_desk(qtbot, folder)
    yield desk
    desk.close()


def show_reports(qtbot, desk: Desk) -> ReportsPage:
    page = desk.window.reports
    desk.window.ui.actionReports.trigger()
    assert desk.window.ui.pages.currentWidget() is page
    qtbot.waitUntil(lambda: page.report is not None and not page.loading, timeout=WAIT_MS)
    return page


def choose_november(qtbot, page: ReportsPage) -> reports.Report:
    """"Rentang tanggal", typed in two steps (this month may already be November)."""
    page.period_combo.setCurrentIndex(PERIODS.index("range"))
    assert page.from_edit.isEnabled() and page.to_edit.isEnabled()
    for first, last in ((QDate(2026, 10, 1), QDate(2026, 10, 31)),
                        (QDate(2026, 11, 1), QDate(2026, 11, 30))):
        with qtbot.waitSignal(page.computed, timeout=WAIT_MS) as got:
            page.from_edit.setDate(first)
            page.to_edit.setDate(last)
    return got.args[0]


def cells(view, row: int) -> list[str]:
    model = view.model()
    return [model.index(row, c).data() for c in range(model.columnCount())
            if not view.isColumnHidden(c)]


def test_reports_page_replaces_the_placeholder(qtbot, desk):
    page = show_reports(qtbot, desk)
    assert isinstance(page, ReportsPage)
    assert desk.window.ui.actionReports.isChecked()
    # "Bulan ini" is the current WITA month up to today (as `lapor-desk report` takes it),
    # its dates shown in the Indonesian format.
    last = clock().today()
    first = last.replace(day=1)
    assert page.period() == (first, last) and page.report.date_from == first
    assert page.from_edit.displayFormat() == "dd/MM/yyyy"
    assert page.from_edit.text() == f"{first:%d/%m/%Y}"
    assert not page.from_edit.isEnabled()


def test_choosing_a_range_shows_the_hand_counted_numbers(qtbot, desk):
    page = show_reports(qtbot, desk)
    report = choose_november(qtbot, page)
    assert (report.date_from, report.date_to) == NOVEMBER
    summary = page.summary.text()
    assert "1 Nov 2026 – 30 Nov 2026" in summary
    for part in ("<b>12</b> diterima", "<b>5</b> selesai", "<b>60,0 %</b> tepat waktu",
                 "median <b>12</b> hari kerja sampai selesai"):
        assert part in summary
    status = {page.status_model.index(r, 0).data(): page.status_model.index(r, 1).data()
              for r in range(page.status_model.rowCount())}
    assert status["Selesai"] == "5" and status["Belum Diverifikasi"] == "3"
    assert status["Semua"] == "12"
    units = page.wide_views["by_unit"]
    rows = {cells(units, r)[0]: cells(units, r) for r in range(units.model().rowCount())}
    # name, total, completed, on time, % on time, running, past the deadline
    assert rows["Bidang Pelayanan Kesehatan"][:5] == [
        "Bidang Pelayanan Kesehatan", "5", "4", "2", "50,0 %"]
    assert rows["Bidang Pencegahan dan Pengendalian Penyakit"][:4] == [
        "Bidang Pencegahan dan Pengendalian Penyakit", "2", "1", "0"]
    assert rows["Tanpa unit tujuan"][1] == "5"
    channels = page.wide_views["by_channel"]
    names = {cells(channels, r)[0]: cells(channels, r)[1]
             for r in range(channels.model().rowCount())}
    assert names["Loket (Tatap Muka)"] == "2" and names["Surat"] == "2"
    deadline = page.deadline_model
    counts = [deadline.index(r, 1).data() for r in range(deadline.rowCount())]
    with DeskService(desk.data_dir) as store:  # running states depend on today
        truth = reports.build_report(store, *NOVEMBER)
    assert counts == [str(r.total) for r in truth.by_deadline] + ["12"]
    assert counts[:2] == ["3", "2"]  # completed on time / late: day-independent


def test_reversed_range_is_refused_in_indonesian(qtbot, desk):
    page = show_reports(qtbot, desk)
    choose_november(qtbot, page)
    page.from_edit.setDate(QDate(2026, 12, 31))
    qtbot.waitUntil(page._range_error.isVisible, timeout=WAIT_MS)
    assert page._range_error.text() == "Tanggal awal sesudah tanggal akhir."
    assert not page.csv_button.isEnabled() and not page.xlsx_button.isEnabled()


def test_export_csv_through_the_dialog(qtbot, desk, tmp_path: Path):
    page = show_reports(qtbot, desk)
    choose_november(qtbot, page)
    target = tmp_path / "rekap-november.csv"
    qtbot.mouseClick(page.csv_button, Qt.MouseButton.LeftButton)
    dialog = page.findChild(QFileDialog, "reportExportDialog")
    assert dialog is not None and dialog.isVisible()
    assert dialog.selectedFiles()[0].endswith("rekap-pengaduan_2026-11-01_2026-11-30.csv")
    with qtbot.waitSignal(page.exported, timeout=WAIT_MS):
        dialog.selectFile(str(target))
        dialog.accept()
    rows = read_csv(target)
    assert ["Diterima", "12"] in rows
    units = section(rows, "Per unit")
    assert units[0] == export.wide_headers("id", "unit")
    assert ["Bidang Pelayanan Kesehatan", "5", "4", "2", "2", "50,0", "1", "0", "0"] in units
    assert page.notice.isVisible() and "rekap-november.csv" in page.notice.text()


def test_print_recap_as_pdf(qtbot, desk, tmp_path: Path):
    page = show_reports(qtbot, desk)
    choose_november(qtbot, page)
    assert page.pdf_button.text() == "Cetak rekap (PDF)…"
    qtbot.mouseClick(page.pdf_button, Qt.MouseButton.LeftButton)
    dialog = page.findChild(QFileDialog, "reportExportDialog")
    with qtbot.waitSignal(page.exported, timeout=WAIT_MS) as got:
        dialog.selectFile(str(tmp_path / "rekap"))
        dialog.accept()
    assert got.args[0].endswith("rekap.pdf")  # the suffix added
    text = subprocess.run(["pdftotext", got.args[0], "-"], capture_output=True, text=True,
                          check=True).stdout
    assert "PERIODE 1–30 NOVEMBER 2026" in text and "Halaman 1 dari" in text
    assert "Mengetahui" not in text
    # No signer in Pengaturan › Kop surat: printed without a signature block, and said so.
    notice = page.notice.text()
    assert "Dicetak tanpa blok tanda tangan" in notice and "alamat kantor" in notice
    assert page.unit_note.isVisible() and page.unit_note.text().startswith("1 pengaduan")


def test_print_recap_with_the_signer_on_landscape_paper(qtbot, desk, tmp_path: Path):
    from desktop.printing import settings as letter_settings

    with DeskService(desk.data_dir) as store:
        entry = letter_settings.SignerEntry.new(
            jabatan="KEPALA DINAS KESEHATAN PROVINSI KALIMANTAN SELATAN",
            name="dr. Hj. Rina Marlina, M.Kes.", nip="197001011995031002")
        letter_settings.save(store, letter_settings.LetterSettings(
            agency_code="DINKES", header_lines=("PEMERINTAH PROVINSI KALIMANTAN SELATAN",
                                                "DINAS KESEHATAN"),
            address="Jalan Belitung Darat No. 118, Banjarmasin", signers=(entry,),
            default_signer=entry.id))
    page = show_reports(qtbot, desk)
    choose_november(qtbot, page)
    page.pdf_paper.setCurrentIndex(1)
    assert page.pdf_paper.currentText() == "A4 mendatar"
    with qtbot.waitSignal(page.exported, timeout=WAIT_MS) as got:
        page.export_to(tmp_path / "rekap.pdf", "pdf")
    info = subprocess.run(["pdfinfo", got.args[0]], capture_output=True, text=True,
                          check=True).stdout
    assert "841.89 x 595.276 pts" in info
    text = " ".join(subprocess.run(["pdftotext", got.args[0], "-"], capture_output=True,
                                   text=True, check=True).stdout.split())
    assert "DINAS KESEHATAN" in text and "Mengetahui," in text
    assert "NIP. 19700101 199503 1 002" in text
    assert page.notice.text() == f"Rekap disimpan di {got.args[0]}."


def test_export_to_a_missing_folder_says_why(qtbot, desk, tmp_path: Path):
    page = show_reports(qtbot, desk)
    page.export_to(tmp_path / "tidak-ada" / "rekap.xlsx", "xlsx")
    box = desk.window
    qtbot.waitUntil(lambda: box._error_box is not None and box._error_box.isVisible(),
                    timeout=WAIT_MS)
    assert box._error_box.windowTitle() == "Ekspor gagal"
    assert box._error_box.text().startswith("Berkas tidak dapat disimpan:")


def test_refresh_recomputes_with_new_data_and_only_when_shown(qtbot, desk):
    page = show_reports(qtbot, desk)
    choose_november(qtbot, page)
    with DeskService(desk.data_dir) as store:  # e.g. a sync pulled one more complaint
        store.upsert_snapshots([walk(reports_day(2026, 11, 10), [], channel="web",
                                     category="kesehatan")])
    with qtbot.waitSignal(page.computed, timeout=WAIT_MS) as got:
        desk.window.ui.actionRefresh.trigger()  # "Muat Ulang"
    assert got.args[0].received == 13
    desk.window.ui.actionQueue.trigger()
    computed: list = []
    page.computed.connect(computed.append)
    desk.window.refresh()
    qtbot.wait(300)
    assert computed == [] and not page.loading  # hidden: nothing computed
    desk.window.ui.actionReports.trigger()
    qtbot.waitUntil(lambda: len(computed) == 1, timeout=WAIT_MS)


def reports_day(year: int, month: int, day: int):
    from tests.test_reports_fixtures import at

    return at(f"{year}-{month:02d}-{day:02d}")


def test_recap_runs_on_the_db_thread_and_errors_reach_the_window(qtbot, desk, monkeypatch):
    threads: list[str] = []
    original = reports.build_report

    def spy(*args, **kwargs):
        threads.append(threading.current_thread().name)
        if len(threads) > 1:
            raise RuntimeError("disk error")
        return original(*args, **kwargs)

    monkeypatch.setattr(reports, "build_report", spy)
    page = show_reports(qtbot, desk)
    assert threads and all(name.startswith("lapor-db") for name in threads)
    desk.window.ui.actionRefresh.trigger()
    box = desk.window
    qtbot.waitUntil(lambda: box._error_box is not None and box._error_box.isVisible(),
                    timeout=WAIT_MS)
    assert isinstance(box._error_box, QMessageBox)
    assert "disk error" in box._error_box.text()
    assert page.summary.text() == "Rekap tidak dapat dihitung."


def test_headers_match_the_exports_in_indonesian(qtbot, desk):
    page = show_reports(qtbot, desk)
    for recap, first in export.WIDE:
        assert page.wide_models[recap].headers() == export.wide_headers("id", first)
    assert page.status_model.headers() == export.narrow_headers("id", "status")
    assert page.deadline_model.headers() == export.narrow_headers("id", "deadline")
    assert [page.tabs.tabText(i) for i in range(page.tabs.count())] == [
        export.TEXT["id"][recap] for recap, _ in export.WIDE]


def test_numbers_are_written_the_indonesian_way(qapp):
    model = RecapModel(export.wide_headers("id", "unit"), wide=True, lang="id")
    row = RecapRow("X", "Unit X", total=123_456, closed_on_time=7, closed_late=1)
    model.set_rows([row], 123_456, lambda r: r.label)
    texts = [model.index(0, c).data() for c in range(model.columnCount())]
    assert texts[:6] == ["Unit X", "123.456", "8", "7", "1", "87,5 %"]
    english = RecapModel(export.wide_headers("en", "unit"), wide=True, lang="en")
    english.set_rows([row], 123_456, lambda r: r.label)
    assert english.index(0, 1).data() == "123,456" and english.index(0, 5).data() == "87.5 %"


def test_reports_page_in_english(qtbot, folder: Path):
    desk = open_desk(qtbot, folder, "en")
    try:
        page = show_reports(qtbot, desk)
        report = choose_november(qtbot, page)
        assert report.received == EXPECTED["received"]
        assert "<b>12</b> received" in page.summary.text()
        assert page.wide_models["by_unit"].headers()[1] == "Total"
        assert page.status_model.index(4, 0).data() == "Completed"
    finally:
        desk.close()


def test_period_presets_follow_the_calendar(qtbot, desk):
    page = show_reports(qtbot, desk)
    today = clock().today()
    with qtbot.waitSignal(page.computed, timeout=WAIT_MS):
        page.period_combo.setCurrentIndex(PERIODS.index("last_month"))
    assert page.period() == reports.month_period(today, 1)
    with qtbot.waitSignal(page.computed, timeout=WAIT_MS):
        page.period_combo.setCurrentIndex(PERIODS.index("this_year"))
    assert page.period() == (date(today.year, 1, 1), today)
