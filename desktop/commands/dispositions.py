"""``lapor-desk disposisi masuk|keluar|rekap [--unread] [--json]``: the officer's Disposisi Masuk
(addressed to them, unread first) or Disposisi Keluar (sent by them, with read state), from
the local store (what the last sync brought and what was done here). The officer is the one
signed in on this desk. ``--json``: a list of the chain entries with ``complaint_id``,
``tracking_number`` and ``title``. ``rekap``: per receiving position, the dispositions open,
unread, late and reported (``desktop.workflow.chain.tally``)."""

from __future__ import annotations

import sys
from argparse import Namespace

from desktop.commands.common import EXIT_ERROR, EXIT_OK, open_store

TITLE_WIDTH = 40


def run(args: Namespace) -> int:
    from core.chain import STATE_LABELS
    from desktop.workflow import chain
    from desktop.workflow.actor import current_actor

    service = open_store(args)
    if service is None:
        return EXIT_ERROR
    try:
        if args.box == "rekap":
            return _tally(chain.tally(service), args.json)
        actor, _signed_in = current_actor(service)
        items = chain.listing(service, actor, args.box, unread_only=args.unread)
    finally:
        service.close()
    if args.json:
        sys.stdout.write(chain.dumps(items) + "\n")
        return EXIT_OK
    if not items:
        print("Tidak ada disposisi.")
        return EXIT_OK
    for item in items:
        e = item.entry
        number = f"#{item.tracking_number}" if item.tracking_number else "-"
        title = item.title if len(item.title) <= TITLE_WIDTH else \
            item.title[:TITLE_WIDTH - 1] + "…"
        who = (f"dari {e.get('from_title')}" if args.box == chain.INBOX
               else f"kepada {e.get('to_title')}")
        state = STATE_LABELS.get(e.get("state"), e.get("state"))
        if item.late:
            state += ", terlambat"
        copy = " (tembusan)" if e.get("tembusan") else ""
        print(f"{number:<10} {title:<{TITLE_WIDTH}}  {who}{copy}  "
              f"batas {e.get('due_date') or '-'}  {state}")
    print(f"\n{len(items)} disposisi.")
    return EXIT_OK


def _tally(rows: list[dict], as_json: bool) -> int:
    import json

    if as_json:
        sys.stdout.write(json.dumps(rows, ensure_ascii=False) + "\n")
        return EXIT_OK
    if not rows:
        print("Tidak ada disposisi.")
        return EXIT_OK
    print(f"{'Jabatan':<44} {'Terbuka':>7} {'Belum dibaca':>12} {'Terlambat':>9} "
          f"{'Dilaporkan':>10}")
    for r in rows:
        print(f"{str(r['title'])[:44]:<44} {r['open']:>7} {r['unread']:>12} {r['late']:>9} "
              f"{r['reported']:>10}")
    return EXIT_OK
