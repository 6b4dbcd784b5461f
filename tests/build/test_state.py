"""SiteState: recorded as JSON and read back the same."""

from __future__ import annotations

from dataclasses import fields

import pytest

from versus.build.state import SiteState


def _state() -> SiteState:
    return SiteState(
        code="c",
        data="d",
        kinds={"pair": "k1", "index": "k2"},
        models={"a": "m1", "b": "m2"},
        names="n",
        dates="t",
        assets={"assets/style.css": "s"},
        inputs="i",
        suites=("s1", "s2"),
    )


def test_a_state_is_recorded_with_every_field_and_read_back_equal() -> None:
    state = _state()
    recorded = state.to_json()
    assert set(recorded) == {f.name for f in fields(SiteState)}
    assert SiteState.from_json(recorded) == state


def test_a_record_without_a_field_is_no_known_state() -> None:
    recorded = _state().to_json()
    del recorded["dates"]  # written before the sitemap's dates were recorded
    with pytest.raises(KeyError):  # TreeStates reads it as unknown: a full build
        SiteState.from_json(recorded)
