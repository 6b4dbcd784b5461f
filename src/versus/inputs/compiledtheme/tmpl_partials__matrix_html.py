# Jinja's code for versus/theme/partials/matrix.html, written by python -m versus.site.precompile
from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'partials/matrix.html'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_matrix = resolve('matrix')
    try:
        t_1 = environment.filters['compact_cells_html']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'compact_cells_html' found.")
    pass
    template = environment.get_template('partials/capability_legend.html', 'partials/matrix.html')
    gen = template.root_render_func(template.new_context(context.get_all(), True, {}))
    try:
        for event in gen:
            yield event
    finally: gen.close()
    yield '<div class="table-wrap matrix-wrap" role="region" aria-label="Capability matrix" tabindex="0">\n<table class="matrix">\n<caption class="visually-hidden">Capabilities of every model</caption>\n<thead>\n<tr>\n<th scope="col" rowspan="2" class="corner">Model</th>\n'
    for (l_1_label, l_1_span) in environment.getattr((undefined(name='matrix') if l_0_matrix is missing else l_0_matrix), 'groups'):
        _loop_vars = {}
        pass
        yield '<th scope="colgroup" colspan="'
        yield environment.escaped(l_1_span)
        yield '">'
        yield environment.escaped(l_1_label)
        yield '</th>'
    l_1_label = l_1_span = missing
    yield '</tr>\n<tr>\n'
    for l_1_column in environment.getattr((undefined(name='matrix') if l_0_matrix is missing else l_0_matrix), 'columns'):
        _loop_vars = {}
        pass
        yield '<th scope="col" class="rotate"><span>'
        yield environment.escaped(l_1_column)
        yield '</span></th>'
    l_1_column = missing
    yield '</tr>\n</thead>\n<tbody>\n'
    for l_1_row in environment.getattr((undefined(name='matrix') if l_0_matrix is missing else l_0_matrix), 'rows'):
        l_1_root = resolve('root')
        _loop_vars = {}
        pass
        yield '<tr data-model="'
        yield environment.escaped(environment.getattr(environment.getattr(l_1_row, 'model'), 'id'))
        yield '"'
        for (l_2_facet, l_2_value) in environment.getattr(environment.getattr(l_1_row, 'model'), 'facets'):
            _loop_vars = {}
            pass
            yield ' data-'
            yield environment.escaped(l_2_facet)
            yield '="'
            yield environment.escaped(l_2_value)
            yield '"'
        l_2_facet = l_2_value = missing
        yield '><th scope="row"><a href="'
        yield environment.escaped((undefined(name='root') if l_1_root is missing else l_1_root))
        yield environment.escaped(environment.getattr(environment.getattr(l_1_row, 'model'), 'path'))
        yield '">'
        yield environment.escaped(environment.getattr(environment.getattr(l_1_row, 'model'), 'name'))
        yield '</a></th>'
        yield environment.escaped(t_1(environment.getattr(l_1_row, 'cells')))
        yield '</tr>\n'
    l_1_row = l_1_root = missing
    yield '</tbody>\n</table>\n</div>\n'

blocks = {}
debug_info = '2=18&9=25&12=35&16=43&17=48'
