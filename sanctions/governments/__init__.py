"""The governments a list is submitted to, each one file in ``jurisdictions/``: the registry
that finds and checks those files, the involvement roles, the legal scope of each government's
criteria, and its list format (the fields that fill it, the reasons it prints, Latvian-form
names)."""
