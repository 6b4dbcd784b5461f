# Jinja's code for versus/theme/partials/column_heads.html, written by python -m versus.site.precompile
from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'partials/column_heads.html'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_first_column = resolve('first_column')
    l_0_models = resolve('models')
    pass
    yield '<thead>\n<tr>\n<th scope="col">'
    yield environment.escaped((undefined(name='first_column') if l_0_first_column is missing else l_0_first_column))
    yield '</th>\n'
    for l_1_model in (undefined(name='models') if l_0_models is missing else l_0_models):
        _loop_vars = {}
        pass
        yield '<th scope="col">'
        yield environment.escaped(environment.getattr(l_1_model, 'name'))
        yield '</th>\n'
    l_1_model = missing
    yield '</tr>\n</thead>\n'

blocks = {}
debug_info = '6=14&7=16&8=20'
