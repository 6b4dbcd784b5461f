"""SiteState: recorded as JSON and read back the same."""

from __future__ import annotations

from dataclasses import fields, replace

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


def test_a_description_edit_makes_stale_only_the_kinds_that_print_it() -> None:
    from versus.build.state import changes
    from versus.site.kinds import KINDS, Reads

    old = replace(_state(), facts={"a": "f1", "b": "f2"})
    new = replace(old, models={"a": "m1 edited", "b": "m2"})  # facts the same
    stale = {spec.kind for spec in changes(old, new).pages}
    printing = {k.name for k in KINDS if {Reads.OWN_MODELS, Reads.ANY_MODEL} & k.reads}
    assert stale
    assert stale <= printing
    assert "index" not in stale
    assert "pair" not in stale
    # a state recorded before facts were: every model's facts count as changed
    unknown = SiteState.from_json({**old.to_json(), "facts": {}})
    assert {"index", "pair"} <= {spec.kind for spec in changes(unknown, new).pages}
