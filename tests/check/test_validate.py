from __future__ import annotations

from tests import workbooks


def test_the_fictional_baseline_is_clean(findings_of):
    assert findings_of(workbooks.valid_rows()) == []
