"""StepFun's image API on the stand-in (`/v1`), as the app has always known it.

Routes `/images/generations`, `/images/image2image` and `/images/edits` (multipart), free
`GET /models` and `GET /accounts` (the balance). Answers `{id, created, data: [{seed,
finish_reason, url | b64_json}]}`, errors `{error: {message, type}}` (`checks.py` has the
server's checks and its recorded words). StepFun retired its image API (providers.md): with
`StandinServer(retired_models=True)` or the "retired" fault it answers as the retired service
does, 404 "model not found" (or 503 with `retired_models="503"`).
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PIL import Image

from stepfun_studio.core.model_table import ModelSpec
from stepfun_studio.core.request import Mode
from stepfun_studio.standin.checks import Job, check
from stepfun_studio.standin.faults import Fault
from stepfun_studio.standin.pictures import render, render_edit
from stepfun_studio.standin.protocols.base import Body, Files, Protocol, fault_name
from stepfun_studio.standin.refusal import RefusalError

if TYPE_CHECKING:
    from stepfun_studio.standin.handler import StandinHandler

# Status faults in StepFun's envelope: (status, message, type).
STEPFUN_FAULTS: dict[str, tuple[int, str, str]] = {
    "400": (400, "Request param: prompt is invalid", "input_invalid"),
    "401": (401, "Incorrect API key provided", "invalid_api_key"),
    "402": (402, "Insufficient account balance, please recharge", "insufficient_balance"),
    "429": (429, "Rate limit reached for requests, please try again later", "rate_limit"),
    "451": (451, "The request or the result did not pass content moderation", "content_risk"),
    "500": (500, "Internal server error", "server_error"),
    "503": (503, "Service temporarily unavailable", "server_error"),
    "504": (504, "Gateway timeout", "server_error"),
    "retired": (404, "model not found", "invalid_request_error"),
}
# What StepFun still serves once its image models are gone: chat and vision (providers.md).
CHAT_MODELS = ("step-1o-turbo-vision", "step-3.5-flash", "step-3.7-flash")


class StepFunProtocol(Protocol):
    def post_routes(self) -> dict[str, str]:
        return {mode.path: mode.value for mode in Mode}

    def get_routes(self) -> dict[str, Callable[[StandinHandler], object]]:
        return {"/models": self._models, "/accounts": self._accounts}

    @property
    def models(self) -> tuple[ModelSpec, ...]:
        return self.table.models_of(self.provider.id)

    def _models(self, http: StandinHandler) -> object:
        created = int(time.time())
        names = CHAT_MODELS if self.standin.retired_models else tuple(m.name for m in self.models)
        models = [
            {"id": name, "object": "model", "created": created, "owned_by": "stepfun"}
            for name in names
        ]
        return {"object": "list", "data": models}

    def _accounts(self, http: StandinHandler) -> object:
        balance = round(self.standin.balance, 2)
        return {
            "object": "account",
            "balance": balance,
            "total_cash_balance": round(balance * 0.8, 2),
            "total_voucher_balance": round(balance * 0.2, 2),
            "type": "prepaid",
        }

    # -- errors -------------------------------------------------------------------------------

    def error_payload(self, refusal: RefusalError, http: StandinHandler) -> object:
        return {
            "error": {"message": refusal.message, "type": refusal.error_type or "input_invalid"}
        }

    def status_fault(self, name: str) -> RefusalError:
        status, message, error_type = STEPFUN_FAULTS[name]
        return RefusalError(status, message, error_type=error_type)

    def not_found(self, method: str, path: str) -> RefusalError:
        return RefusalError(404, f"Not found: {path}", error_type="not_found")

    def unauthorized(self) -> RefusalError:
        return RefusalError(401, "Incorrect API key provided", error_type="invalid_api_key")

    def too_many(self, message: str) -> RefusalError:
        return RefusalError(429, message, error_type="rate_limit")

    # -- requests -----------------------------------------------------------------------------

    def check(self, endpoint: str, body: Body, files: Files) -> Job:
        self._refuse_if_retired(body)
        return check(Mode(endpoint), body, files, self.models)

    def _refuse_if_retired(self, body: Body) -> None:
        answer = self.standin.retired_models
        if not answer:
            return
        spec = self.table.get(str(body.get("model") or ""))
        if spec is None or spec.provider != self.provider.id:
            return
        if spec.lifecycle.status == "retired":
            raise self.status_fault("503" if str(answer) == "503" else "retired")

    def answer(self, http: StandinHandler, order: Any, fault: Fault | None) -> object:
        job: Job = order
        name = fault_name(fault)
        seed = self.standin.choose_seed(job.seed)
        png = self.picture(fault, job.width, job.height, self._painter(job, seed))
        item: dict[str, Any] = {
            "finish_reason": "content_filtered" if name == "content_filtered" else "success",
            "seed": seed,
        }
        item.update(self.deliver(png, fault, as_url=job.response_format != "b64_json"))
        payload: dict[str, Any] = {"id": f"{uuid.uuid4().hex}.{uuid.uuid4().hex}"}
        if name != "no_created":  # seen in real answers: `created` can be missing
            payload["created"] = int(time.time())
        payload["data"] = [] if name == "empty_data" else [item]
        return payload

    def _painter(self, job: Job, seed: int) -> Callable[[int, int], Image.Image]:
        def paint(width: int, height: int) -> Image.Image:
            if job.mode is Mode.EDIT and job.source is not None:
                edited = render_edit(
                    job.source, job.prompt, seed, steps=job.steps, cfg=job.cfg_scale
                )
                return edited if edited.size == (width, height) else edited.resize((width, height))
            return render(
                job.prompt,
                seed,
                width,
                height,
                steps=job.steps,
                cfg=job.cfg_scale,
                source=job.source,
                source_weight=job.source_weight,
                style=job.style,
                style_weight=job.style_weight,
            )

        return paint

    def link(self, image_id: str, born: float, life_s: float, extension: str) -> str:
        date = time.strftime("%Y%m%d", time.gmtime(born))
        stamp = time.strftime("%Y%m%dT%H%M%SZ", time.gmtime(born))
        return (
            f"{self.standin.origin}/image_gen/{date}/{image_id}.png?X-Tos-Algorithm=TOS4-HMAC-SHA256"
            f"&X-Tos-Date={stamp}&X-Tos-Expires={int(life_s)}"
            f"&X-Tos-Signature={uuid.uuid4().hex}"
        )
