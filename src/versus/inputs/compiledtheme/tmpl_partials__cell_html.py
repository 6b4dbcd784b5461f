# Jinja's code for versus/theme/partials/cell.html, written by python -m versus.site.precompile
from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'partials/cell.html'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_cell = resolve('cell')
    l_0_confidence = resolve('confidence')
    pass
    yield '<td'
    if environment.getattr((undefined(name='cell') if l_0_cell is missing else l_0_cell), 'classes'):
        pass
        yield ' class="'
        yield environment.escaped(environment.getattr((undefined(name='cell') if l_0_cell is missing else l_0_cell), 'classes'))
        yield '"'
    yield '>'
    yield environment.escaped(environment.getattr((undefined(name='cell') if l_0_cell is missing else l_0_cell), 'text'))
    if environment.getattr((undefined(name='cell') if l_0_cell is missing else l_0_cell), 'leader'):
        pass
        yield '<strong>best</strong>'
    if (environment.getattr((undefined(name='cell') if l_0_cell is missing else l_0_cell), 'detail') or environment.getattr((undefined(name='cell') if l_0_cell is missing else l_0_cell), 'bar')):
        pass
        yield '<small>'
        if environment.getattr((undefined(name='cell') if l_0_cell is missing else l_0_cell), 'bar'):
            pass
            yield '<svg aria-hidden="true"><rect width="'
            yield environment.escaped(environment.getattr((undefined(name='cell') if l_0_cell is missing else l_0_cell), 'bar'))
            yield '%" height="100%"/>'
            if environment.getattr((undefined(name='cell') if l_0_cell is missing else l_0_cell), 'whisker'):
                pass
                yield '<line x1="'
                yield environment.escaped(environment.getitem(environment.getattr((undefined(name='cell') if l_0_cell is missing else l_0_cell), 'whisker'), 0))
                yield '%" x2="'
                yield environment.escaped(environment.getitem(environment.getattr((undefined(name='cell') if l_0_cell is missing else l_0_cell), 'whisker'), 1))
                yield '%" y1="50%" y2="50%"/>'
            yield '</svg>'
        yield environment.escaped(environment.getattr((undefined(name='cell') if l_0_cell is missing else l_0_cell), 'detail'))
        if environment.getattr((undefined(name='cell') if l_0_cell is missing else l_0_cell), 'interval'):
            pass
            yield '<span>, '
            yield environment.escaped((undefined(name='confidence') if l_0_confidence is missing else l_0_confidence))
            yield ' CI '
            yield environment.escaped(environment.getattr((undefined(name='cell') if l_0_cell is missing else l_0_cell), 'interval'))
            yield '</span>'
        yield '</small>'
    if environment.getattr((undefined(name='cell') if l_0_cell is missing else l_0_cell), 'band_label'):
        pass
        yield '<small class="band">'
        yield environment.escaped(environment.getattr((undefined(name='cell') if l_0_cell is missing else l_0_cell), 'band_label'))
        yield '</small>'
    yield '</td>\n'

blocks = {}
debug_info = '10=14'
