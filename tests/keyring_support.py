"""Test helpers for the keyring: is a real Secret Service reachable, and a throwaway service name.

The keyring tests run against a real Secret Service inside `tests/run_pytest.sh`'s private D-Bus
session (gnome-keyring, unlocked with a throwaway password). Where there is none they skip and
say why, rather than pass without testing anything.
"""

from __future__ import annotations

import os
import uuid
from functools import cache
from typing import Any

import pytest


@cache
def secret_service_problem() -> str | None:
    """Why the real Secret Service cannot be used here, or None when it can."""
    if not os.environ.get("DBUS_SESSION_BUS_ADDRESS"):
        return "no D-Bus session bus: run through tests/run_pytest.sh (dbus-run-session)"
    if os.environ.get("STEPFUN_TEST_KEYRING") != "private-session":
        # A session bus of a desktop: its keyring is the user's own; tests keep out of it.
        return "not the throwaway keyring of tests/run_pytest.sh; the user's own is left alone"
    try:
        from keyring.backends import SecretService

        backend = SecretService.Keyring()
        probe = f"stepfun-studio-probe-{uuid.uuid4().hex}"
        backend.set_password(probe, "probe", "probe-value")
        ok = backend.get_password(probe, "probe") == "probe-value"
        backend.delete_password(probe, "probe")
    except Exception as exc:  # any failure means: no usable Secret Service here
        return f"Secret Service not usable: {type(exc).__name__}: {exc}"
    return None if ok else "Secret Service did not give back what was stored"


def real_secret_service() -> Any:
    """A real SecretService backend; skips the test (with the reason) where there is none."""
    problem = secret_service_problem()
    if problem is not None:
        pytest.skip(problem)
    from keyring.backends import SecretService

    return SecretService.Keyring()


def unique_service() -> str:
    """A keyring service name no other test (or the real app) uses."""
    return f"StepFun Studio test {uuid.uuid4().hex[:12]}"


def fake_key(prefix: str = "sk-TEST") -> str:
    """A recognisable, unique, key-shaped string."""
    return prefix + uuid.uuid4().hex + "Zz9"
