"""Screening: reference data (downloaded and cached), candidates by name parts read under every
romanisation system, logic-v2 scores, the Sanction entities that name each match, and the files
a screening writes."""
