# Jinja's code for versus/theme/partials/score_key.html, written by python -m versus.site.precompile
from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'partials/score_key.html'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_bands = resolve('bands')
    l_0_interval = resolve('interval')
    l_0_confidence = resolve('confidence')
    try:
        t_1 = environment.tests['defined']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No test named 'defined' found.")
    pass
    yield '<ul class="legend score-key" aria-label="Score key">\n'
    for l_1_band in (undefined(name='bands') if l_0_bands is missing else l_0_bands):
        _loop_vars = {}
        pass
        yield '<li class="band--'
        yield environment.escaped(environment.getattr(l_1_band, 'id'))
        yield '">'
        yield environment.escaped(environment.getattr(l_1_band, 'label'))
        yield '</li>\n'
    l_1_band = missing
    if (t_1((undefined(name='interval') if l_0_interval is missing else l_0_interval)) and (undefined(name='interval') if l_0_interval is missing else l_0_interval)):
        pass
        yield '<li class="key-interval">Line across a bar: its '
        yield environment.escaped((undefined(name='confidence') if l_0_confidence is missing else l_0_confidence))
        yield ' confidence interval (CI)</li>\n'
    yield '</ul>\n'

blocks = {}
debug_info = '5=21&6=25&8=30&9=33'
