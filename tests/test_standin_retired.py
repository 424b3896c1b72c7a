"""StepFun on the stand-in after its image API was retired, and its free endpoints.

StepFun retired its image models (providers.md): with `retired_models` the stand-in answers as
the retired service does, so the app's lifecycle messages can be tested. Chat models, the models
list and the balance stay.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator

import pytest
from test_standin_support import KEY, get, post_json

from stepfun_studio.core.model_table import model_table
from stepfun_studio.standin import StandinServer

BODY = {"model": "step-2x-large", "prompt": "a fox", "size": "256x256"}


@pytest.fixture
def retired() -> Iterator[StandinServer]:
    with StandinServer(accepted_keys={KEY}, retired_models=True) as standin:
        yield standin


@pytest.mark.parametrize("model", ["step-1x-medium", "step-2x-large", "step-image-edit-2"])
def test_retired_models_answer_404_model_not_found(retired: StandinServer, model: str) -> None:
    answer = post_json(retired.base_url + "/images/generations", {**BODY, "model": model})
    assert answer.status == 404
    assert answer.json == {"error": {"message": "model not found", "type": "invalid_request_error"}}
    assert retired.request_count("/v1/images/generations") == 1


def test_a_retired_service_can_answer_503_instead() -> None:
    with StandinServer(accepted_keys={KEY}, retired_models="503") as standin:
        answer = post_json(standin.base_url + "/images/generations", BODY)
    assert answer.status == 503
    assert answer.json["error"]["type"] == "server_error"


def test_retired_keeps_the_key_check_and_the_other_providers(retired: StandinServer) -> None:
    assert post_json(retired.base_url + "/images/generations", BODY, key="sk-no").status == 401
    openai = {"model": "gpt-image-1-mini", "prompt": "a fox", "quality": "low"}
    assert post_json(retired.base_url_for("openai") + "/images/generations", openai).status == 200


def test_retired_service_lists_only_chat_models_and_still_has_a_balance(
    retired: StandinServer,
) -> None:
    names = [model["id"] for model in get(retired.base_url + "/models").json["data"]]
    assert names and not set(names) & set(model_table().names())
    assert get(retired.base_url + "/accounts").status == 200


def test_the_retired_fault_answers_one_request_so() -> None:
    with StandinServer(accepted_keys={KEY}) as standin:
        standin.add_fault("retired")
        assert post_json(standin.base_url + "/images/generations", BODY).status == 404
        assert post_json(standin.base_url + "/images/generations", BODY).status == 200


def test_models_list_has_only_stepfuns_models_and_accounts_has_the_balance() -> None:
    with StandinServer(accepted_keys={KEY}, balance=12.5) as standin:
        names = {model["id"] for model in get(standin.base_url + "/models").json["data"]}
        account = get(standin.base_url + "/accounts").json
        assert get(standin.base_url + "/accounts", key=None).status == 401
    assert names == {model.name for model in model_table().models_of("stepfun")}
    assert account["balance"] == 12.5
    assert account["total_cash_balance"] + account["total_voucher_balance"] == 12.5
    assert set(account) >= {"balance", "total_cash_balance", "total_voucher_balance", "type"}


def test_stepfun_refuses_another_providers_model() -> None:
    with StandinServer(accepted_keys={KEY}) as standin:
        answer = post_json(
            standin.base_url + "/images/generations", {**BODY, "model": "gpt-image-1"}
        )
    assert answer.status == 400
    assert answer.json["error"]["message"].startswith("Request param: model is invalid")
    assert "gpt-image-1" not in answer.json["error"]["message"]


def test_command_line_retired_flag() -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "stepfun_studio.standin", "--port", "0", "--retired"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        base_url = process.stdout.readline().strip()
        answer = post_json(base_url + "/images/generations", BODY, key="any-key")
        assert answer.status == 404
    finally:
        process.terminate()
        process.wait(timeout=10)
