"""Desk <-> central server sync: HTTP client, outbox push and pull engine (the tokens live
in the credential store, ``desktop/credentials.py``, which the desk store uses too).

Kept import-light: the headless commands import only what they use, and nothing here
imports Qt (the GUI side lives in ``desktop/views/sync_controller.py``).
"""
