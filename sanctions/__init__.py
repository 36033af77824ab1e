"""Compile lists of officials responsible for human-rights abuses and check them for release."""

__version__ = "0.1.0"
