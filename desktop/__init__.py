"""LAPOR! Desk: the desk workstation package.

Kept import-light on purpose: the server imports ``desktop.domain`` and must not
pull in Qt or SQLAlchemy through this module.
"""

# The release version, kept here rather than read with importlib.metadata (~30 ms on every
# start of the desk and the CLI). tests/test_version.py checks it equals pyproject.toml's.
__version__ = "0.1.0"
