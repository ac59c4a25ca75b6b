"""The release version, written out rather than read with importlib.metadata (~30 ms on
every start of the desk and the CLIs). tests/test_version.py checks it equals pyproject's."""

__version__ = "0.1.0"
