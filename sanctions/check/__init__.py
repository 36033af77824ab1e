"""Checking a workbook: the rules across sheets, the cell rules run as pandera schemas, the
registry of every rule, ``validate``, the annotated copy and docs/workbook.md."""
