"""Everything stepwork keeps, in one SQLite file.

Importing this package is cheap; SQLModel and SQLAlchemy load only with `stepwork.store.database`
and the modules that use it, so commands that touch no data start fast.
"""
