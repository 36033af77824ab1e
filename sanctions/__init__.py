"""Compile lists of officials responsible for human-rights abuses and check them for release."""

from sanctions.common import startup

__version__ = "0.1.0"

startup.install()  # before any module of ours can import those libraries: see its docstring
