# Jinja's code for versus/theme/sitemap.xml, written by python -m versus.site.precompile
from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'sitemap.xml'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_parts = resolve('parts')
    l_0_entries = resolve('entries')
    pass
    yield '<?xml version="1.0" encoding="UTF-8"?>\n'
    if (undefined(name='parts') if l_0_parts is missing else l_0_parts):
        pass
        yield '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
        for l_1_part in (undefined(name='parts') if l_0_parts is missing else l_0_parts):
            l_1_base_url = resolve('base_url')
            _loop_vars = {}
            pass
            yield '<sitemap><loc>'
            yield environment.escaped((undefined(name='base_url') if l_1_base_url is missing else l_1_base_url))
            yield environment.escaped(l_1_part)
            yield '</loc></sitemap>\n'
        l_1_part = l_1_base_url = missing
        yield '</sitemapindex>\n'
    else:
        pass
        yield '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
        yield environment.escaped((undefined(name='entries') if l_0_entries is missing else l_0_entries))
        yield '\n</urlset>\n'

blocks = {}
debug_info = '4=14&6=17&7=22&12=30'
