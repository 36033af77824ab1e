"""`sanctions export`: everything built from one validated workbook, in one folder swapped into
place whole: the entities, a package per government, the public list and the review report."""
