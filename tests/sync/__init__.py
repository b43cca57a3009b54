"""The sync tests: a real Miniflux on a real PostgreSQL (a package, so that its conftest
does not shadow tests/conftest.py, which other tests import demo_copy from)."""
