"""stepwork: a private companion for working a Twelve-Step program."""

__version__ = "0.1.0"
