"""The bytes on the wire for every adapter: one capped send, one capped and checked download.

Both read the body as a stream and stop at a byte cap, so a hostile or broken server cannot make
us hold more than the cap in memory; the caller puts a whole-request deadline around each (an
`asyncio.timeout`), since per-read timeouts alone let a server that trickles a byte a second
hold a request forever.

Result links come from the server's answer, not from the user: a link to a private, link-local
or loopback address (a cloud metadata service, the user's router) is refused before any
connection, unless the API itself lives on this machine (the stand-in, a local proxy). Names are
resolved and every address checked; redirects are followed by hand so each hop is checked too.
"""

from __future__ import annotations

import asyncio
import ipaddress
import json
import socket
from collections.abc import AsyncIterator, Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any
from urllib.parse import urljoin, urlsplit

from stepfun_studio.api.errors import bad_image, bad_response, download_failed, expired_link
from stepfun_studio.api.providers.base import WireCall

if TYPE_CHECKING:
    import httpx2

EXPIRED_STATUSES = (403, 404, 410)
REDIRECT_STATUSES = (301, 302, 303, 307, 308)
MAX_REDIRECTS = 5
# An error answer is read this far and no further: its words are all we want of it.
ERROR_BODY_CAP = 64 * 1024


@dataclass(frozen=True)
class RawReply:
    """An answer as received: status, headers, and the body (whole, within the cap)."""

    status: int
    headers: Mapping[str, str]
    body: bytes = field(repr=False)


class CapExceededError(Exception):
    """The body was longer than the cap; raised before more than the cap was read."""


async def _read_capped(response: httpx2.Response, cap: int, *, stop_quietly: bool) -> bytes:
    declared = int(response.headers.get("content-length") or 0)
    if declared > cap and not stop_quietly:
        raise CapExceededError(f"the answer announces {declared} bytes, over the limit of {cap}")
    chunks: list[bytes] = []
    total = 0
    async for chunk in response.aiter_bytes():
        total += len(chunk)
        if total > cap:
            if stop_quietly:
                chunks.append(chunk[: cap - (total - len(chunk))])
                break
            raise CapExceededError(f"the answer is over the limit of {cap} bytes")
        chunks.append(chunk)
    return b"".join(chunks)


async def send(
    client: httpx2.AsyncClient,
    call: WireCall,
    *,
    cap: int,
    headers: Mapping[str, str] | None = None,
    trace_id_of: Callable[[Mapping[str, str]], str | None] | None = None,
    provider: str | None = None,
) -> RawReply:
    """Sends `call`; a 2xx body over `cap` is refused (it may have been billed)."""
    kwargs: dict[str, Any] = {"headers": dict(headers or {})}
    if call.json is not None:
        kwargs["content"] = json.dumps(call.json, ensure_ascii=False).encode("utf-8")
        kwargs["headers"]["Content-Type"] = "application/json"
    elif call.is_multipart:
        kwargs["data"] = _form_fields(call.form)
        kwargs["files"] = [
            (upload.name, (upload.filename, upload.data, upload.mime)) for upload in call.files
        ]
    async with client.stream(call.method, call.path.lstrip("/"), **kwargs) as response:
        success = 200 <= response.status_code < 300
        try:
            body = await _read_capped(
                response, cap if success else ERROR_BODY_CAP, stop_quietly=not success
            )
        except CapExceededError as over:
            trace_id = trace_id_of(response.headers) if trace_id_of else None
            raise bad_response(str(over), trace_id=trace_id, provider=provider) from None
        return RawReply(response.status_code, response.headers, body)


async def read_error_body(response: httpx2.Response) -> bytes:
    """An error answer's first bytes: its words are all we want of it."""
    return await _read_capped(response, ERROR_BODY_CAP, stop_quietly=True)


