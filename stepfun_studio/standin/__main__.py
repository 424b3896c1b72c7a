"""`python -m stepfun_studio.standin --port N --latency S`: the stand-in in the foreground.

Prints StepFun's base URL alone on the first line of stdout (so a script can read it, as the
benchmarks do), then one line per provider, `<provider id> <base URL>`, then serves until
interrupted.
"""

from __future__ import annotations

import argparse
import sys

from stepfun_studio.standin.server import V0_LIMITS, StandinServer


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m stepfun_studio.standin",
        description=(
            "A local stand-in for the image APIs Studio speaks (StepFun, OpenAI Images, "
            "Volcengine Ark, SiliconFlow, an OpenAI-compatible server), on 127.0.0.1."
        ),
    )
    parser.add_argument("--port", type=int, default=8765, help="0 picks a free port")
    parser.add_argument("--latency", type=float, default=0.0, help="seconds per image")
    parser.add_argument(
        "--url-expiry", type=float, default=None, help="seconds a link lives (default: per API)"
    )
    parser.add_argument("--key", action="append", help="accept only this key (repeatable)")
    parser.add_argument("--v0-limits", action="store_true", help="answer 429 beyond V0's limits")
    parser.add_argument(
        "--retired",
        nargs="?",
        const="404",
        choices=("404", "503"),
        help="answer StepFun's retired image models as the retired service does (404 or 503)",
    )
    args = parser.parse_args(argv)
    server = StandinServer(
        port=args.port,
        latency_s=args.latency,
        url_expiry_s=args.url_expiry,
        accepted_keys=set(args.key) if args.key else None,
        limits=V0_LIMITS if args.v0_limits else None,
        retired_models=args.retired or False,
    )
    print(server.base_url, flush=True)
    for provider_id, base_url in server.base_urls().items():
        print(f"{provider_id} {base_url}", flush=True)
    print("Serving the stand-in; Ctrl+C stops it.", file=sys.stderr, flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
