"""SIGTERM and SIGHUP handled like Ctrl-C, for the CLI.

``kill``, systemd, docker and a closed terminal stop a program with SIGTERM
or SIGHUP, whose default action ends the process on the spot: no cleanup,
so a hidden ``.part`` output file and the worker processes stayed behind.
Inside :func:`signals_as_interrupts` they raise :class:`Terminated`, a
``KeyboardInterrupt``, so every path that cleans up after Ctrl-C (the
atomic output's abort, the process pool's shutdown) also runs for them.
"""
from __future__ import annotations

import signal
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

__all__ = ["Terminated", "signals_as_interrupts"]

_SIGNALS = tuple(getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name))


class Terminated(KeyboardInterrupt):
    """Raised by a SIGTERM or SIGHUP; ``signum`` says which."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum

    @property
    def name(self) -> str:
        return signal.Signals(self.signum).name

    @property
    def status(self) -> int:
        """The exit status a shell shows for a process ended by this signal."""
        return 128 + self.signum


def _raise(signum: int, frame: FrameType | None) -> None:
    for sig in _SIGNALS:  # one is enough: let the cleanup finish undisturbed
        signal.signal(sig, signal.SIG_IGN)
    raise Terminated(signum)


@contextmanager
def signals_as_interrupts() -> Iterator[None]:
    """While inside, SIGTERM and SIGHUP raise :class:`Terminated` in the main thread."""
    previous = {}
    for sig in _SIGNALS:
        try:
            previous[sig] = signal.signal(sig, _raise)
        except ValueError:  # not the main thread (the CLI called from a thread): leave them be
            break
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