async def server_events(response: httpx2.Response, cap: int) -> AsyncIterator[bytes]:
    """The `data:` payloads of a server-sent event stream until `[DONE]`, or the whole body
    when the server answered plain JSON; CapExceededError past `cap` bytes in all."""
    if "text/event-stream" not in response.headers.get("content-type", ""):
        yield await _read_capped(response, cap, stop_quietly=False)
        return
    total = 0
    pending = b""
    async for chunk in response.aiter_bytes():
        total += len(chunk)
        if total > cap:
            raise CapExceededError(f"the stream is over the limit of {cap} bytes")
        pending += chunk
        *lines, pending = pending.split(b"\n")
        for raw_line in lines:
            line = raw_line.strip()
            if not line.startswith(b"data:"):
                continue  # comments, event names, keep-alives
            payload = line[5:].strip()
            if payload == b"[DONE]":
                return
            if payload:
                yield payload


def _form_fields(form: tuple[tuple[str, str], ...]) -> dict[str, str | list[str]]:
    # httpx2 takes repeated names as a list value.
    fields: dict[str, str | list[str]] = {}
    for name, value in form:
        if name in fields:
            old = fields[name]
            fields[name] = [*old, value] if isinstance(old, list) else [old, value]
        else:
            fields[name] = value
    return fields


def parse_body(body: bytes) -> object:
    """An error body as JSON where it is JSON, else as text (None when empty)."""
    if not body.strip():
        return None
    try:
        return json.loads(body)
    except ValueError:
        return body.decode("utf-8", errors="replace")


# -- result links ---------------------------------------------------------------------------


def unsafe_address(address: str) -> bool:
    """True for any address that is not on the public internet (private, loopback, …)."""
    try:
        ip = ipaddress.ip_address(address.split("%", 1)[0])
    except ValueError:
        return True
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return not ip.is_global or ip.is_multicast


async def link_refusal(url: str, *, allow_private: bool) -> str | None:
    """Why `url` must not be fetched, or None. Resolves names; connects to nothing."""
    try:
        parts = urlsplit(url)
        host = parts.hostname or ""
        port = parts.port
    except ValueError:
        return f"the result link is not a valid URL: {url[:80]}"
    if parts.scheme not in ("http", "https") or not host:
        return f"the result link is not http(s): {url[:80]}"
    if allow_private:
        return None
    try:
        addresses = [str(ipaddress.ip_address(host))]
    except ValueError:
        try:
            infos = await asyncio.get_running_loop().getaddrinfo(
                host, port or (443 if parts.scheme == "https" else 80), type=socket.SOCK_STREAM
            )
        except OSError:
            return None  # the download itself will fail and say so
        addresses = [str(info[4][0]) for info in infos]
    for address in addresses:
        if unsafe_address(address):
            return (
                f"the result link points to {host} ({address}), a private or local network "
                "address; it was not fetched"
            )
    return None


async def fetch_link(
    client: httpx2.AsyncClient,
    url: str,
    *,
    cap: int,
    allow_private: bool,
    trace_id: str | None,
    provider: str | None = None,
) -> bytes:
    """The bytes behind a result link, at most `cap`; `client` must carry no API key."""
    import httpx2

    for _ in range(MAX_REDIRECTS + 1):
        refusal = await link_refusal(url, allow_private=allow_private)
        if refusal is not None:
            raise bad_response(refusal, trace_id=trace_id, provider=provider)
        try:
            async with client.stream("GET", url) as response:
                location = response.headers.get("location")
                if response.status_code in REDIRECT_STATUSES and location:
                    url = urljoin(url, location)
                    continue
                if response.status_code in EXPIRED_STATUSES:
                    raise expired_link(response.status_code, trace_id=trace_id)
                if response.status_code != 200:
                    raise download_failed(f"the link answered HTTP {response.status_code}")
                try:
                    return await _read_capped(response, cap, stop_quietly=False)
                except CapExceededError as over:
                    raise bad_image(str(over), trace_id=trace_id, provider=provider) from None
        except httpx2.TimeoutException as error:
            raise download_failed(type(error).__name__, timeout=True) from None
        except httpx2.HTTPError as error:
            raise download_failed(f"{type(error).__name__}: {error}") from None
    raise download_failed(f"the link redirected more than {MAX_REDIRECTS} times")
