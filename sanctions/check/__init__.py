"""Step 2, check: every rule on one workbook, each problem one ``Finding`` that names its cell."""
