"""Odd characters in prompts and searches: cleaned where they enter, never a traceback."""

from __future__ import annotations

import pytest
from test_library_support import simple_result

from stepfun_studio.core.paths import AppPaths
from stepfun_studio.core.plain_text import plain_text
from stepfun_studio.core.request import GenerationRequest
from stepfun_studio.library import ImageQuery, Library


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("a cat", "a cat"),
        ("line one\nline two\ttab", "line one\nline two\ttab"),
        ("nul\x00 inside", "nul inside"),
        ("lone \ud83d surrogate", "lone \ufffd surrogate"),
        ("\x1b]0;pwned title\x07hello", "hello"),  # OSC: sets the terminal's title
        ("\x1b[2J\x1b[31mred\x1b[0m", "red"),  # CSI: clears the screen, colours
        ("windows\r\nlines", "windows\nlines"),
        ("樱花\u200b猫", "樱花\u200b猫"),  # format characters that are not control codes stay
    ],
)
def test_plain_text(raw: str, clean: str) -> None:
    assert plain_text(raw) == clean


def test_a_request_cleans_its_prompts() -> None:
    request = GenerationRequest(prompt="a\x00 cat \udc80", negative_prompt="\x1b[2Jblur")
    assert request.prompt == "a cat \ufffd"
    assert request.negative_prompt == "blur"


def test_a_pasted_lone_surrogate_is_stored_and_found(app_paths: AppPaths) -> None:
    library = Library.open(app_paths)
    try:
        image_id = library.ingest_result(simple_result("broken \ud83d emoji paste", 1))
        assert library.query_ids(ImageQuery(text="emoji")) == [image_id]
        # Searches holding the same odd characters neither raise nor lose the picture: the
        # stored prompt and the search were cleaned the same way (a lone half becomes U+FFFD).
        assert library.query_ids(ImageQuery(text="\x00")) == [image_id]
        assert library.query_ids(ImageQuery(text="emoji\x00 \udc80")) == [image_id]
        assert library.count(ImageQuery(text="broken\x00")) == 1
        assert library.query_ids(ImageQuery(text="cat\x00")) == []
    finally:
        library.close()
