# Jinja's code for versus/theme/robots.txt, written by python -m versus.site.precompile
from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'robots.txt'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_base_url = resolve('base_url')
    pass
    yield 'User-agent: *\nAllow: /\n\nSitemap: '
    yield str((undefined(name='base_url') if l_0_base_url is missing else l_0_base_url))
    yield 'sitemap.xml\n'

blocks = {}
debug_info = '4=13'
