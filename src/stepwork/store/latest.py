"""The schema version this stepwork writes, in a module of its own: `stepwork status` checks a
journal against it without importing the migrations (tests/test_status_safety.py keeps it equal
to the last migration's version)."""

LATEST_VERSION = 8
