"""What pictures cost: the table's price for a request, and money written for people.

A provider that reports what a picture cost (token usage) is believed; otherwise the model
table's price for the model and its options stands in. Amounts in different currencies are
never added together: every sum here is kept per currency.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from stepfun_studio.core.model_table import ModelTable, model_table
from stepfun_studio.core.request import GenerationRequest
from stepfun_studio.core.result import GenerationResult

_SYMBOLS = {"CNY": "¥", "USD": "$", "EUR": "€", "GBP": "£"}


def table_price(
    request: GenerationRequest, table: ModelTable | None = None
) -> tuple[float, str] | None:
    """(price of one picture, currency) from the model table; None where it gives none."""
    model = (table or model_table()).get(request.model)
    if model is None or model.price is None:
        return None
    return model.price.for_options(dict(request.options)), model.price.currency


def picture_cost(
    result: GenerationResult, table: ModelTable | None = None
) -> tuple[float | None, str | None]:
    """(cost, currency) of one result: the provider's figure, else the table's price."""
    if result.cost is not None and result.currency:
        return result.cost, result.currency
    price = table_price(result.request, table)
    if price is None:
        return None, None
    return price


def with_cost(result: GenerationResult, table: ModelTable | None = None) -> GenerationResult:
    """`result` with its cost filled from the table where the provider gave none."""
    cost, currency = picture_cost(result, table)
    if (cost, currency) == (result.cost, result.currency):
        return result
    return replace(result, cost=cost, currency=currency)


def format_money(amount: float, currency: str) -> str:
    """ "¥0.10", "$0.042", "12.50 CHF": two decimals, a third below 10 where a price needs it.

    Token-priced pictures cost odd fractions ($0.28912): a person reads three places at most.
    """
    most = 3 if abs(amount) < 10 else 2
    decimals = 2
    while decimals < most and amount and round(abs(amount), decimals) != round(abs(amount), 6):
        decimals += 1
    number = f"{abs(amount):,.{decimals}f}"
    sign = "-" if amount < 0 else ""
    symbol = _SYMBOLS.get(currency.upper())
    if symbol is None:
        return f"{sign}{number} {currency}"
    return f"{sign}{symbol}{number}"


def sums_by_currency(items: Iterable[tuple[float, str]]) -> dict[str, float]:
    """Amounts added up per currency, currencies in the order first seen."""
    sums: dict[str, float] = {}
    for amount, currency in items:
        sums[currency] = sums.get(currency, 0.0) + amount
    return sums


def format_sums(sums: dict[str, float]) -> str:
    """ "¥1.20 + $0.34": each currency on its own, never converted."""
    return " + ".join(format_money(amount, currency) for currency, amount in sums.items())
