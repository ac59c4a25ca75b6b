"""LAPOR! Desk: the desk workstation package.

Kept import-light on purpose: the server imports ``desktop.domain`` and must not
pull in Qt or SQLAlchemy through this module.
"""

from importlib import metadata

try:
    __version__ = metadata.version("lapor-desk")
except metadata.PackageNotFoundError:  # running from a source tree or frozen
    __version__ = "0.1.0"
