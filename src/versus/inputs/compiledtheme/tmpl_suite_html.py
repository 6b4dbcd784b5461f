# Jinja's code for versus/theme/suite.html, written by python -m versus.site.precompile
from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'suite.html'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    parent_template = None
    pass
    parent_template = environment.get_template('base.html', 'suite.html')
    for name, parent_block in parent_template.blocks.items():
        context.blocks.setdefault(name, []).append(parent_block)
    yield from parent_template.root_render_func(context)

def block_content(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_site = resolve('site')
    l_0_suite = resolve('suite')
    l_0_about = resolve('about')
    l_0_threshold = resolve('threshold')
    l_0_source = resolve('source')
    l_0_methodology = resolve('methodology')
    l_0_root = resolve('root')
    l_0_urls = resolve('urls')
    l_0_board = resolve('board')
    l_0_categories = resolve('categories')
    try:
        t_1 = environment.filters['cell_html']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'cell_html' found.")
    try:
        t_2 = environment.filters['length']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'length' found.")
    pass
    yield '<article class="suite-page">\n<header class="page-head"'
    if environment.getattr((undefined(name='site') if l_0_site is missing else l_0_site), 'search'):
        pass
        yield ' data-pagefind-body'
    yield '>\n  <p class="eyebrow" data-pagefind-ignore>Eval suite</p>\n  <h1>'
    yield environment.escaped(environment.getattr((undefined(name='suite') if l_0_suite is missing else l_0_suite), 'name'))
    yield '</h1>\n  <p class="lead">'
    yield environment.escaped(environment.getattr((undefined(name='suite') if l_0_suite is missing else l_0_suite), 'summary'))
    yield '</p>\n</header>\n\n<section id="about" aria-labelledby="about-title">\n<h2 id="about-title">What it measures</h2>\n<div class="prose">'
    yield environment.escaped((undefined(name='about') if l_0_about is missing else l_0_about))
    yield '</div>\n<p class="suite-meta">'
    yield environment.escaped(environment.getattr((undefined(name='suite') if l_0_suite is missing else l_0_suite), 'prompts'))
    yield ' prompts, scored '
    yield environment.escaped(environment.getattr((undefined(name='suite') if l_0_suite is missing else l_0_suite), 'scoring'))
    yield '. Token counts and the cost per task are shown for runs that covered at least '
    yield environment.escaped((undefined(name='threshold') if l_0_threshold is missing else l_0_threshold))
    yield ' of them.'
    if (undefined(name='source') if l_0_source is missing else l_0_source):
        pass
        yield ' Source: '
        if environment.getattr((undefined(name='source') if l_0_source is missing else l_0_source), 'url'):
            pass
            yield '<a href="'
            yield environment.escaped(environment.getattr((undefined(name='source') if l_0_source is missing else l_0_source), 'url'))
            yield '" rel="nofollow noopener">'
            yield environment.escaped(environment.getattr((undefined(name='source') if l_0_source is missing else l_0_source), 'title'))
            yield '</a>'
        else:
            pass
            yield environment.escaped(environment.getattr((undefined(name='source') if l_0_source is missing else l_0_source), 'title'))
        if environment.getattr((undefined(name='source') if l_0_source is missing else l_0_source), 'read'):
            pass
            yield ', read '
            yield environment.escaped(context.call(environment.getattr(environment.getattr((undefined(name='source') if l_0_source is missing else l_0_source), 'read'), 'human'), _block_vars=_block_vars))
        yield '.'
    yield '</p>\n</section>\n\n'
    if environment.getattr((undefined(name='site') if l_0_site is missing else l_0_site), 'search'):
        pass
        template = environment.get_template('partials/search_meta.html', 'suite.html')
        gen = template.root_render_func(template.new_context(context.get_all(), True, {}))
        try:
            for event in gen:
                yield event
        finally: gen.close()
    yield '\n<section id="categories" aria-labelledby="categories-title"'
    if environment.getattr((undefined(name='site') if l_0_site is missing else l_0_site), 'search'):
        pass
        yield ' data-pagefind-body'
    yield '>\n<h2 id="categories-title">Categories</h2>\n<ul class="category-list">\n'
    for l_1_category in environment.getattr((undefined(name='suite') if l_0_suite is missing else l_0_suite), 'categories'):
        _loop_vars = {}
        pass
        yield '<li><a href="#category-'
        yield environment.escaped(environment.getattr(l_1_category, 'id'))
        yield '">'
        yield environment.escaped(environment.getattr(l_1_category, 'label'))
        yield '</a>: '
        yield environment.escaped(environment.getattr(l_1_category, 'prompts'))
        yield ' prompt'
        if (environment.getattr(l_1_category, 'prompts') != 1):
            pass
            yield 's'
        yield '</li>\n'
    l_1_category = missing
    yield '</ul>\n</section>\n\n<section id="method" aria-labelledby="method-title">\n<h2 id="method-title">How it is run and scored</h2>\n<div class="prose">'
    yield environment.escaped((undefined(name='methodology') if l_0_methodology is missing else l_0_methodology))
    yield '</div>\n<p class="methodology-note"><a href="'
    yield environment.escaped((undefined(name='root') if l_0_root is missing else l_0_root))
    yield environment.escaped(environment.getattr((undefined(name='urls') if l_0_urls is missing else l_0_urls), 'METHODOLOGY'))
    yield '">How versus computes the figures and their intervals</a>.</p>\n</section>\n\n<section id="leaderboard" aria-labelledby="leaderboard-title">\n<h2 id="leaderboard-title">Leaderboard</h2>\n'
    l_1_bands = environment.getattr((undefined(name='board') if l_0_board is missing else l_0_board), 'bands')
    l_1_interval = True
    pass
    template = environment.get_template('partials/score_key.html', 'suite.html')
    gen = template.root_render_func(template.new_context(context.get_all(), True, {'bands': l_1_bands, 'interval': l_1_interval}))
    try:
        for event in gen:
            yield event
    finally: gen.close()
    l_1_bands = l_1_interval = missing
    template = environment.get_template('partials/leaderboard.html', 'suite.html')
    gen = template.root_render_func(template.new_context(context.get_all(), True, {}))
    try:
        for event in gen:
            yield event
    finally: gen.close()
    if (not environment.getattr((undefined(name='board') if l_0_board is missing else l_0_board), 'rows')):
        pass
        yield '<p class="empty">No model has been evaluated on this suite yet.</p>'
    yield '</section>\n\n<section id="by-category" aria-labelledby="by-category-title">\n<h2 id="by-category-title">Leaderboard by category</h2>\n'
    l_1_loop = missing
    for l_1_category, l_1_loop in LoopContext((undefined(name='categories') if l_0_categories is missing else l_0_categories), undefined):
        l_1_prompts = resolve('prompts')
        _loop_vars = {}
        pass
        yield '<section class="category-board" aria-labelledby="category-'
        yield environment.escaped(environment.getattr(l_1_category, 'id'))
        yield '">\n<h3 id="category-'
        yield environment.escaped(environment.getattr(l_1_category, 'id'))
        yield '">'
        yield environment.escaped(environment.getattr(l_1_category, 'label'))
        yield '</h3>\n<p class="suite-meta">'
        yield environment.escaped(environment.getattr(l_1_category, 'prompts'))
        yield ' prompt'
        if (environment.getattr(l_1_category, 'prompts') != 1):
            pass
            yield 's'
        yield '.</p>\n'
        if environment.getattr(l_1_category, 'rows'):
            pass
            yield '<div class="table-wrap" role="region" aria-label="'
            yield environment.escaped(environment.getattr(l_1_category, 'label'))
            yield ' leaderboard table" tabindex="0">\n<table class="listing leaderboard" data-sortable>\n<caption class="visually-hidden">'
            yield environment.escaped(environment.getattr(l_1_category, 'label'))
            yield ' leaderboard</caption>\n<thead><tr><th scope="col" data-sort="rank" aria-sort="ascending">Rank</th><th scope="col">Model</th><th scope="col" data-sort="score" data-sort-first="descending">Score</th><th scope="col" data-sort="covered" data-sort-first="descending">Prompts covered</th></tr></thead>\n<tbody>\n'
            for l_2_row in environment.getattr(l_1_category, 'rows'):
                _loop_vars = {}
                pass
                yield '<tr data-model="'
                yield environment.escaped(environment.getattr(environment.getattr(l_2_row, 'profile'), 'id'))
                yield '"'
                for (l_3_column, l_3_key) in environment.getattr(l_2_row, 'sort_keys'):
                    _loop_vars = {}
                    pass
                    yield ' data-sort-'
                    yield environment.escaped(l_3_column)
                    yield '="'
                    yield environment.escaped(l_3_key)
                    yield '"'
                l_3_column = l_3_key = missing
                yield '>\n<td class="rank">'
                yield environment.escaped(environment.getattr(l_2_row, 'rank'))
                yield '</td>\n<th scope="row"><a href="'
                yield environment.escaped((undefined(name='root') if l_0_root is missing else l_0_root))
                yield environment.escaped(environment.getattr(environment.getattr(l_2_row, 'profile'), 'path'))
                yield '">'
                yield environment.escaped(environment.getattr(environment.getattr(l_2_row, 'profile'), 'name'))
                yield '</a></th>\n'
                yield environment.escaped(t_1(environment.getattr(l_2_row, 'score')))
                yield '\n'
                yield environment.escaped(t_1(environment.getattr(l_2_row, 'covered')))
                yield '\n</tr>\n'
            l_2_row = missing
            yield '</tbody>\n</table>\n</div>\n'
        if environment.getattr(l_1_category, 'more'):
            pass
            yield '<p class="empty">The '
            yield environment.escaped(t_2(environment.getattr(l_1_category, 'rows')))
            yield ' highest ranked of '
            yield environment.escaped((t_2(environment.getattr(l_1_category, 'rows')) + environment.getattr(l_1_category, 'more')))
            yield " runs with a score in this category; each model's page gives its own.</p>\n"
        if environment.getattr(l_1_category, 'not_run'):
            pass
            yield '<p class="empty">Not run (the run has no figures for this category\'s prompts): '
            l_2_loop = missing
            for l_2_model, l_2_loop in LoopContext(environment.getattr(l_1_category, 'not_run'), undefined):
                _loop_vars = {}
                pass
                yield '<a href="'
                yield environment.escaped((undefined(name='root') if l_0_root is missing else l_0_root))
                yield environment.escaped(environment.getattr(l_2_model, 'path'))
                yield '"><bdi>'
                yield environment.escaped(environment.getattr(l_2_model, 'name'))
                yield '</bdi></a>'
                if (not environment.getattr(l_2_loop, 'last')):
                    pass
                    yield ', '
            l_2_loop = l_2_model = missing
            yield '.</p>\n'
        if context.call(environment.getattr((undefined(name='prompts') if l_1_prompts is missing else l_1_prompts), 'get'), environment.getattr(l_1_category, 'id'), _loop_vars=_loop_vars):
            pass
            yield '<details class="prompt-list">\n<summary>Its prompts ('
            yield environment.escaped(t_2(environment.getitem((undefined(name='prompts') if l_1_prompts is missing else l_1_prompts), environment.getattr(l_1_category, 'id'))))
            yield "), each with every model's answer</summary>\n<ul>\n"
            for (l_2_path, l_2_id, l_2_text) in environment.getitem((undefined(name='prompts') if l_1_prompts is missing else l_1_prompts), environment.getattr(l_1_category, 'id')):
                _loop_vars = {}
                pass
                yield '<li><a href="'
                yield environment.escaped((undefined(name='root') if l_0_root is missing else l_0_root))
                yield environment.escaped(l_2_path)
                yield '"><code>'
                yield environment.escaped(l_2_id)
                yield '</code></a>: '
                yield environment.escaped(l_2_text)
                yield '</li>\n'
            l_2_path = l_2_id = l_2_text = missing
            yield '</ul>\n</details>\n'
        yield '</section>\n'
    l_1_loop = l_1_category = l_1_prompts = missing
    if environment.getattr((undefined(name='board') if l_0_board is missing else l_0_board), 'rows'):
        pass
        yield '<p class="methodology-note">Equal scores share a rank; a rank does not say two neighbours differ beyond chance (<a href="'
        yield environment.escaped((undefined(name='root') if l_0_root is missing else l_0_root))
        yield environment.escaped(environment.getattr((undefined(name='urls') if l_0_urls is missing else l_0_urls), 'METHODOLOGY'))
        yield '#ranks">how to read a leaderboard</a>).</p>'
    yield '</section>\n</article>\n<script src="'
    yield environment.escaped((undefined(name='root') if l_0_root is missing else l_0_root))
    yield 'assets/tables.js" defer></script>\n'

blocks = {'content': block_content}
debug_info = '1=12&2=17&4=48&6=52&7=54&12=56&13=58&16=83&17=85&20=92&23=96&24=100&31=112&32=114&37=120&38=127&39=133&44=138&45=143&46=145&47=149&48=155&49=158&51=160&54=162&55=166&56=178&57=180&58=185&59=187&66=191&67=194&69=198&70=202&72=216&74=219&76=221&82=236&85=243'
