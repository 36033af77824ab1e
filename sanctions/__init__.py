"""Compile lists of officials responsible for human-rights abuses and check them for release."""

from sanctions.common import ftm_model

__version__ = "0.1.0"

ftm_model.install()  # before any module of ours can import followthemoney: see its docstring
