"""What every package shares: dates, countries, name keys, the project's data files, atomic and
deterministic writes, owned output folders, where the tool may write, and the two kinds of
error a user can cause.

Nothing here knows about findings, entities or governments' law, so every package may use it.
"""
