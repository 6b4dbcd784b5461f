# Jinja's code for versus/theme/partials/model_overview.html, written by python -m versus.site.precompile
from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'partials/model_overview.html'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_model = resolve('model')
    l_0_root = resolve('root')
    pass
    yield '<article class="model-card" aria-labelledby="overview-'
    yield environment.escaped(environment.getattr((undefined(name='model') if l_0_model is missing else l_0_model), 'id'))
    yield '">\n<h3 id="overview-'
    yield environment.escaped(environment.getattr((undefined(name='model') if l_0_model is missing else l_0_model), 'id'))
    yield '"><a href="'
    yield environment.escaped((undefined(name='root') if l_0_root is missing else l_0_root))
    yield environment.escaped(environment.getattr((undefined(name='model') if l_0_model is missing else l_0_model), 'path'))
    yield '">'
    yield environment.escaped(environment.getattr((undefined(name='model') if l_0_model is missing else l_0_model), 'name'))
    yield '</a></h3>\n<p class="byline">'
    yield environment.escaped(environment.getattr(environment.getattr((undefined(name='model') if l_0_model is missing else l_0_model), 'card'), 'organization'))
    yield '</p>\n<p class="summary">'
    yield environment.escaped(environment.getattr(environment.getattr((undefined(name='model') if l_0_model is missing else l_0_model), 'card'), 'summary'))
    yield '</p>\n</article>\n'

blocks = {}
debug_info = '4=14&5=16&6=23&7=25'
