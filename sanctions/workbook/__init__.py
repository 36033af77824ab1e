"""The workbook: refused before any parser opens an unsafe file, every sheet read as text, the
layout that says what it holds (``schemas/``), each column type with its rules, the sheets as
read and cleaned, the rules on its structure, and the empty template generated from it all."""
