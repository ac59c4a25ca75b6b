"""Timing and memory targets, run by hand or in CI: ``python -m bench <name> [options]``.

Each ``bench/<name>.py`` has ``main(argv) -> int`` that prints the measured figure next to
its target and returns 0 when the target is met, 1 when not.
"""
