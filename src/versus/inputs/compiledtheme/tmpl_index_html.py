# Jinja's code for versus/theme/index.html, written by python -m versus.site.precompile
from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'index.html'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    parent_template = None
    pass
    parent_template = environment.get_template('base.html', 'index.html')
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
    l_0_title = resolve('title')
    l_0_pair_count = resolve('pair_count')
    l_0_root = resolve('root')
    l_0_urls = resolve('urls')
    l_0_listing_columns = resolve('listing_columns')
    l_0_model_rows = resolve('model_rows')
    l_0_matrix = resolve('matrix')
    l_0_models = resolve('models')
    l_0_leaderboards = resolve('leaderboards')
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
    yield '<header class="page-head"'
    if environment.getattr((undefined(name='site') if l_0_site is missing else l_0_site), 'search'):
        pass
        yield ' data-pagefind-body'
    yield '>\n  <h1>'
    yield environment.escaped((undefined(name='title') if l_0_title is missing else l_0_title))
    yield '</h1>\n  <p class="lead">'
    yield environment.escaped(environment.getattr((undefined(name='site') if l_0_site is missing else l_0_site), 'description'))
    yield '</p>\n</header>\n'
    if environment.getattr((undefined(name='site') if l_0_site is missing else l_0_site), 'search'):
        pass
        template = environment.get_template('partials/search_meta.html', 'index.html')
        gen = template.root_render_func(template.new_context(context.get_all(), True, {}))
        try:
            for event in gen:
                yield event
        finally: gen.close()
    yield '\n<section id="comparisons" aria-labelledby="comparisons-title">\n<h2 id="comparisons-title">Compare two models</h2>\n'
    template = environment.get_template('partials/picker.html', 'index.html')
    gen = template.root_render_func(template.new_context(context.get_all(), True, {}))
    try:
        for event in gen:
            yield event
    finally: gen.close()
    yield '<ul class="link-list inline">\n'
    if (undefined(name='pair_count') if l_0_pair_count is missing else l_0_pair_count):
        pass
        yield '<li><a href="'
        yield environment.escaped((undefined(name='root') if l_0_root is missing else l_0_root))
        yield environment.escaped(environment.getattr((undefined(name='urls') if l_0_urls is missing else l_0_urls), 'COMPARISONS'))
        yield '">All '
        yield environment.escaped((undefined(name='pair_count') if l_0_pair_count is missing else l_0_pair_count))
        yield ' comparisons</a></li>'
    yield '<li><a href="'
    yield environment.escaped((undefined(name='root') if l_0_root is missing else l_0_root))
    yield environment.escaped(environment.getattr((undefined(name='urls') if l_0_urls is missing else l_0_urls), 'COMPARE'))
    yield '">Compare up to four models side by side</a></li>\n</ul>\n</section>\n\n<section id="models" aria-labelledby="models-title">\n<h2 id="models-title">Models</h2>\n'
    template = environment.get_template('partials/filters.html', 'index.html')
    gen = template.root_render_func(template.new_context(context.get_all(), True, {}))
    try:
        for event in gen:
            yield event
    finally: gen.close()
    yield '<div class="table-wrap" role="region" aria-label="Models table" tabindex="0">\n<table class="listing models-table" data-sortable>\n<caption class="visually-hidden">All models</caption>\n<thead>\n<tr><th scope="col">Model</th>'
    for l_1_column in (undefined(name='listing_columns') if l_0_listing_columns is missing else l_0_listing_columns):
        _loop_vars = {}
        pass
        yield '<th scope="col"'
        if environment.getattr(l_1_column, 'sort'):
            pass
            yield ' data-sort="'
            yield environment.escaped(environment.getattr(l_1_column, 'sort'))
            yield '" data-sort-first="descending"'
        yield '>'
        yield environment.escaped(environment.getattr(l_1_column, 'label'))
        yield '</th>'
    l_1_column = missing
    yield '</tr>\n</thead>\n<tbody>\n'
    for l_1_row in (undefined(name='model_rows') if l_0_model_rows is missing else l_0_model_rows):
        l_1_parameter_keys = resolve('parameter_keys')
        _loop_vars = {}
        pass
        yield '<tr data-model="'
        yield environment.escaped(environment.getattr(environment.getattr(l_1_row, 'model'), 'id'))
        yield '"'
        for (l_2_facet, l_2_value) in environment.getattr(environment.getattr(l_1_row, 'model'), 'facets'):
            _loop_vars = {}
            pass
            yield ' data-'
            yield environment.escaped(l_2_facet)
            yield '="'
            yield environment.escaped(l_2_value)
            yield '"'
        l_2_facet = l_2_value = missing
        yield ' data-sort-parameters="'
        yield environment.escaped(environment.getitem((undefined(name='parameter_keys') if l_1_parameter_keys is missing else l_1_parameter_keys), environment.getattr(environment.getattr(l_1_row, 'model'), 'id')))
        yield '">\n<th scope="row"><a href="'
        yield environment.escaped((undefined(name='root') if l_0_root is missing else l_0_root))
        yield environment.escaped(environment.getattr(environment.getattr(l_1_row, 'model'), 'path'))
        yield '"><bdi>'
        yield environment.escaped(environment.getattr(environment.getattr(l_1_row, 'model'), 'name'))
        yield '</bdi></a><span class="row-note">'
        yield environment.escaped(environment.getattr(environment.getattr(environment.getattr(l_1_row, 'model'), 'card'), 'summary'))
        yield '</span></th>\n'
        for l_2_cell in environment.getattr(l_1_row, 'cells'):
            _loop_vars = {}
            pass
            yield environment.escaped(t_1(l_2_cell))
        l_2_cell = missing
        yield '</tr>\n'
    l_1_row = l_1_parameter_keys = missing
    yield '</tbody>\n</table>\n</div>\n</section>\n\n<section id="capabilities" aria-labelledby="capabilities-title">\n<h2 id="capabilities-title">Capabilities at a glance</h2>\n'
    if (undefined(name='matrix') if l_0_matrix is missing else l_0_matrix):
        pass
        template = environment.get_template('partials/matrix.html', 'index.html')
        gen = template.root_render_func(template.new_context(context.get_all(), True, {}))
        try:
            for event in gen:
                yield event
        finally: gen.close()
    else:
        pass
        yield '<p>What each of the '
        yield environment.escaped(t_2((undefined(name='models') if l_0_models is missing else l_0_models)))
        yield ' models can do, capability by capability: <a href="'
        yield environment.escaped((undefined(name='root') if l_0_root is missing else l_0_root))
        yield environment.escaped(environment.getattr((undefined(name='urls') if l_0_urls is missing else l_0_urls), 'CAPABILITIES'))
        yield '" data-keeps-filters>the capability matrix</a>, on a page of its own with the same filters.</p>\n'
    template = environment.get_template('partials/glossary.html', 'index.html')
    gen = template.root_render_func(template.new_context(context.get_all(), True, {}))
    try:
        for event in gen:
            yield event
    finally: gen.close()
    yield '</section>\n\n<section id="leaderboards" aria-labelledby="leaderboards-title">\n<h2 id="leaderboards-title">Leaderboards</h2>\n'
    for l_1_board in (undefined(name='leaderboards') if l_0_leaderboards is missing else l_0_leaderboards):
        l_1_methodology = resolve('methodology')
        _loop_vars = {}
        pass
        yield '<section class="suite" aria-labelledby="board-'
        yield environment.escaped(environment.getattr(l_1_board, 'suite_id'))
        yield '">\n<h3 id="board-'
        yield environment.escaped(environment.getattr(l_1_board, 'suite_id'))
        yield '"><a href="'
        yield environment.escaped((undefined(name='root') if l_0_root is missing else l_0_root))
        yield environment.escaped(environment.getattr(l_1_board, 'path'))
        yield '">'
        yield environment.escaped(environment.getattr(l_1_board, 'name'))
        yield '</a></h3>\n<p class="suite-meta">'
        yield environment.escaped(environment.getattr(l_1_board, 'summary'))
        yield '</p>\n'
        l_2_bands = environment.getattr(l_1_board, 'bands')
        l_2_interval = True
        pass
        template = environment.get_template('partials/score_key.html', 'index.html')
        gen = template.root_render_func(template.new_context(context.get_all(), True, {'bands': l_2_bands, 'interval': l_2_interval, 'board': l_1_board}))
        try:
            for event in gen:
                yield event
        finally: gen.close()
        l_2_bands = l_2_interval = missing
        template = environment.get_template('partials/leaderboard.html', 'index.html')
        gen = template.root_render_func(template.new_context(context.get_all(), True, {'board': l_1_board}))
        try:
            for event in gen:
                yield event
        finally: gen.close()
        yield '<details class="methodology" id="methodology-'
        yield environment.escaped(environment.getattr(l_1_board, 'suite_id'))
        yield '">\n<summary>How <bdi>'
        yield environment.escaped(environment.getattr(l_1_board, 'name'))
        yield '</bdi> is run and scored</summary>\n'
        yield environment.escaped(environment.getitem((undefined(name='methodology') if l_1_methodology is missing else l_1_methodology), environment.getattr(l_1_board, 'suite_id')))
        yield '\n</details>\n</section>\n'
    l_1_board = l_1_methodology = missing
    yield '</section>\n<script src="'
    yield environment.escaped((undefined(name='root') if l_0_root is missing else l_0_root))
    yield 'assets/tables.js" defer></script>\n'

blocks = {'content': block_content}
debug_info = '1=12&2=17&3=48&4=52&5=54&7=56&8=58&14=65&16=72&17=81&23=84&28=91&31=105&32=110&33=124&34=131&44=139&45=141&49=150&51=155&56=162&57=167&58=169&60=176&61=181&62=188&63=195&64=197&65=199&70=203'
