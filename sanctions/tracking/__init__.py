"""What is known of each target with each government: the designations screening found (the
screening record written beside a list's exports), the gap matrix, the submissions already made
(the submissions sheet) and the status grid that puts them together.

Both screening and the packages read these records, so they live below both.
"""
