"""Step 1, read: refuse unsafe files, read every sheet as text, and the layout that says what a
workbook holds (``schemas/``), with the empty template and reference generated from it."""
