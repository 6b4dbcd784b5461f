# Jinja's code for versus/theme/partials/search_meta.html, written by python -m versus.site.precompile
from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'partials/search_meta.html'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_search_type = resolve('search_type')
    l_0_search_organization = resolve('search_organization')
    l_0_search_capabilities = resolve('search_capabilities')
    try:
        t_1 = environment.filters['join']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'join' found.")
    pass
    yield '<div hidden>\n<span data-pagefind-meta="type">'
    yield environment.escaped((undefined(name='search_type') if l_0_search_type is missing else l_0_search_type))
    yield '</span>\n'
    if (undefined(name='search_organization') if l_0_search_organization is missing else l_0_search_organization):
        pass
        yield '<span data-pagefind-meta="organization">'
        yield environment.escaped((undefined(name='search_organization') if l_0_search_organization is missing else l_0_search_organization))
        yield '</span>\n'
    if (undefined(name='search_capabilities') if l_0_search_capabilities is missing else l_0_search_capabilities):
        pass
        yield '<span data-pagefind-meta="capabilities">'
        yield environment.escaped(t_1(context.eval_ctx, (undefined(name='search_capabilities') if l_0_search_capabilities is missing else l_0_search_capabilities), ', '))
        yield '</span>\n'
    yield '</div>\n'

blocks = {}
debug_info = '7=21&8=23&10=28'
