"""Evidence that lasts: one package for everything about a list's sources.

``folder`` is the rule of where a list keeps its local copies and which names may be opened
there; ``cells`` reads the evidence sheet's links and file names; ``copies`` hashes the copies
and carries the cited ones into packages; ``cache`` is the link-check file beside the workbook
(its format, reader and writer); ``links`` asks each link (HEAD, then GET; redirects hop by hop;
two requests per host) and ``archive`` talks to the Wayback Machine; ``rules`` are the findings
about evidence that ``validate`` reports; ``linkcheck`` and ``report`` are `sanctions evidence
check`, ``hashing`` is `sanctions evidence hash`.
"""
