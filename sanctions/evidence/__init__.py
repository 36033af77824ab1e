"""Evidence that lasts: links checked and archived, local copies hashed.

``links`` asks each link (HEAD, then GET; redirects hop by hop; two requests per host) and
classifies the answer; ``archive`` talks to the Wayback Machine; ``cache`` writes the results
beside the workbook for ``validate`` to read (``sanctions.check.evidence_links``); ``run`` does
one workbook's check and ``report`` prints it; ``hashes`` writes missing SHA-256 values into a
copy of the workbook.
"""
