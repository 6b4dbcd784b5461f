# Jinja's code for versus/theme/capabilities.html, written by python -m versus.site.precompile
from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'capabilities.html'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    parent_template = None
    pass
    parent_template = environment.get_template('base.html', 'capabilities.html')
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
    l_0_models = resolve('models')
    l_0_glossary = resolve('glossary')
    l_0_root = resolve('root')
    try:
        t_1 = environment.filters['length']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'length' found.")
    pass
    yield '<header class="page-head">\n  <p class="eyebrow">Capabilities</p>\n  <h1>Capabilities of every model</h1>\n  <p class="lead">What each of the '
    yield environment.escaped(t_1((undefined(name='models') if l_0_models is missing else l_0_models)))
    yield ' models can do, capability by capability.'
    if (undefined(name='glossary') if l_0_glossary is missing else l_0_glossary):
        pass
        yield ' <a href="'
        yield environment.escaped((undefined(name='root') if l_0_root is missing else l_0_root))
        yield '#capability-glossary">What each capability means</a>.'
    yield '</p>\n</header>\n\n<section id="capabilities" aria-labelledby="capabilities-title">\n<h2 id="capabilities-title">Every model, capability by capability</h2>\n'
    template = environment.get_template('partials/filters.html', 'capabilities.html')
    gen = template.root_render_func(template.new_context(context.get_all(), True, {}))
    try:
        for event in gen:
            yield event
    finally: gen.close()
    template = environment.get_template('partials/matrix.html', 'capabilities.html')
    gen = template.root_render_func(template.new_context(context.get_all(), True, {}))
    try:
        for event in gen:
            yield event
    finally: gen.close()
    yield '</section>\n<script src="'
    yield environment.escaped((undefined(name='root') if l_0_root is missing else l_0_root))
    yield 'assets/tables.js" defer></script>\n'

blocks = {'content': block_content}
debug_info = '1=12&2=17&8=35&13=43&14=49&17=56'
