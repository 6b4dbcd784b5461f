# Jinja's code for versus/theme/compare.html, written by python -m versus.site.precompile
from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'compare.html'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    parent_template = None
    pass
    parent_template = environment.get_template('base.html', 'compare.html')
    for name, parent_block in parent_template.blocks.items():
        context.blocks.setdefault(name, []).append(parent_block)
    yield from parent_template.root_render_func(context)

def block_content(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_root = resolve('root')
    l_0_data_path = resolve('data_path')
    l_0_urls = resolve('urls')
    l_0_limit = resolve('limit')
    l_0_range = resolve('range')
    l_0_models = resolve('models')
    pass
    yield '<article class="several" id="several" data-json="'
    yield environment.escaped((undefined(name='root') if l_0_root is missing else l_0_root))
    yield environment.escaped((undefined(name='data_path') if l_0_data_path is missing else l_0_data_path))
    yield '" data-root="'
    yield environment.escaped((undefined(name='root') if l_0_root is missing else l_0_root))
    yield '" data-model="'
    yield environment.escaped((undefined(name='root') if l_0_root is missing else l_0_root))
    yield environment.escaped(environment.getattr((undefined(name='urls') if l_0_urls is missing else l_0_urls), 'MODEL'))
    yield '" data-pair="'
    yield environment.escaped((undefined(name='root') if l_0_root is missing else l_0_root))
    yield environment.escaped(environment.getattr((undefined(name='urls') if l_0_urls is missing else l_0_urls), 'PAIR'))
    yield '" data-suite="'
    yield environment.escaped((undefined(name='root') if l_0_root is missing else l_0_root))
    yield environment.escaped(environment.getattr((undefined(name='urls') if l_0_urls is missing else l_0_urls), 'SUITE'))
    yield '" data-methodology="'
    yield environment.escaped((undefined(name='root') if l_0_root is missing else l_0_root))
    yield environment.escaped(environment.getattr((undefined(name='urls') if l_0_urls is missing else l_0_urls), 'METHODOLOGY'))
    yield '" data-outcomes="'
    yield environment.escaped((undefined(name='root') if l_0_root is missing else l_0_root))
    yield environment.escaped(environment.getattr((undefined(name='urls') if l_0_urls is missing else l_0_urls), 'MODEL_OUTCOMES'))
    yield '" data-prompt="'
    yield environment.escaped((undefined(name='root') if l_0_root is missing else l_0_root))
    yield environment.escaped(environment.getattr((undefined(name='urls') if l_0_urls is missing else l_0_urls), 'PROMPT'))
    yield '" data-limit="'
    yield environment.escaped((undefined(name='limit') if l_0_limit is missing else l_0_limit))
    yield '">\n<header class="page-head">\n  <p class="eyebrow">Comparison</p>\n  <h1 id="several-title">Compare several models</h1>\n  <p class="lead">Up to '
    yield environment.escaped((undefined(name='limit') if l_0_limit is missing else l_0_limit))
    yield ' models side by side: properties, capabilities and eval scores, as on a comparison page.</p>\n</header>\n\n<form class="picker several-picker" aria-label="Models to compare">\n<p class="picker-fields">\n'
    for l_1_slot in context.call((undefined(name='range') if l_0_range is missing else l_0_range), 1, ((undefined(name='limit') if l_0_limit is missing else l_0_limit) + 1), _block_vars=_block_vars):
        _loop_vars = {}
        pass
        yield '<label>Model '
        yield environment.escaped(l_1_slot)
        yield '\n<select name="m'
        yield environment.escaped(l_1_slot)
        yield '"><option value="">None</option></select></label>\n'
    l_1_slot = missing
    yield '</p>\n</form>\n<div class="several-status" role="status"></div>\n<div class="several-tables"></div>\n<template id="capability-legend">'
    template = environment.get_template('partials/capability_legend.html', 'compare.html')
    gen = template.root_render_func(template.new_context(context.get_all(), True, {}))
    try:
        for event in gen:
            yield event
    finally: gen.close()
    yield '</template>\n\n<section class="several-fallback" aria-labelledby="several-models-title">\n<h2 id="several-models-title">Every model</h2>\n<p>Setting several models side by side takes JavaScript. Each model\'s page compares it with every other model, two at a time:</p>\n<ul class="link-list columns">\n'
    for l_1_model in (undefined(name='models') if l_0_models is missing else l_0_models):
        _loop_vars = {}
        pass
        yield '<li><a href="'
        yield environment.escaped((undefined(name='root') if l_0_root is missing else l_0_root))
        yield environment.escaped(environment.getattr(l_1_model, 'path'))
        yield '">'
        yield environment.escaped(environment.getattr(l_1_model, 'name'))
        yield '</a></li>\n'
    l_1_model = missing
    yield '</ul>\n</section>\n</article>\n<script src="'
    yield environment.escaped((undefined(name='root') if l_0_root is missing else l_0_root))
    yield 'assets/compare.js" defer></script>\n'

blocks = {'content': block_content}
debug_info = '1=12&2=17&9=32&13=57&18=59&19=63&20=65&26=69&32=76&33=80&38=87'
