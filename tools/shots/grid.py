"""Screenshots of a job's placeholder cell mid-run at the top of the gallery (issue 14, item 1).

The in-app stand-in is slowed so the job stays in flight; the shot is taken once the job runs
and its cell shows elapsed time against the model's typical time. Light and dark.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from stepfun_studio.core.request import GenerationRequest
from stepfun_studio.library.jobs import JobState

PROMPT = {"zh_CN": "雨后的石板路，灯笼倒影", "en": "a stone lane after rain, lanterns reflected"}


def shoot(
    window: Any,
    studio: Any,
    pump: Callable[[float], None],
    save: Callable[[Any, str], None],
    language: str,
) -> None:
    standin = getattr(studio, "standin", None)
    if standin is None:
        return
    before = standin.latency_s
    standin.latency_s = 60.0  # long enough to stay in flight for the shots
    window.resize(1366, 768)
    window.gallery.view.verticalScrollBar().setValue(0)
    request = GenerationRequest(
        prompt=PROMPT.get(language, PROMPT["en"]),
        provider="openai",
        model="gpt-image-1",
        size="1024x1024",
    )
    job_ids = studio.queue.submit(request)
    running = False
    for _ in range(100):
        pump(0.1)
        info = studio.queue.get(job_ids[0])
        if info is not None and info.state is JobState.RUNNING:
            running = True
            break
    pump(6.0 if running else 0.5)  # some seconds elapsed, so the bar has moved
    for scheme in ("light", "dark"):
        window.theme.force(scheme)
        pump(0.6)
        save(window, f"gallery-job-placeholder-{scheme}")
        save(window.gallery.view, f"gallery-job-placeholder-cell-{scheme}")
    window.theme.force("light")
    for job_id in job_ids:
        studio.queue.cancel(job_id)
    standin.latency_s = before
    pump(0.5)
