# Jinja's code for versus/theme/comparisons.html, written by python -m versus.site.precompile
from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'comparisons.html'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    parent_template = None
    pass
    parent_template = environment.get_template('base.html', 'comparisons.html')
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
    l_0_pair_count = resolve('pair_count')
    l_0_pair_groups = resolve('pair_groups')
    l_0_page_count = resolve('page_count')
    l_0_root = resolve('root')
    l_0_urls = resolve('urls')
    l_0_pairs = resolve('pairs')
    l_0_models = resolve('models')
    try:
        t_1 = environment.tests['none']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No test named 'none' found.")
    pass
    yield '<header class="page-head">\n  <p class="eyebrow">Comparisons</p>\n  <h1>Every comparison</h1>\n  <p class="lead">'
    yield environment.escaped((undefined(name='pair_count') if l_0_pair_count is missing else l_0_pair_count))
    yield ' side-by-side comparisons, one for each pair of models.'
    if (not t_1((undefined(name='pair_groups') if l_0_pair_groups is missing else l_0_pair_groups))):
        pass
        yield ' '
        yield environment.escaped((undefined(name='page_count') if l_0_page_count is missing else l_0_page_count))
        yield ' of them have a page of their own; every other pair is compared on the <a href="'
        yield environment.escaped((undefined(name='root') if l_0_root is missing else l_0_root))
        yield environment.escaped(environment.getattr((undefined(name='urls') if l_0_urls is missing else l_0_urls), 'COMPARE'))
        yield '">compare page</a>, which the picker opens (<a href="'
        yield environment.escaped((undefined(name='root') if l_0_root is missing else l_0_root))
        yield environment.escaped(environment.getattr((undefined(name='urls') if l_0_urls is missing else l_0_urls), 'METHODOLOGY'))
        yield '#pairs">which pairs have a page</a>).'
    yield '</p>\n</header>\n\n<section id="pick" aria-labelledby="pick-title">\n<h2 id="pick-title">Pick two models</h2>\n'
    template = environment.get_template('partials/picker.html', 'comparisons.html')
    gen = template.root_render_func(template.new_context(context.get_all(), True, {}))
    try:
        for event in gen:
            yield event
    finally: gen.close()
    yield '<p><a href="'
    yield environment.escaped((undefined(name='root') if l_0_root is missing else l_0_root))
    yield environment.escaped(environment.getattr((undefined(name='urls') if l_0_urls is missing else l_0_urls), 'COMPARE'))
    yield '">Compare up to four models side by side</a></p>\n</section>\n\n<section id="pairs" aria-labelledby="pairs-title">\n<h2 id="pairs-title">'
    if t_1((undefined(name='pair_groups') if l_0_pair_groups is missing else l_0_pair_groups)):
        pass
        yield 'Every pair'
    else:
        pass
        yield 'The pairs with a page'
    yield '</h2>\n'
    if (undefined(name='pairs') if l_0_pairs is missing else l_0_pairs):
        pass
        yield '<ul class="link-list columns">\n'
        for (l_1_a, l_1_b, l_1_path) in (undefined(name='pairs') if l_0_pairs is missing else l_0_pairs):
            _loop_vars = {}
            pass
            yield '<li><a href="'
            yield environment.escaped((undefined(name='root') if l_0_root is missing else l_0_root))
            yield environment.escaped(l_1_path)
            yield '"><bdi>'
            yield environment.escaped(environment.getattr(l_1_a, 'name'))
            yield '</bdi> vs <bdi>'
            yield environment.escaped(environment.getattr(l_1_b, 'name'))
            yield '</bdi></a></li>\n'
        l_1_a = l_1_b = l_1_path = missing
        yield '</ul>\n'
    elif (undefined(name='pair_count') if l_0_pair_count is missing else l_0_pair_count):
        pass
        yield '<p>Too many to list on one page: each model\'s page lists all of its comparisons.</p>\n<ul class="link-list columns">\n'
        for l_1_model in (undefined(name='models') if l_0_models is missing else l_0_models):
            _loop_vars = {}
            pass
            yield '<li><a href="'
            yield environment.escaped((undefined(name='root') if l_0_root is missing else l_0_root))
            yield environment.escaped(environment.getattr(l_1_model, 'path'))
            yield '#comparisons"><bdi>'
            yield environment.escaped(environment.getattr(l_1_model, 'name'))
            yield '</bdi></a></li>\n'
        l_1_model = missing
        yield '</ul>\n'
    else:
        pass
        yield '<p class="empty">This site has fewer than two models, so no comparison yet.</p>\n'
    yield '</section>\n'

blocks = {'content': block_content}
debug_info = '1=12&2=17&7=39&12=53&13=60&17=63&18=70&20=73&21=77&24=86&27=89&28=93'
