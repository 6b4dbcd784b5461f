# Jinja's code for versus/theme/base.html, written by python -m versus.site.precompile
from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'base.html'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_title = resolve('title')
    l_0_site = resolve('site')
    l_0_description = resolve('description')
    l_0_noindex = resolve('noindex')
    l_0_base_url = resolve('base_url')
    l_0_page_path = resolve('page_path')
    l_0_root = resolve('root')
    l_0_urls = resolve('urls')
    l_0_structured = resolve('structured')
    l_0_built = resolve('built')
    try:
        t_1 = environment.filters['tojson']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'tojson' found.")
    try:
        t_2 = environment.tests['defined']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No test named 'defined' found.")
    pass
    yield '<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n<script>document.documentElement.classList.add("js")</script>\n<title>'
    yield environment.escaped((undefined(name='title') if l_0_title is missing else l_0_title))
    yield ' · '
    yield environment.escaped(environment.getattr((undefined(name='site') if l_0_site is missing else l_0_site), 'title'))
    yield '</title>\n<meta name="description" content="'
    yield environment.escaped((undefined(name='description') if l_0_description is missing else l_0_description))
    yield '">\n'
    if (t_2((undefined(name='noindex') if l_0_noindex is missing else l_0_noindex)) and (undefined(name='noindex') if l_0_noindex is missing else l_0_noindex)):
        pass
        yield '<meta name="robots" content="noindex">\n'
    else:
        pass
        yield '<link rel="canonical" href="'
        yield environment.escaped((undefined(name='base_url') if l_0_base_url is missing else l_0_base_url))
        yield environment.escaped((undefined(name='page_path') if l_0_page_path is missing else l_0_page_path))
        yield '">\n'
    yield '<meta property="og:type" content="website">\n<meta property="og:site_name" content="'
    yield environment.escaped(environment.getattr((undefined(name='site') if l_0_site is missing else l_0_site), 'title'))
    yield '">\n<meta property="og:title" content="'
    yield environment.escaped((undefined(name='title') if l_0_title is missing else l_0_title))
    yield '">\n<meta property="og:description" content="'
    yield environment.escaped((undefined(name='description') if l_0_description is missing else l_0_description))
    yield '">\n'
    if (not (t_2((undefined(name='noindex') if l_0_noindex is missing else l_0_noindex)) and (undefined(name='noindex') if l_0_noindex is missing else l_0_noindex))):
        pass
        yield '<meta property="og:url" content="'
        yield environment.escaped((undefined(name='base_url') if l_0_base_url is missing else l_0_base_url))
        yield environment.escaped((undefined(name='page_path') if l_0_page_path is missing else l_0_page_path))
        yield '">\n'
    yield '<meta name="twitter:card" content="summary">\n<meta name="color-scheme" content="light dark">\n<link rel="icon" href="'
    yield environment.escaped((undefined(name='root') if l_0_root is missing else l_0_root))
    yield 'assets/favicon.svg" type="image/svg+xml">\n<link rel="stylesheet" href="'
    yield environment.escaped((undefined(name='root') if l_0_root is missing else l_0_root))
    yield 'assets/style.css">\n<link rel="alternate" type="application/atom+xml" href="'
    yield environment.escaped((undefined(name='root') if l_0_root is missing else l_0_root))
    yield environment.escaped(environment.getattr((undefined(name='urls') if l_0_urls is missing else l_0_urls), 'FEED'))
    yield '" title="'
    yield environment.escaped(environment.getattr((undefined(name='site') if l_0_site is missing else l_0_site), 'title'))
    yield ': new models and results">\n'
    if t_2((undefined(name='structured') if l_0_structured is missing else l_0_structured)):
        pass
        yield '<script type="application/ld+json">'
        yield environment.escaped(t_1(context.eval_ctx, (undefined(name='structured') if l_0_structured is missing else l_0_structured)))
        yield '</script>\n'
    yield '</head>\n<body>\n<a class="skip-link" href="#main">Skip to content</a>\n<header class="site-header"'
    if environment.getattr((undefined(name='site') if l_0_site is missing else l_0_site), 'search'):
        pass
        yield ' data-search="'
        yield environment.escaped((undefined(name='root') if l_0_root is missing else l_0_root))
        yield environment.escaped(environment.getattr((undefined(name='urls') if l_0_urls is missing else l_0_urls), 'SEARCH_SCRIPT'))
        yield '"'
    yield '>\n  <div class="wrap">\n    <a class="brand" href="'
    yield environment.escaped(((undefined(name='root') if l_0_root is missing else l_0_root) or './'))
    yield '">'
    yield environment.escaped(environment.getattr((undefined(name='site') if l_0_site is missing else l_0_site), 'title'))
    yield '</a>\n    <nav aria-label="Site">\n      <ul>\n        <li><a href="'
    yield environment.escaped(((undefined(name='root') if l_0_root is missing else l_0_root) or './'))
    yield '#models">Models</a></li>\n        <li><a href="'
    yield environment.escaped(((undefined(name='root') if l_0_root is missing else l_0_root) or './'))
    yield '#leaderboards">Leaderboards</a></li>\n        <li><a href="'
    yield environment.escaped(((undefined(name='root') if l_0_root is missing else l_0_root) or './'))
    yield '#comparisons">Comparisons</a></li>\n        <li><a href="'
    yield environment.escaped((undefined(name='root') if l_0_root is missing else l_0_root))
    yield environment.escaped(environment.getattr((undefined(name='urls') if l_0_urls is missing else l_0_urls), 'METHODOLOGY'))
    yield '">Methodology</a></li>\n      </ul>\n    </nav>\n  </div>\n'
    if environment.getattr((undefined(name='site') if l_0_site is missing else l_0_site), 'notice'):
        pass
        yield '  <p class="site-notice" role="note">'
        yield environment.escaped(environment.getattr((undefined(name='site') if l_0_site is missing else l_0_site), 'notice'))
        yield '</p>\n'
    yield '</header>\n<main id="main" class="wrap">\n'
    yield from context.blocks['content'][0](context)
    yield '</main>\n<footer class="site-footer">\n  <div class="wrap">\n    <p>Built with versus'
    if (undefined(name='built') if l_0_built is missing else l_0_built):
        pass
        yield ' on '
        yield environment.escaped((undefined(name='built') if l_0_built is missing else l_0_built))
    yield ' from model cards and eval results kept as YAML. Figures such as overall scores and cost per task are computed from their inputs.</p>\n  </div>\n</footer>\n<script src="'
    yield environment.escaped((undefined(name='root') if l_0_root is missing else l_0_root))
    yield 'assets/scrollbox.js" defer></script>\n'
    if environment.getattr((undefined(name='site') if l_0_site is missing else l_0_site), 'search'):
        pass
        yield '<script src="'
        yield environment.escaped((undefined(name='root') if l_0_root is missing else l_0_root))
        yield 'assets/search.js" defer></script>\n'
    yield '</body>\n</html>\n'

def block_content(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    pass

blocks = {'content': block_content}
debug_info = '7=34&8=38&10=40&13=46&16=50&17=52&18=54&19=56&20=59&25=63&26=65&27=67&28=72&29=75&37=78&39=85&42=89&43=91&44=93&45=95&49=98&50=101&54=104&58=106&62=111&63=113&54=120'
