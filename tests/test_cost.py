"""How money is shown: per currency, as a person writes it."""

from __future__ import annotations

from stepfun_studio.core.cost import format_money


def test_money_reads_as_a_person_writes_it() -> None:
    assert format_money(0.1, "CNY") == "¥0.10"
    assert format_money(0.042, "USD") == "$0.042"
    assert format_money(0.28912, "USD") == "$0.289"
    assert format_money(12.5, "USD") == "$12.50"
    assert format_money(1234.5678, "CHF") == "1,234.57 CHF"
