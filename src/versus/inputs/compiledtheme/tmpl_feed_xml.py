# Jinja's code for versus/theme/feed.xml, written by python -m versus.site.precompile
from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'feed.xml'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_site = resolve('site')
    l_0_base_url = resolve('base_url')
    l_0_urls = resolve('urls')
    l_0_updated = resolve('updated')
    l_0_entries = resolve('entries')
    pass
    yield '<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">\n<title>'
    yield environment.escaped(environment.getattr((undefined(name='site') if l_0_site is missing else l_0_site), 'title'))
    yield ': new models and results</title>\n<subtitle>'
    yield environment.escaped(environment.getattr((undefined(name='site') if l_0_site is missing else l_0_site), 'description'))
    yield '</subtitle>\n<id>'
    yield environment.escaped((undefined(name='base_url') if l_0_base_url is missing else l_0_base_url))
    yield '</id>\n<link rel="self" type="application/atom+xml" href="'
    yield environment.escaped((undefined(name='base_url') if l_0_base_url is missing else l_0_base_url))
    yield environment.escaped(environment.getattr((undefined(name='urls') if l_0_urls is missing else l_0_urls), 'FEED'))
    yield '"/>\n<link rel="alternate" type="text/html" href="'
    yield environment.escaped((undefined(name='base_url') if l_0_base_url is missing else l_0_base_url))
    yield '"/>\n<updated>'
    yield environment.escaped((undefined(name='updated') if l_0_updated is missing else l_0_updated))
    yield '</updated>\n<author><name>'
    yield environment.escaped(environment.getattr((undefined(name='site') if l_0_site is missing else l_0_site), 'title'))
    yield '</name></author>\n'
    for l_1_entry in (undefined(name='entries') if l_0_entries is missing else l_0_entries):
        _loop_vars = {}
        pass
        yield '<entry>\n<id>'
        yield environment.escaped(environment.getattr(l_1_entry, 'id'))
        yield '</id>\n<title>'
        yield environment.escaped(environment.getattr(l_1_entry, 'title'))
        yield '</title>\n<link rel="alternate" type="text/html" href="'
        yield environment.escaped(environment.getattr(l_1_entry, 'url'))
        yield '"/>\n<updated>'
        yield environment.escaped(environment.getattr(l_1_entry, 'updated'))
        yield '</updated>\n<summary>'
        yield environment.escaped(environment.getattr(l_1_entry, 'summary'))
        yield '</summary>\n</entry>\n'
    l_1_entry = missing
    yield '</feed>\n'

blocks = {}
debug_info = '4=17&5=19&6=21&7=23&8=26&9=28&10=30&11=32&13=36&14=38&15=40&16=42&17=44'
