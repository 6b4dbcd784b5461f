# Jinja's code for versus/theme/partials/leaderboard.html, written by python -m versus.site.precompile
from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'partials/leaderboard.html'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_board = resolve('board')
    l_0_root = resolve('root')
    l_0_urls = resolve('urls')
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
    if environment.getattr((undefined(name='board') if l_0_board is missing else l_0_board), 'rows'):
        pass
        yield '<div class="table-wrap" role="region" aria-label="'
        yield environment.escaped(environment.getattr((undefined(name='board') if l_0_board is missing else l_0_board), 'name'))
        yield ' leaderboard table" tabindex="0"'
        if environment.getattr((undefined(name='board') if l_0_board is missing else l_0_board), 'more'):
            pass
            yield ' data-filter-empty="None of the models that match these filters is in this top '
            yield environment.escaped(t_2(environment.getattr((undefined(name='board') if l_0_board is missing else l_0_board), 'rows')))
            yield '; the full leaderboard ranks every model evaluated."'
        yield '>\n<table class="listing leaderboard" data-sortable>\n<caption class="visually-hidden">'
        yield environment.escaped(environment.getattr((undefined(name='board') if l_0_board is missing else l_0_board), 'name'))
        yield ' leaderboard</caption>\n<thead><tr><th scope="col" data-sort="rank" aria-sort="ascending">Rank</th><th scope="col">Model</th><th scope="col" data-sort="overall" data-sort-first="descending">Overall score</th><th scope="col" data-sort="covered" data-sort-first="descending">Prompts covered</th><th scope="col" data-sort="response">Average response time</th><th scope="col" data-sort="cost">Estimated cost per task</th></tr></thead>\n<tbody>\n'
        for l_1_row in environment.getattr((undefined(name='board') if l_0_board is missing else l_0_board), 'rows'):
            _loop_vars = {}
            pass
            yield '<tr data-model="'
            yield environment.escaped(environment.getattr(environment.getattr(l_1_row, 'profile'), 'id'))
            yield '"'
            for (l_2_facet, l_2_value) in environment.getattr(environment.getattr(l_1_row, 'profile'), 'facets'):
                _loop_vars = {}
                pass
                yield ' data-'
                yield environment.escaped(l_2_facet)
                yield '="'
                yield environment.escaped(l_2_value)
                yield '"'
            l_2_facet = l_2_value = missing
            for (l_2_column, l_2_key) in environment.getattr(l_1_row, 'sort_keys'):
                _loop_vars = {}
                pass
                yield ' data-sort-'
                yield environment.escaped(l_2_column)
                yield '="'
                yield environment.escaped(l_2_key)
                yield '"'
            l_2_column = l_2_key = missing
            yield '>\n<td class="rank">'
            yield environment.escaped(environment.getattr(l_1_row, 'rank'))
            yield '</td>\n<th scope="row"><a href="'
            yield environment.escaped((undefined(name='root') if l_0_root is missing else l_0_root))
            yield environment.escaped(environment.getattr(environment.getattr(l_1_row, 'profile'), 'path'))
            yield '">'
            yield environment.escaped(environment.getattr(environment.getattr(l_1_row, 'profile'), 'name'))
            yield '</a></th>\n'
            yield environment.escaped(t_1(environment.getattr(l_1_row, 'overall')))
            yield '\n'
            yield environment.escaped(t_1(environment.getattr(l_1_row, 'covered')))
            yield '\n'
            yield environment.escaped(t_1(environment.getattr(l_1_row, 'response')))
            yield '\n'
            yield environment.escaped(t_1(environment.getattr(l_1_row, 'cost')))
            yield '\n</tr>\n'
        l_1_row = missing
        yield '</tbody>\n</table>\n</div>\n'
        if environment.getattr((undefined(name='board') if l_0_board is missing else l_0_board), 'more'):
            pass
            yield '<p class="board-more">The top '
            yield environment.escaped(t_2(environment.getattr((undefined(name='board') if l_0_board is missing else l_0_board), 'rows')))
            yield ' of '
            yield environment.escaped(environment.getattr((undefined(name='board') if l_0_board is missing else l_0_board), 'ranked'))
            yield ' models evaluated; <a href="'
            yield environment.escaped((undefined(name='root') if l_0_root is missing else l_0_root))
            yield environment.escaped(environment.getattr((undefined(name='board') if l_0_board is missing else l_0_board), 'path'))
            yield '#leaderboard">the full <bdi>'
            yield environment.escaped(environment.getattr((undefined(name='board') if l_0_board is missing else l_0_board), 'name'))
            yield '</bdi> leaderboard</a> ranks them all.</p>\n'
        yield '<p class="data-out"><a href="'
        yield environment.escaped((undefined(name='root') if l_0_root is missing else l_0_root))
        yield environment.escaped(environment.getattr((undefined(name='board') if l_0_board is missing else l_0_board), 'csv_path'))
        yield '" type="text/csv">Download the <bdi>'
        yield environment.escaped(environment.getattr((undefined(name='board') if l_0_board is missing else l_0_board), 'name'))
        yield '</bdi> leaderboard as CSV</a></p>\n<p class="methodology-note">Equal scores share a rank; a rank does not say two neighbours differ beyond chance (<a href="'
        yield environment.escaped((undefined(name='root') if l_0_root is missing else l_0_root))
        yield environment.escaped(environment.getattr((undefined(name='urls') if l_0_urls is missing else l_0_urls), 'METHODOLOGY'))
        yield '#ranks">how to read a leaderboard</a>).</p>\n'
    if environment.getattr((undefined(name='board') if l_0_board is missing else l_0_board), 'unevaluated'):
        pass
        yield '<div class="empty unevaluated" data-follows-filters>Not evaluated:\n<ul class="name-list">\n'
        for l_1_model in environment.getattr((undefined(name='board') if l_0_board is missing else l_0_board), 'unevaluated'):
            _loop_vars = {}
            pass
            yield '<li data-model="'
            yield environment.escaped(environment.getattr(l_1_model, 'id'))
            yield '"'
            for (l_2_facet, l_2_value) in environment.getattr(l_1_model, 'facets'):
                _loop_vars = {}
                pass
                yield ' data-'
                yield environment.escaped(l_2_facet)
                yield '="'
                yield environment.escaped(l_2_value)
                yield '"'
            l_2_facet = l_2_value = missing
            yield '><a href="'
            yield environment.escaped((undefined(name='root') if l_0_root is missing else l_0_root))
            yield environment.escaped(environment.getattr(l_1_model, 'path'))
            yield '"><bdi>'
            yield environment.escaped(environment.getattr(l_1_model, 'name'))
            yield '</bdi></a></li>'
        l_1_model = missing
        yield '</ul>\n</div>\n'
    if environment.getattr((undefined(name='board') if l_0_board is missing else l_0_board), 'unlisted'):
        pass
        yield '<p class="empty unevaluated">'
        yield environment.escaped(environment.getattr((undefined(name='board') if l_0_board is missing else l_0_board), 'unlisted'))
        yield ' models have no results on <bdi>'
        yield environment.escaped(environment.getattr((undefined(name='board') if l_0_board is missing else l_0_board), 'name'))
        yield '</bdi> (<a href="'
        yield environment.escaped((undefined(name='root') if l_0_root is missing else l_0_root))
        yield environment.escaped(environment.getattr((undefined(name='board') if l_0_board is missing else l_0_board), 'path'))
        yield '#leaderboard">named on its page</a>).</p>\n'

blocks = {}
debug_info = '6=26&7=29&9=37&12=39&13=43&14=64&15=66&16=71&17=73&18=75&19=77&25=81&26=84&28=94&29=99&31=102&35=105&39=128&40=131'
