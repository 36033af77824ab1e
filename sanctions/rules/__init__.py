"""Rules and findings: what every check of a workbook reports, and how a problem is worded.

A ``Rule`` is one object: its code, severity, meaning, message and what to do about it. Each
kind of check (the workbook's structure, a column's cells, the sheets together) keeps its rules
beside its own code; ``sanctions.check.registry`` gathers them all, and the docs, the finding
codes and the tests are built from that one list.
"""
