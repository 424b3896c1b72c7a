"""What the first frame does not need waits for it: the keyring, the version, the queue.

A fresh process runs `run_gui()`; at the main window's first paint it notes which modules are
loaded and whether the studio (key, queue) has started; a turn of the event loop later, that the
start-up work did run.
"""

from __future__ import annotations

from pathlib import Path

from first_paint_child import run_to_first_paint

CHILD_BODY = r"""
import threading
LATER = ("keyring", "importlib.metadata", "openai", "httpx", "stepfun_studio.standin")
# The queue comes up within a few seconds (it reads its table off the GUI thread first, so a
# fixed 200 ms may not see it yet).
FIRST_LOOK_MS = 200

def starting(window):
    # The key is being resolved (on its thread), or the queue runs already.
    resolving = any(t.name == "resolve-connection" for t in threading.enumerate())
    return resolving or window.studio.started

def at_paint(window):
    seen["loaded_at_paint"] = [name for name in LATER if name in sys.modules]
    seen["starting_at_paint"] = starting(window)

def finished(window):
    seen["starting_later"] = starting(window)
    return seen["starting_later"]
"""


def test_the_first_frame_does_not_wait_for_the_keyring_or_the_queue(isolated_home: Path) -> None:
    result = run_to_first_paint(CHILD_BODY)
    assert result == {
        "loaded_at_paint": [],
        "starting_at_paint": False,
        "starting_later": True,
        "code": 0,
    }
