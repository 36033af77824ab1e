"""Step 4b, submit: one package per government in its own list format, the public list, and
``export``, which builds them all in a staging folder and swaps it into place."""
