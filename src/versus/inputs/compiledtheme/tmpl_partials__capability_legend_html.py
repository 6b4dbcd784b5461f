# Jinja's code for versus/theme/partials/capability_legend.html, written by python -m versus.site.precompile
from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'partials/capability_legend.html'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    pass
    yield '<ul class="legend" aria-label="Capability key">\n<li class="cell--demo">Supported, live demo: can be tried in a hosted demo</li>\n<li class="cell--supported">Supported</li>\n<li class="cell--no">Not supported: stated by the card</li>\n<li class="cell--unknown">Unknown: the card does not say</li>\n</ul>\n'

blocks = {}
debug_info = ''
