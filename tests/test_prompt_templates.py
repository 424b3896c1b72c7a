"""Styles, A1111's styles.csv, seed-stable wildcards, and X/Y grid planning: the pure parts."""

from __future__ import annotations

import pytest

from stepfun_studio.core.prompt_templates import (
    PromptStyle,
    TemplateError,
    apply_style,
    apply_template,
    expand_wildcards,
    parse_styles_csv,
    wildcard_names,
)
from stepfun_studio.core.request import GenerationRequest
from stepfun_studio.core.xy_grid import AxisKind, GridError, parse_axis, plan_grid


def test_a_template_places_the_prompt_in_its_slot_or_follows_it() -> None:
    assert apply_template("cinematic still of {prompt}, film grain", "a fox") == (
        "cinematic still of a fox, film grain"
    )
    assert apply_template("watercolor, soft light", "a fox,") == "a fox, watercolor, soft light"
    assert apply_template("", "a fox") == "a fox"
    style = PromptStyle("ink", "水墨画 {prompt}", "photo")
    assert apply_style(style, "山水", "blurry") == ("水墨画 山水", "blurry, photo")


def test_a1111_styles_csv_is_read_with_its_quoting_and_bom() -> None:
    text = (
        "\ufeffname,prompt,negative_prompt\n"
        '"Cinematic","cinematic still of {prompt}, bokeh","cartoon, ugly"\n'
        "Empty,,\n"
        ",nameless,\n"
    )
    styles = parse_styles_csv(text)
    assert styles == [
        PromptStyle("Cinematic", "cinematic still of {prompt}, bokeh", "cartoon, ugly"),
        PromptStyle("Empty", "", ""),
    ]
    with pytest.raises(TemplateError, match="A1111 styles file"):
        parse_styles_csv("title,text\na,b\n")


def test_wildcards_are_stable_for_a_seed_and_vary_between_seeds() -> None:
    lists = {"colour": ["red", "green", "blue", "gold", "teal"], "animal": ["fox", "owl"]}
    prompt = "a __colour__ __animal__ beside a __colour__ house"
    assert wildcard_names(prompt) == ["colour", "animal"]
    first = expand_wildcards(prompt, lists, seed=42)
    assert first == expand_wildcards(prompt, lists, seed=42)
    assert "__" not in first
    seen = {expand_wildcards(prompt, lists, seed=seed) for seed in range(1, 40)}
    assert len(seen) > 5  # the seed decides; not one fixed choice
    with pytest.raises(TemplateError, match="__shape__"):
        expand_wildcards("a __shape__", lists, seed=1)


def test_a_grid_plans_every_combination_and_refuses_what_the_model_lacks() -> None:
    base = GenerationRequest(prompt="a red fox", model="step-2x-large", size="512x512")
    grid = plan_grid(base, parse_axis("cfg=3,7.5"), parse_axis("seed=1,2"))
    assert [(c.column, c.row, c.request.cfg_scale, c.request.seed) for c in grid.cells] == [
        (0, 0, 3.0, 1), (1, 0, 7.5, 1), (0, 1, 3.0, 2), (1, 1, 7.5, 2),
    ]  # fmt: skip
    assert grid.title() == "CFG scale × Seed"
    # No seed axis: one shared seed, so only the axis differs between cells.
    shared = plan_grid(base, parse_axis("steps=20,40"), None, shared_seed=77)
    assert {cell.request.seed for cell in shared.cells} == {77}
    replaced = plan_grid(base, parse_axis("prompt=red,blue"), None)
    assert [cell.request.prompt for cell in replaced.cells] == ["a red fox", "a blue fox"]
    gpt = GenerationRequest(prompt="a fox", model="gpt-image-1", provider="openai")
    with pytest.raises(GridError, match="no Seed"):
        plan_grid(gpt, parse_axis("seed=1,2"), None)
    with pytest.raises(GridError, match="another provider"):
        plan_grid(gpt, parse_axis("model=Kwai-Kolors/Kolors"), None)
    with pytest.raises(GridError, match="same thing"):
        plan_grid(base, parse_axis("seed=1,2"), parse_axis("seed=3,4"))
    assert parse_axis("CFG = 3, 7.5 ").kind is AxisKind.CFG
