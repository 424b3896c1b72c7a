"""Where the API lives: the two regions, the `STEPFUN_BASE_URL` override, and a safety check.

The check exists because the key travels in every request's `Authorization` header: a base URL
that is plain http to another machine would send it in clear text, so only https, or http to
this machine (the stand-in, a local proxy), is accepted.
"""

from __future__ import annotations

import ipaddress
import os
from collections.abc import Mapping
from urllib.parse import urlsplit

from stepfun_studio.core.text import tr

REGIONS: dict[str, str] = {
    "cn": "https://api.stepfun.com/v1",
    "intl": "https://api.stepfun.ai/v1",
}
DEFAULT_REGION = "cn"
ENV_BASE_URL = "STEPFUN_BASE_URL"


def resolve_base_url(region: str, custom: str | None, env: Mapping[str, str] = os.environ) -> str:
    """The base URL to use: `STEPFUN_BASE_URL` wins, then a custom URL, then the region's host."""
    from_env = env.get(ENV_BASE_URL, "").strip()
    if from_env:
        return from_env.rstrip("/")
    if custom and custom.strip():
        return custom.strip().rstrip("/")
    return REGIONS.get(region, REGIONS[DEFAULT_REGION])


def is_loopback_host(host: str) -> bool:
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def check_base_url(url: str) -> str | None:
    """None when `url` is safe to send the key to, else a message saying what to change."""
    try:
        parts = urlsplit(url.strip())
        host = parts.hostname or ""
    except ValueError:
        return tr("ApiConfig", "The server address “{url}” is not a valid URL.").format(url=url)
    if parts.scheme not in ("http", "https") or not host:
        return tr(
            "ApiConfig", "The server address must start with https:// (it is “{url}”)."
        ).format(url=url)
    if parts.scheme == "http" and not is_loopback_host(host):
        return tr(
            "ApiConfig",
            "The server address {url} uses plain http, which would send your API key "
            "unencrypted. Use https://, or http:// only to this computer (127.0.0.1, localhost).",
        ).format(url=url)
    return None
