"""``{% cache key, ... %} ... {% endcache %}``: a template block rendered once per key.

A model's overview, a suite's heading or its methodology is the same on every
one of hundreds of pages. A template marks such a block with the values it
depends on, and the block is rendered the first time those values are seen and
reused after that, within one environment (one build, one worker process)::

    {% cache table.suite_id %}<h3>{{ table.suite.name }}</h3>{% endcache %}

The key is the template's name, the tag's place in it and the given values,
so two blocks never share an entry; naming every value the block prints is the
template author's part, as with Django's ``{% cache %}`` tag. The cache is a
plain dict on the environment: nothing is global and nothing expires.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable, Hashable

import jinja2
from jinja2 import nodes
from jinja2.ext import Extension
from jinja2.parser import Parser
from markupsafe import Markup


class FragmentCache(Extension):
    tags = {"cache"}  # noqa: RUF012 - Jinja reads the names of its tags from the class

    def __init__(self, environment: jinja2.Environment) -> None:
        super().__init__(environment)
        self.fragments: dict[Hashable, Markup] = {}
        self._tags: weakref.WeakKeyDictionary[Parser, int] = weakref.WeakKeyDictionary()

    def parse(self, parser: Parser) -> nodes.Node:
        lineno = next(parser.stream).lineno
        ordinal = self._tags[parser] = self._tags.get(parser, 0) + 1  # n-th tag of this template
        keys: list[nodes.Expr] = [nodes.Const(parser.name), nodes.Const(ordinal)]
        keys.append(parser.parse_expression())
        while parser.stream.skip_if("comma"):
            keys.append(parser.parse_expression())
        body = parser.parse_statements(("name:endcache",), drop_needle=True)
        call = self.call_method("_render_once", [nodes.Tuple(keys, "load")])
        return nodes.CallBlock(call, [], [], body).set_lineno(lineno)

    def _render_once(self, key: Hashable, caller: Callable[[], str]) -> Markup:
        html = self.fragments.get(key)
        if html is None:
            html = self.fragments[key] = Markup(caller())
        return html
