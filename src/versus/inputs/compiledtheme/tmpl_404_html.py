# Jinja's code for versus/theme/404.html, written by python -m versus.site.precompile
from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = '404.html'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    parent_template = None
    pass
    parent_template = environment.get_template('base.html', '404.html')
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
    l_0_urls = resolve('urls')
    l_0_pair_groups = resolve('pair_groups')
    l_0_names = resolve('names')
    try:
        t_1 = environment.filters['tojson']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'tojson' found.")
    try:
        t_2 = environment.tests['none']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No test named 'none' found.")
    pass
    yield '<header class="page-head" id="not-found" data-pair="'
    yield environment.escaped((undefined(name='root') if l_0_root is missing else l_0_root))
    yield environment.escaped(environment.getattr((undefined(name='urls') if l_0_urls is missing else l_0_urls), 'PAIR'))
    yield '"'
    if (not t_2((undefined(name='pair_groups') if l_0_pair_groups is missing else l_0_pair_groups))):
        pass
        yield ' data-compare="'
        yield environment.escaped((undefined(name='root') if l_0_root is missing else l_0_root))
        yield environment.escaped(environment.getattr((undefined(name='urls') if l_0_urls is missing else l_0_urls), 'COMPARE'))
        yield '"'
    yield '>\n  <h1>Page not found</h1>\n  <p class="lead">There is no page at this address. The comparison you want may be listed under one of its two models.</p>\n  <div class="not-found-pair" role="status"></div>\n  <p>A comparison\'s address names its two models by id in alphabetical order, as in <code>'
    yield environment.escaped((undefined(name='root') if l_0_root is missing else l_0_root))
    yield environment.escaped(context.call(environment.getattr(environment.getattr((undefined(name='urls') if l_0_urls is missing else l_0_urls), 'PAIR'), 'format'), a='alpha', b='beta', _block_vars=_block_vars))
    yield '</code>: with the ids the other way round there is no page.</p>\n  <p><a href="'
    yield environment.escaped((undefined(name='root') if l_0_root is missing else l_0_root))
    yield '">Go to the list of models</a></p>\n</header>\n<script type="application/json" id="not-found-models">'
    yield environment.escaped(t_1(context.eval_ctx, (undefined(name='names') if l_0_names is missing else l_0_names)))
    yield '</script>\n'
    if (not t_2((undefined(name='pair_groups') if l_0_pair_groups is missing else l_0_pair_groups))):
        pass
        yield '<script type="application/json" id="not-found-pairs">'
        yield environment.escaped(t_1(context.eval_ctx, (undefined(name='pair_groups') if l_0_pair_groups is missing else l_0_pair_groups)))
        yield '</script>'
    yield '<script src="'
    yield environment.escaped((undefined(name='root') if l_0_root is missing else l_0_root))
    yield 'assets/notfound.js" defer></script>\n'

blocks = {'content': block_content}
debug_info = '1=12&2=17&8=42&12=52&13=55&15=57&16=59&17=65'
