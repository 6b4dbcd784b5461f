# Jinja's code for versus/theme/partials/matrix_cell.html, written by python -m versus.site.precompile
from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'partials/matrix_cell.html'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_cell = resolve('cell')
    pass
    yield '<td class="cell--'
    yield environment.escaped(environment.getattr((undefined(name='cell') if l_0_cell is missing else l_0_cell), 'state'))
    yield '"><span>'
    yield environment.escaped(environment.getattr((undefined(name='cell') if l_0_cell is missing else l_0_cell), 'text'))
    yield '</span></td>\n'

blocks = {}
debug_info = '4=13'
