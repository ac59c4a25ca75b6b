"""LAPOR! central server: FastAPI app, sync protocol, CLI ``lapor-server``."""

from core.version import __version__

API_VERSION = 1

__all__ = ["API_VERSION", "__version__"]
