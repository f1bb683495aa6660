"""Work measured in function calls, for tests of how code scales: the count does not
depend on the machine or its load, as a time would."""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any


def calls_made(function: Callable[..., Any], *args: Any) -> int:
    """Python and C function calls made by function(*args)."""
    calls = 0

    def count(frame, event, arg) -> None:
        nonlocal calls
        calls += 1

    sys.setprofile(count)
    try:
        function(*args)
    finally:
        sys.setprofile(None)
    return calls
