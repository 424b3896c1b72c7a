"""The generation queue (QtCore only): `JobQueue` on the GUI thread, `GenerationWorker` off it."""
