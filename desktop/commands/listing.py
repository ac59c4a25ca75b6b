"""``lapor-desk list [--json] [--status S] [--search TEXT] [--limit N]``: the local queue.

Newest first, every match unless ``--limit``. ``--json`` prints a JSON list of objects
``{id, tracking_number, provisional_number, title, status, agency, unit}`` (``unit``: the
unit codes joined by ", ", null when not routed yet); otherwise a table.
"""

from __future__ import annotations

import json
import sys
from argparse import Namespace

from desktop.commands.common import EXIT_ERROR, EXIT_OK, EXIT_USAGE, open_store

TITLE_WIDTH = 48


def run(args: Namespace) -> int:
    from core import STATUS_LABELS, Status

    status = args.status
    if status is not None and status not in {s.value for s in Status}:
        known = ", ".join(s.value for s in Status)
        print(f"lapor-desk: status tidak dikenal: {status!r}. Pilihan: {known}.", file=sys.stderr)
        return EXIT_USAGE
    if args.limit is not None and args.limit < 0:
        print("lapor-desk: --limit harus bilangan bulat 0 atau lebih.", file=sys.stderr)
        return EXIT_USAGE

    from desktop.store import QueueFilter

    service = open_store(args)
    if service is None:
        return EXIT_ERROR
    try:
        ids = service.queue_ids(QueueFilter(status=status, search=args.search))
        if args.limit is not None:
            ids = ids[:args.limit]
        items = [_item(row) for row in service.list_items(ids)]
    finally:
        service.close()

    if args.json:
        json.dump(items, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return EXIT_OK
    _print_table(items, {s.value: label for s, label in STATUS_LABELS.items()})
    return EXIT_OK


def _item(row: dict) -> dict:
    return {
        "id": row["id"],
        "tracking_number": row["tracking_number"],
        "provisional_number": row["provisional_number"],
        "title": row["title"],
        "status": row["status"],
        "agency": row["agency_code"],
        "unit": ", ".join(row["unit_codes"]) or None,
    }


def _print_table(items: list[dict], labels: dict[str, str]) -> None:
    if not items:
        print("Tidak ada pengaduan yang cocok.")
        return
    rows = [("Nomor", "Judul", "Status", "Instansi", "Unit")]
    for it in items:
        number = (f"#{it['tracking_number']}" if it["tracking_number"] is not None
                  else it["provisional_number"] or "-")
        title = it["title"]
        if len(title) > TITLE_WIDTH:
            title = title[:TITLE_WIDTH - 1] + "…"
        rows.append((number, title, labels.get(it["status"], it["status"]),
                     it["agency"] or "-", it["unit"] or "-"))
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    for n, row in enumerate(rows):
        print("  ".join(cell.ljust(widths[i]) for i, cell in enumerate(row)).rstrip())
        if n == 0:
            print("  ".join("-" * w for w in widths))
    print(f"\n{len(items)} pengaduan.")
