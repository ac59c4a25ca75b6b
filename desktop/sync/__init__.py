"""Desk <-> central server sync: credentials, HTTP client, outbox push and pull engine.

Kept import-light: the headless commands import only what they use, and nothing here
imports Qt (the GUI side lives in ``desktop/views/sync_controller.py``).
"""
