"""The local stack's child processes die with the process that started them.

Each one (DynamoDB Local's JVM, the background process, the county) is
started with `preexec_fn=tied_to_this_process()`: PR_SET_PDEATHSIG asks the
kernel to SIGKILL the child when its parent dies, however it dies (a SIGKILL
runs no cleanup of ours). Without it a killed stack leaves the child holding
its port, and the next `make run` on that port cannot start it.
"""
from __future__ import annotations

import os
import signal
import sys
from collections.abc import Callable

PR_SET_PDEATHSIG = 1


def tied_to_this_process() -> Callable[[], None]:
    """A preexec_fn for subprocess.Popen, made in the parent. The kernel's
    signal follows the thread that forked, so call Popen from a thread that
    lives as long as the child should (the stack's main threads do)."""
    parent = os.getpid()

    def tie() -> None:
        if not sys.platform.startswith("linux"):
            return
        import ctypes
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
        if os.getppid() != parent:  # the parent died between the fork and the prctl: nobody would signal us
            os.kill(os.getpid(), signal.SIGKILL)
    return tie
