# Jinja's code for versus/theme/pair.html, written by python -m versus.site.precompile
from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'pair.html'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    parent_template = None
    pass
    parent_template = environment.get_template('base.html', 'pair.html')
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
    l_0_pair = resolve('pair')
    l_0_glossary = resolve('glossary')
    l_0_root = resolve('root')
    l_0_urls = resolve('urls')
    l_0_models = missing
    try:
        t_1 = environment.filters['overview_html']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'overview_html' found.")
    try:
        t_2 = environment.filters['sentence_html']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'sentence_html' found.")
    pass
    l_0_models = environment.getattr((undefined(name='pair') if l_0_pair is missing else l_0_pair), 'models')
    _block_vars['models'] = l_0_models
    yield '<article class="pair">\n<header class="page-head">\n  <p class="eyebrow">Comparison</p>\n  <h1><bdi>'
    yield environment.escaped(environment.getattr(environment.getattr((undefined(name='pair') if l_0_pair is missing else l_0_pair), 'a'), 'name'))
    yield '</bdi> <span class="vs">vs</span> <bdi>'
    yield environment.escaped(environment.getattr(environment.getattr((undefined(name='pair') if l_0_pair is missing else l_0_pair), 'b'), 'name'))
    yield '</bdi></h1>\n  <p class="lead">'
    yield environment.escaped(t_2(environment.getattr((undefined(name='pair') if l_0_pair is missing else l_0_pair), 'lead')))
    yield '</p>\n'
    if environment.getattr((undefined(name='pair') if l_0_pair is missing else l_0_pair), 'lead_points'):
        pass
        yield '  <ul class="lead-points" aria-label="At a glance">\n'
        for l_1_point in environment.getattr((undefined(name='pair') if l_0_pair is missing else l_0_pair), 'lead_points'):
            _loop_vars = {}
            pass
            yield '    <li>'
            yield environment.escaped(t_2(l_1_point))
            yield '</li>\n'
        l_1_point = missing
        yield '  </ul>\n'
    yield '  <p class="demo-note">'
    yield environment.escaped(t_2(environment.getattr((undefined(name='pair') if l_0_pair is missing else l_0_pair), 'demo_sentence')))
    yield '</p>\n  <nav class="toc" aria-label="On this page">\n    <ul>\n      <li><a href="#overview">Overview</a></li>\n      <li><a href="#properties">Properties</a></li>\n      <li><a href="#capabilities">Capabilities</a></li>\n      <li><a href="#scores">Eval scores</a></li>\n'
    if environment.getattr((undefined(name='pair') if l_0_pair is missing else l_0_pair), 'differences'):
        pass
        yield '      <li><a href="#differences">Where they differ</a></li>\n'
    yield '    </ul>\n  </nav>\n</header>\n\n<section id="overview" aria-labelledby="overview-title">\n<h2 id="overview-title">Models in this comparison</h2>\n<div class="model-cards">\n'
    for l_1_model in (undefined(name='models') if l_0_models is missing else l_0_models):
        _loop_vars = {}
        pass
        yield environment.escaped(t_1(l_1_model, (undefined(name='root') if l_0_root is missing else l_0_root)))
    l_1_model = missing
    yield '</div>\n</section>\n\n<section id="properties" aria-labelledby="properties-title">\n<h2 id="properties-title">Properties</h2>\n'
    l_1_properties = environment.getattr((undefined(name='pair') if l_0_pair is missing else l_0_pair), 'properties')
    pass
    template = environment.get_template('partials/properties.html', 'pair.html')
    gen = template.root_render_func(template.new_context(context.get_all(), True, {'properties': l_1_properties, 'models': l_0_models}))
    try:
        for event in gen:
            yield event
    finally: gen.close()
    l_1_properties = missing
    yield '</section>\n\n<section id="capabilities" aria-labelledby="capabilities-title">\n<h2 id="capabilities-title">Capabilities</h2>\n<p>Every capability either card mentions, grouped as in the taxonomy'
    if (undefined(name='glossary') if l_0_glossary is missing else l_0_glossary):
        pass
        yield ' (<a href="'
        yield environment.escaped((undefined(name='root') if l_0_root is missing else l_0_root))
        yield '#capability-glossary">what each one means</a>)'
    yield '.</p>\n'
    l_1_capability_groups = environment.getattr((undefined(name='pair') if l_0_pair is missing else l_0_pair), 'capabilities')
    pass
    template = environment.get_template('partials/capabilities.html', 'pair.html')
    gen = template.root_render_func(template.new_context(context.get_all(), True, {'capability_groups': l_1_capability_groups, 'models': l_0_models}))
    try:
        for event in gen:
            yield event
    finally: gen.close()
    l_1_capability_groups = missing
    yield '</section>\n\n<section id="scores" aria-labelledby="scores-title">\n<h2 id="scores-title">Eval scores</h2>\n'
    for l_1_table in environment.getattr((undefined(name='pair') if l_0_pair is missing else l_0_pair), 'scores'):
        _loop_vars = {}
        pass
        l_2_gap = context.call(environment.getattr(environment.getattr((undefined(name='pair') if l_0_pair is missing else l_0_pair), 'gaps'), 'get'), environment.getattr(l_1_table, 'suite_id'), _loop_vars=_loop_vars)
        pass
        template = environment.get_template('partials/scores.html', 'pair.html')
        gen = template.root_render_func(template.new_context(context.get_all(), True, {'gap': l_2_gap, 'table': l_1_table, 'models': l_0_models}))
        try:
            for event in gen:
                yield event
        finally: gen.close()
        l_2_gap = missing
    l_1_table = missing
    if environment.getattr((undefined(name='pair') if l_0_pair is missing else l_0_pair), 'unevaluated_suites'):
        pass
        yield '<p class="empty">Neither model has results on '
        l_1_loop = missing
        for l_1_name, l_1_loop in LoopContext(environment.getattr((undefined(name='pair') if l_0_pair is missing else l_0_pair), 'unevaluated_suites'), undefined):
            _loop_vars = {}
            pass
            yield '<bdi>'
            yield environment.escaped(l_1_name)
            yield '</bdi>'
            if (not environment.getattr(l_1_loop, 'last')):
                pass
                yield ', '
        l_1_loop = l_1_name = missing
        yield '.</p>\n'
    yield '</section>\n\n'
    if environment.getattr((undefined(name='pair') if l_0_pair is missing else l_0_pair), 'differences'):
        pass
        template = environment.get_template('partials/differences.html', 'pair.html')
        gen = template.root_render_func(template.new_context(context.get_all(), True, {'models': l_0_models}))
        try:
            for event in gen:
                yield event
        finally: gen.close()
    yield '<section id="more" aria-labelledby="more-title">\n<h2 id="more-title">More comparisons</h2>\n<ul class="link-list">\n'
    for l_1_model in (undefined(name='models') if l_0_models is missing else l_0_models):
        _loop_vars = {}
        pass
        yield '<li><a href="'
        yield environment.escaped((undefined(name='root') if l_0_root is missing else l_0_root))
        yield environment.escaped(environment.getattr(l_1_model, 'path'))
        yield '#comparisons">Every comparison with <bdi>'
        yield environment.escaped(environment.getattr(l_1_model, 'name'))
        yield '</bdi></a></li>\n'
    l_1_model = missing
    yield '<li><a href="'
    yield environment.escaped((undefined(name='root') if l_0_root is missing else l_0_root))
    yield environment.escaped(environment.getattr((undefined(name='urls') if l_0_urls is missing else l_0_urls), 'COMPARE'))
    yield '?m='
    yield environment.escaped(environment.getattr(environment.getattr((undefined(name='pair') if l_0_pair is missing else l_0_pair), 'a'), 'id'))
    yield ','
    yield environment.escaped(environment.getattr(environment.getattr((undefined(name='pair') if l_0_pair is missing else l_0_pair), 'b'), 'id'))
    yield '">Add a model to this comparison</a></li>\n</ul>\n</section>\n'
    template = environment.get_template('partials/data_notes.html', 'pair.html')
    gen = template.root_render_func(template.new_context(context.get_all(), True, {'models': l_0_models}))
    try:
        for event in gen:
            yield event
    finally: gen.close()
    yield '</article>\n<script src="'
    yield environment.escaped((undefined(name='root') if l_0_root is missing else l_0_root))
    yield 'assets/tables.js" defer></script>\n'

blocks = {'content': block_content}
debug_info = '1=12&2=17&3=42&7=45&8=49&9=51&11=54&12=58&16=63&23=65&33=69&39=77&44=85&45=93&50=101&51=114&52=118&56=130&60=139&61=143&63=150&66=157&68=164'
