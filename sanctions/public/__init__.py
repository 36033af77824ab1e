"""The public list: what may be published of a list, as a web page and a workbook."""
