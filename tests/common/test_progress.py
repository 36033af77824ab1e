"""Progress on a terminal, silence elsewhere."""

from __future__ import annotations

import io

from sanctions.common.progress import Progress


def test_a_step_says_what_it_does_and_how_long_it_took() -> None:
    stream = io.StringIO()
    with Progress(enabled=True, stream=stream).step("reading sanctions.ftm.json"):
        pass
    assert stream.getvalue().startswith("reading sanctions.ftm.json ...")
    assert stream.getvalue().rstrip().endswith(" s")


def test_a_bar_goes_through_every_item() -> None:
    stream = io.StringIO()
    items = list(range(5))
    assert list(Progress(enabled=True, stream=stream).each(items, "scoring")) == items
    assert "scoring" in stream.getvalue()


def test_quiet_progress_writes_nothing() -> None:
    stream = io.StringIO()
    quiet = Progress(enabled=False, stream=stream)
    with quiet.step("reading"):
        pass
    assert list(quiet.each([1, 2], "scoring")) == [1, 2]
    assert stream.getvalue() == ""


def test_not_a_terminal_means_no_progress() -> None:
    # pytest captures standard error: it is not a terminal.
    assert not Progress.on_terminal().enabled
    assert not Progress.on_terminal(quiet=True).enabled
