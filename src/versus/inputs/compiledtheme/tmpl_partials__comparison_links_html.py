# Jinja's code for versus/theme/partials/comparison_links.html, written by python -m versus.site.precompile
from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'partials/comparison_links.html'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_comparisons = resolve('comparisons')
    pass
    yield '<ul class="link-list">\n'
    for (l_1_other, l_1_path) in (undefined(name='comparisons') if l_0_comparisons is missing else l_0_comparisons):
        l_1_root = resolve('root')
        l_1_model = resolve('model')
        _loop_vars = {}
        pass
        yield '<li><a href="'
        yield environment.escaped((undefined(name='root') if l_1_root is missing else l_1_root))
        yield environment.escaped(l_1_path)
        yield '"><bdi>'
        yield environment.escaped(environment.getattr((undefined(name='model') if l_1_model is missing else l_1_model), 'name'))
        yield '</bdi> vs <bdi>'
        yield environment.escaped(environment.getattr(l_1_other, 'name'))
        yield '</bdi></a></li>\n'
    l_1_other = l_1_path = l_1_root = l_1_model = missing
    yield '</ul>\n'

blocks = {}
debug_info = '3=13&4=19'
