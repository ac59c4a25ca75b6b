"""LAPOR! central server: FastAPI app, sync protocol, CLI ``lapor-server``."""

from desktop import __version__

API_VERSION = 1

__all__ = ["API_VERSION", "__version__"]
