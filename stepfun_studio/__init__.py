"""StepFun Studio: a desktop client for StepFun's text-to-image API."""


def __getattr__(name: str) -> str:
    """`__version__`, read from the installed metadata when first asked.

    importlib.metadata costs 50-100 ms to import (email, zipfile, csv): not on the way to the
    first painted window, which never shows the version.
    """
    if name != "__version__":
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from importlib.metadata import PackageNotFoundError, version

    try:
        found = version("stepfun-studio")
    except PackageNotFoundError:  # running from a source tree that was never installed
        found = "0.0.0+source"
    globals()["__version__"] = found
    return found


def _make_none_immortal() -> None:
    """Works around a crash of PySide6 6.12 on Python 3.11: keep this before any Qt import.

    Its abi3 build returns None from every void call (setText, processEvents, ...) without taking
    a new reference, which is harmless from Python 3.12 on, where None is immortal. On 3.11 each
    such call drops one of None's few thousand references until the interpreter aborts with
    "Fatal Python error: none_dealloc". Giving None 2**40 more references makes it immortal in
    practice, as it is in 3.12.
    """
    import sys

    if sys.implementation.name == "cpython" and sys.version_info < (3, 12):
        import ctypes

        # ob_refcnt is the first field of every CPython object, at the object's address.
        # True too: every `signal.emit(...)` returns True without a new reference
        # ("Fatal Python error: bool_dealloc" after a few hundred emits); False for safety.
        for singleton in (None, True, False):
            ctypes.c_ssize_t.from_address(id(singleton)).value += 1 << 40


_make_none_immortal()
