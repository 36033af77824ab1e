"""A government's package: its letter, the target table in its list format, the evidence it
cites, its entities, notes for the submitter and a manifest."""
