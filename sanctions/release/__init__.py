"""Releases of a list: what changed between two versions, and a release folder that lasts."""
