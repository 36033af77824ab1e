"""`make bench`: the figures of docs/development.md, each beside its goal and a baseline.

The bench's processes start as the command does (``sanctions.entry.start``) before anything
else is imported, and end as it does (``sanctions.entry.end``): they time the command's work.
"""

from sanctions.entry import start

start()
