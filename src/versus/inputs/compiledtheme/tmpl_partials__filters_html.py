# Jinja's code for versus/theme/partials/filters.html, written by python -m versus.site.precompile
from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'partials/filters.html'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_filters = resolve('filters')
    l_0_root = resolve('root')
    pass
    yield '<form class="filters" id="model-filters" aria-labelledby="filters-title">\n<h3 id="filters-title" class="visually-hidden">Filter models</h3>\n'
    for l_1_facet in (undefined(name='filters') if l_0_filters is missing else l_0_filters):
        _loop_vars = {}
        pass
        yield '<label>'
        yield environment.escaped(environment.getattr(l_1_facet, 'label'))
        yield '\n<select name="'
        yield environment.escaped(environment.getattr(l_1_facet, 'id'))
        yield '" data-facet="'
        yield environment.escaped(environment.getattr(l_1_facet, 'id'))
        yield '">\n<option value="">Any</option>\n'
        for l_2_option in environment.getattr(l_1_facet, 'options'):
            _loop_vars = {}
            pass
            yield '<option value="'
            yield environment.escaped(environment.getattr(l_2_option, 'value'))
            yield '">'
            yield environment.escaped(environment.getattr(l_2_option, 'label'))
            yield ' ('
            yield environment.escaped(environment.getattr(l_2_option, 'count'))
            yield ')</option>\n'
        l_2_option = missing
        yield '</select></label>\n'
    l_1_facet = missing
    yield '<button type="reset">Show all</button>\n<p class="filter-status" role="status" aria-live="polite"></p>\n</form>\n<script src="'
    yield environment.escaped((undefined(name='root') if l_0_root is missing else l_0_root))
    yield 'assets/filters.js" defer></script>\n'

blocks = {}
debug_info = '5=14&6=18&7=20&9=24&10=28&17=38'
