"""`GroupTally`: what a queue group's header row shows, kept up to date job by job.

The header of a batch's group says how many of its jobs are in each state, the longest time
taken and the newest picture. Counting those over the group's jobs at every change and every
paint cost a walk of hundreds of jobs per picture landing; the tally takes each change in O(1)
(`remove` the job as it was, `add` it as it is) and is read again from the jobs only after a
job that counted went away (Clear finished).
"""

from __future__ import annotations

import collections
import time
from dataclasses import dataclass, field

from stepfun_studio.jobs.queue import JobInfo
from stepfun_studio.library.jobs import JobState


@dataclass
class GroupTally:
    """What a group's header shows, kept up to date job by job (no walk over its jobs)."""

    counts: collections.Counter[JobState] = field(default_factory=collections.Counter)
    newest_done: tuple[int, int] | None = None  # (job id, image id) of the newest picture
    longest_finished_s: float | None = None
    running_since: dict[int, float] = field(default_factory=dict)  # job id -> started_at
    stale: bool = False  # a job that counted above went: read again from the jobs once

    def add(self, info: JobInfo) -> None:
        self.counts[info.state] += 1
        if info.image_id is not None and (
            self.newest_done is None or info.job_id > self.newest_done[0]
        ):
            self.newest_done = (info.job_id, info.image_id)
        if info.finished_after_s is not None:
            longest = self.longest_finished_s
            self.longest_finished_s = max(longest or 0.0, info.finished_after_s)
        elif info.state is JobState.RUNNING and info.started_at is not None:
            self.running_since[info.job_id] = info.started_at

    def remove(self, info: JobInfo) -> None:
        self.counts[info.state] -= 1
        self.running_since.pop(info.job_id, None)
        newest = self.newest_done is not None and self.newest_done[0] == info.job_id
        longest = info.finished_after_s is not None
        if newest or (longest and info.finished_after_s == self.longest_finished_s):
            self.stale = True

    def rebuild(self, jobs: list[JobInfo]) -> None:
        self.counts.clear()
        self.running_since.clear()
        self.newest_done, self.longest_finished_s, self.stale = None, None, False
        for info in jobs:
            self.add(info)

    def elapsed_s(self) -> float | None:
        now = time.monotonic()
        times = [now - since for since in self.running_since.values()]
        if self.longest_finished_s is not None:
            times.append(self.longest_finished_s)
        return max(times) if times else None
