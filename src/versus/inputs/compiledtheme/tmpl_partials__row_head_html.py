# Jinja's code for versus/theme/partials/row_head.html, written by python -m versus.site.precompile
from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'partials/row_head.html'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_label = resolve('label')
    l_0_note = resolve('note')
    pass
    yield '<tr><th scope="row">'
    yield environment.escaped((undefined(name='label') if l_0_label is missing else l_0_label))
    if (undefined(name='note') if l_0_note is missing else l_0_note):
        pass
        yield '<span class="row-note">'
        yield environment.escaped((undefined(name='note') if l_0_note is missing else l_0_note))
        yield '</span>'
    yield '</th>\n'

blocks = {}
debug_info = '2=14'
