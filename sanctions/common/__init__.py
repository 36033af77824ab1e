"""What every step shares: dates, name keys, project data files, atomic and deterministic writes.

Nothing here knows about workbooks, findings, entities or governments, so every step may use it.
"""
