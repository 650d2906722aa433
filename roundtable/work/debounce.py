"""Saving while a student types, without a write per key.

An answer box hands every change to a Debouncer. The first change after a
quiet second is saved at once; changes that follow within the second are
held, and the latest of them is saved when the second is up, on the
kernel's event loop. Nothing typed is dropped: the held text is always the
box's latest, an export flushes every held save first (`flush_all`), and
where no event loop runs (a script, a test) each change is saved at once.
"""
from __future__ import annotations

import asyncio
import time
import weakref
from typing import Callable

#: Seconds between two saves of one box while its student types.
SAVE_INTERVAL = 1.0

_LIVE: "weakref.WeakSet[Debouncer]" = weakref.WeakSet()


def loop_scheduler(delay: float, callback: Callable[[], None]):
    """Run `callback` after `delay` seconds on the running event loop (the
    kernel's); None where no loop runs, so that the caller saves at once."""
    try:
        loop = asyncio.get_running_loop()
    except RuntimeError:
        return None
    return loop.call_later(delay, callback)


class Debouncer:
    def __init__(self, save: Callable[[str], None], interval: float = SAVE_INTERVAL,
                 clock: Callable[[], float] = time.monotonic, schedule=loop_scheduler):
        self.save, self.interval, self.clock, self.schedule = save, interval, clock, schedule
        self.held: str | None = None
        self.timer = None
        self.last_save = float("-inf")
        _LIVE.add(self)

    @property
    def pending(self) -> bool:
        return self.held is not None

    def push(self, text: str) -> bool:
        """A change; returns True if it was saved now, False if it is held."""
        self.held = text
        if self.timer is not None:
            return False
        wait = self.interval - (self.clock() - self.last_save)
        if wait <= 0:
            self.flush()
            return True
        self.timer = self.schedule(wait, self.flush)
        if self.timer is None:  # no event loop: never hold what cannot be saved later
            self.flush()
            return True
        return False

    def flush(self) -> None:
        """Save the held text now, if any."""
        if self.timer is not None:
            cancel = getattr(self.timer, "cancel", None)
            if cancel:
                cancel()
            self.timer = None
        if self.held is None:
            return
        text, self.held = self.held, None
        self.last_save = self.clock()
        self.save(text)


def flush_all() -> None:
    """Save every held change of every box (before an export)."""
    for debouncer in list(_LIVE):
        debouncer.flush()
