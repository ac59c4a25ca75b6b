"""The documentation's screenshot scenes (docs/screenshots, scripts/screenshots): tools that
start the whole desk (``desktop.app``) on seeded data, so they sit above it, not in views."""
