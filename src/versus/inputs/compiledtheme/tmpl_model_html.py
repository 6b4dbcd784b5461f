# Jinja's code for versus/theme/model.html, written by python -m versus.site.precompile
from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'model.html'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    parent_template = None
    pass
    parent_template = environment.get_template('base.html', 'model.html')
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
    l_0_model = resolve('model')
    l_0_site = resolve('site')
    l_0_capabilities = resolve('capabilities')
    l_0_scores = resolve('scores')
    l_0_unevaluated_suites = resolve('unevaluated_suites')
    l_0_root = resolve('root')
    l_0_models = l_0_links = missing
    pass
    l_0_models = [(undefined(name='model') if l_0_model is missing else l_0_model)]
    _block_vars['models'] = l_0_models
    yield '<article class="model">\n<header class="page-head"'
    if environment.getattr((undefined(name='site') if l_0_site is missing else l_0_site), 'search'):
        pass
        yield ' data-pagefind-body'
    yield '>\n  <p class="eyebrow" data-pagefind-ignore>Model</p>\n  <h1>'
    yield environment.escaped(environment.getattr((undefined(name='model') if l_0_model is missing else l_0_model), 'name'))
    yield '</h1>\n  <p class="lead">'
    yield environment.escaped(environment.getattr(environment.getattr((undefined(name='model') if l_0_model is missing else l_0_model), 'card'), 'summary'))
    yield '</p>\n</header>\n'
    if environment.getattr((undefined(name='site') if l_0_site is missing else l_0_site), 'search'):
        pass
        template = environment.get_template('partials/search_meta.html', 'model.html')
        gen = template.root_render_func(template.new_context(context.get_all(), True, {'links': l_0_links, 'models': l_0_models}))
        try:
            for event in gen:
                yield event
        finally: gen.close()
    yield '\n<section id="overview" aria-labelledby="overview-title">\n<h2 id="overview-title">Overview</h2>\n<div class="prose">'
    yield environment.escaped(environment.getattr((undefined(name='model') if l_0_model is missing else l_0_model), 'description_html'))
    yield '</div>\n'
    l_0_links = environment.getattr(environment.getattr((undefined(name='model') if l_0_model is missing else l_0_model), 'card'), 'links')
    _block_vars['links'] = l_0_links
    if (((environment.getattr((undefined(name='links') if l_0_links is missing else l_0_links), 'homepage') or environment.getattr((undefined(name='links') if l_0_links is missing else l_0_links), 'paper')) or environment.getattr((undefined(name='links') if l_0_links is missing else l_0_links), 'weights')) or environment.getattr((undefined(name='links') if l_0_links is missing else l_0_links), 'code')):
        pass
        yield '<ul class="link-list inline">\n'
        if environment.getattr((undefined(name='links') if l_0_links is missing else l_0_links), 'homepage'):
            pass
            yield '<li><a href="'
            yield environment.escaped(environment.getattr((undefined(name='links') if l_0_links is missing else l_0_links), 'homepage'))
            yield '" rel="nofollow noopener">Home page</a></li>'
        if environment.getattr((undefined(name='links') if l_0_links is missing else l_0_links), 'paper'):
            pass
            yield '<li><a href="'
            yield environment.escaped(environment.getattr((undefined(name='links') if l_0_links is missing else l_0_links), 'paper'))
            yield '" rel="nofollow noopener">Paper</a></li>'
        if environment.getattr((undefined(name='links') if l_0_links is missing else l_0_links), 'weights'):
            pass
            yield '<li><a href="'
            yield environment.escaped(environment.getattr((undefined(name='links') if l_0_links is missing else l_0_links), 'weights'))
            yield '" rel="nofollow noopener">Weights</a></li>'
        if environment.getattr((undefined(name='links') if l_0_links is missing else l_0_links), 'code'):
            pass
            yield '<li><a href="'
            yield environment.escaped(environment.getattr((undefined(name='links') if l_0_links is missing else l_0_links), 'code'))
            yield '" rel="nofollow noopener">Code</a></li>'
        yield '</ul>\n'
    yield '</section>\n\n<section id="properties" aria-labelledby="properties-title">\n<h2 id="properties-title">Properties</h2>\n'
    template = environment.get_template('partials/properties.html', 'model.html')
    gen = template.root_render_func(template.new_context(context.get_all(), True, {'links': l_0_links, 'models': l_0_models}))
    try:
        for event in gen:
            yield event
    finally: gen.close()
    yield '</section>\n\n<section id="capabilities" aria-labelledby="capabilities-title">\n<h2 id="capabilities-title">Capabilities</h2>\n'
    l_1_capability_groups = (undefined(name='capabilities') if l_0_capabilities is missing else l_0_capabilities)
    pass
    template = environment.get_template('partials/capabilities.html', 'model.html')
    gen = template.root_render_func(template.new_context(context.get_all(), True, {'capability_groups': l_1_capability_groups, 'links': l_0_links, 'models': l_0_models}))
    try:
        for event in gen:
            yield event
    finally: gen.close()
    l_1_capability_groups = missing
    yield '</section>\n\n<section id="scores" aria-labelledby="scores-title">\n<h2 id="scores-title">Eval scores</h2>\n'
    for l_1_table in (undefined(name='scores') if l_0_scores is missing else l_0_scores):
        _loop_vars = {}
        pass
        template = environment.get_template('partials/scores.html', 'model.html')
        gen = template.root_render_func(template.new_context(context.get_all(), True, {'table': l_1_table, 'links': l_0_links, 'models': l_0_models}))
        try:
            for event in gen:
                yield event
        finally: gen.close()
    l_1_table = missing
    if (undefined(name='unevaluated_suites') if l_0_unevaluated_suites is missing else l_0_unevaluated_suites):
        pass
        yield '<p class="empty">Not evaluated on '
        l_1_loop = missing
        for l_1_name, l_1_loop in LoopContext((undefined(name='unevaluated_suites') if l_0_unevaluated_suites is missing else l_0_unevaluated_suites), undefined):
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
    yield '</section>\n\n<section id="comparisons" aria-labelledby="comparisons-title">\n<h2 id="comparisons-title">Compare <bdi>'
    yield environment.escaped(environment.getattr((undefined(name='model') if l_0_model is missing else l_0_model), 'name'))
    yield '</bdi> with</h2>\n'
    template = environment.get_template('partials/comparison_links.html', 'model.html')
    gen = template.root_render_func(template.new_context(context.get_all(), True, {'links': l_0_links, 'models': l_0_models}))
    try:
        for event in gen:
            yield event
    finally: gen.close()
    yield '</section>\n\n<section id="sources" aria-labelledby="sources-title">\n<h2 id="sources-title">Sources and notes</h2>\n<ul class="sources">\n'
    for l_1_source in environment.getattr(environment.getattr((undefined(name='model') if l_0_model is missing else l_0_model), 'card'), 'sources'):
        _loop_vars = {}
        pass
        yield '<li>'
        if environment.getattr(l_1_source, 'url'):
            pass
            yield '<a href="'
            yield environment.escaped(environment.getattr(l_1_source, 'url'))
            yield '" rel="nofollow noopener">'
            yield environment.escaped(environment.getattr(l_1_source, 'title'))
            yield '</a>'
        else:
            pass
            yield environment.escaped(environment.getattr(l_1_source, 'title'))
        if environment.getattr(l_1_source, 'read'):
            pass
            yield ', read '
            yield environment.escaped(context.call(environment.getattr(environment.getattr(l_1_source, 'read'), 'human'), _loop_vars=_loop_vars))
        yield '</li>\n'
    l_1_source = missing
    yield '</ul>\n'
    if environment.getattr(environment.getattr((undefined(name='model') if l_0_model is missing else l_0_model), 'card'), 'notes'):
        pass
        yield '<h3>Notes</h3>\n<ul class="notes">\n'
        for l_1_note in environment.getattr(environment.getattr((undefined(name='model') if l_0_model is missing else l_0_model), 'card'), 'notes'):
            _loop_vars = {}
            pass
            yield '<li>'
            yield environment.escaped(l_1_note)
            yield '</li>'
        l_1_note = missing
        yield '</ul>\n'
    yield '</section>\n'
    template = environment.get_template('partials/data_notes.html', 'model.html')
    gen = template.root_render_func(template.new_context(context.get_all(), True, {'links': l_0_links, 'models': l_0_models}))
    try:
        for event in gen:
            yield event
    finally: gen.close()
    yield '</article>\n<script src="'
    yield environment.escaped((undefined(name='root') if l_0_root is missing else l_0_root))
    yield 'assets/tables.js" defer></script>\n'

blocks = {'content': block_content}
debug_info = '1=12&2=17&3=32&5=35&7=39&8=41&10=43&14=52&15=54&16=56&18=59&19=64&20=69&21=74&28=81&33=90&38=98&39=108&40=112&45=124&46=126&52=133&53=137&56=154&59=157&63=166&65=173'
