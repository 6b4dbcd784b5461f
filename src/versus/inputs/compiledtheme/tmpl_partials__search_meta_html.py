# Jinja's code for versus/theme/partials/search_meta.html, written by python -m versus.site.precompile
from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'partials/search_meta.html'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_search_meta = resolve('search_meta')
    try:
        t_1 = environment.filters['join']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'join' found.")
    pass
    yield '<div hidden>\n<span data-pagefind-meta="type">'
    yield environment.escaped(environment.getattr((undefined(name='search_meta') if l_0_search_meta is missing else l_0_search_meta), 'type'))
    yield '</span>\n'
    if environment.getattr((undefined(name='search_meta') if l_0_search_meta is missing else l_0_search_meta), 'organization'):
        pass
        yield '<span data-pagefind-meta="organization">'
        yield environment.escaped(environment.getattr((undefined(name='search_meta') if l_0_search_meta is missing else l_0_search_meta), 'organization'))
        yield '</span>\n'
    if environment.getattr((undefined(name='search_meta') if l_0_search_meta is missing else l_0_search_meta), 'labels'):
        pass
        yield '<span data-pagefind-meta="capabilities">'
        yield environment.escaped(t_1(context.eval_ctx, environment.getattr((undefined(name='search_meta') if l_0_search_meta is missing else l_0_search_meta), 'labels'), ', '))
        yield '</span>\n'
    if environment.getattr((undefined(name='search_meta') if l_0_search_meta is missing else l_0_search_meta), 'ids'):
        pass
        yield '<span data-pagefind-meta="capability_ids">'
        yield environment.escaped(t_1(context.eval_ctx, environment.getattr((undefined(name='search_meta') if l_0_search_meta is missing else l_0_search_meta), 'ids'), ' '))
        yield '</span>\n'
    yield '</div>\n'

blocks = {}
debug_info = '9=19&10=21&12=26&14=31'
