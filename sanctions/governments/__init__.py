"""What the screen and submit steps both read: each government's law, criteria and list format
(``jurisdictions/``), which targets its regime covers, and the screening record and gap matrix.

Screening and submission meet only here, so neither imports the other.
"""
