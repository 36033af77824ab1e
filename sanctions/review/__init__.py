"""The review report: an internal web page set for the people who sign off a release.

It shows the whole list as a lawyer and the editors read it before it goes out: who is on it,
what ties each person to which incident and body, what rests on which evidence, what each
government will receive and what is still weak. It may show confidential material (marked so)
and is never part of the public folder. ``report.write_report`` is the one entry point.
"""
