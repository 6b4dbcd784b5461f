# Jinja's code for versus/theme/partials/scores.html, written by python -m versus.site.precompile
from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'partials/scores.html'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_gap = resolve('gap')
    l_0_table = resolve('table')
    l_0_models = resolve('models')
    l_0_root = resolve('root')
    l_0_downloads = resolve('downloads')
    l_0_earlier_runs = resolve('earlier_runs')
    l_0_scoring_notes = resolve('scoring_notes')
    l_0_urls = resolve('urls')
    try:
        t_1 = environment.filters['length']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'length' found.")
    try:
        t_2 = environment.filters['rows_html']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'rows_html' found.")
    try:
        t_3 = environment.filters['sentence_html']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No filter named 'sentence_html' found.")
    try:
        t_4 = environment.tests['defined']
    except KeyError:
        @internalcode
        def t_4(*unused):
            raise TemplateRuntimeError("No test named 'defined' found.")
    pass
    l_0_gap = ((undefined(name='gap') if l_0_gap is missing else l_0_gap) if t_4((undefined(name='gap') if l_0_gap is missing else l_0_gap)) else None)
    context.vars['gap'] = l_0_gap
    context.exported_vars.add('gap')
    yield '<section class="suite" aria-labelledby="suite-'
    yield environment.escaped(environment.getattr((undefined(name='table') if l_0_table is missing else l_0_table), 'suite_id'))
    yield '">\n'
    def macro():
        t_5 = []
        pass
        t_5.extend((
            '<h3 id="',
            environment.escaped(context.call(environment.getattr((undefined(name='urls') if l_0_urls is missing else l_0_urls), 'score_table'), environment.getattr((undefined(name='table') if l_0_table is missing else l_0_table), 'suite_id'))),
            '"><a href="',
            environment.escaped((undefined(name='root') if l_0_root is missing else l_0_root)),
            environment.escaped(context.call(environment.getattr((undefined(name='urls') if l_0_urls is missing else l_0_urls), 'suite'), environment.getattr((undefined(name='table') if l_0_table is missing else l_0_table), 'suite_id'))),
            '">',
            environment.escaped(environment.getattr(environment.getattr((undefined(name='table') if l_0_table is missing else l_0_table), 'suite'), 'name')),
            '</a></h3>\n<p class="suite-meta">',
            environment.escaped(environment.getattr(environment.getattr((undefined(name='table') if l_0_table is missing else l_0_table), 'suite'), 'summary')),
            ' Scored ',
            environment.escaped(environment.getattr(environment.getattr((undefined(name='table') if l_0_table is missing else l_0_table), 'suite'), 'scoring')),
            ', ',
            environment.escaped(environment.getattr(environment.getattr((undefined(name='table') if l_0_table is missing else l_0_table), 'suite'), 'prompts')),
            ' prompts.</p>\n',
        ))
        return concat(t_5)
    caller = Macro(environment, macro, None, (), False, False, False, context.eval_ctx.autoescape)
    yield context.call(environment.extensions['versus.site.fragments.FragmentCache']._render_once, ('partials/scores.html', 1, environment.getattr((undefined(name='table') if l_0_table is missing else l_0_table), 'suite_id'), t_1((undefined(name='models') if l_0_models is missing else l_0_models)), (undefined(name='root') if l_0_root is missing else l_0_root)), caller=caller)
    if (undefined(name='gap') if l_0_gap is missing else l_0_gap):
        pass
        yield '<p class="gap-note">'
        yield environment.escaped(t_3(environment.getattr((undefined(name='gap') if l_0_gap is missing else l_0_gap), 'sentence')))
        yield '</p>\n'
    def macro():
        t_6 = []
        pass
        l_2_bands = environment.getattr((undefined(name='table') if l_0_table is missing else l_0_table), 'bands')
        l_2_interval = True
        pass
        template = environment.get_template('partials/score_key.html', 'partials/scores.html')
        gen = template.root_render_func(template.new_context(context.get_all(), True, {'bands': l_2_bands, 'interval': l_2_interval, 'gap': l_0_gap}))
        try:
            for event in gen:
                t_6.append(event)
        finally: gen.close()
        l_2_bands = l_2_interval = missing
        t_6.extend((
            '<div class="table-wrap" role="region" aria-label="',
            environment.escaped(environment.getattr(environment.getattr((undefined(name='table') if l_0_table is missing else l_0_table), 'suite'), 'name')),
            ' score table" tabindex="0">\n<table class="compare compare--',
            environment.escaped(t_1((undefined(name='models') if l_0_models is missing else l_0_models))),
            ' scores">\n<caption class="visually-hidden">',
            environment.escaped(environment.getattr(environment.getattr((undefined(name='table') if l_0_table is missing else l_0_table), 'suite'), 'name')),
            ' scores</caption>\n',
        ))
        return concat(t_6)
    caller = Macro(environment, macro, None, (), False, False, False, context.eval_ctx.autoescape)
    yield context.call(environment.extensions['versus.site.fragments.FragmentCache']._render_once, ('partials/scores.html', 2, environment.getattr((undefined(name='table') if l_0_table is missing else l_0_table), 'suite_id'), t_1((undefined(name='models') if l_0_models is missing else l_0_models)), (undefined(name='root') if l_0_root is missing else l_0_root)), caller=caller)
    l_1_first_column = 'Measure'
    pass
    template = environment.get_template('partials/column_heads.html', 'partials/scores.html')
    gen = template.root_render_func(template.new_context(context.get_all(), True, {'first_column': l_1_first_column, 'gap': l_0_gap}))
    try:
        for event in gen:
            yield event
    finally: gen.close()
    l_1_first_column = missing
    if (undefined(name='gap') if l_0_gap is missing else l_0_gap):
        pass
        yield '<tbody>\n'
        l_1_loop = missing
        for l_1_group, l_1_loop in LoopContext(environment.getattr((undefined(name='table') if l_0_table is missing else l_0_table), 'groups'), undefined):
            _loop_vars = {}
            pass
            yield '<tr class="group-row"'
            if environment.getattr(l_1_group, 'sortable'):
                pass
                yield ' data-sort-rows'
            yield '><th scope="colgroup">'
            yield environment.escaped(environment.getattr(l_1_group, 'label'))
            yield '</th>'
            if (environment.getattr(l_1_loop, 'first') and (environment.getattr((undefined(name='gap') if l_0_gap is missing else l_0_gap), 'column') == 0)):
                pass
                yield '<td class="cell--not-evaluated gap" rowspan="'
                yield environment.escaped(environment.getattr((undefined(name='gap') if l_0_gap is missing else l_0_gap), 'rows'))
                yield '">Not evaluated</td>'
            yield '<td></td>'
            if (environment.getattr(l_1_loop, 'first') and (environment.getattr((undefined(name='gap') if l_0_gap is missing else l_0_gap), 'column') == 1)):
                pass
                yield '<td class="cell--not-evaluated gap" rowspan="'
                yield environment.escaped(environment.getattr((undefined(name='gap') if l_0_gap is missing else l_0_gap), 'rows'))
                yield '">Not evaluated</td>'
            yield '</tr>\n'
            yield environment.escaped(t_2(environment.getattr(l_1_group, 'rows'), environment.getattr((undefined(name='gap') if l_0_gap is missing else l_0_gap), 'column')))
            yield '\n'
        l_1_loop = l_1_group = missing
        yield '</tbody>\n'
    else:
        pass
        for l_1_group in environment.getattr((undefined(name='table') if l_0_table is missing else l_0_table), 'groups'):
            _loop_vars = {}
            pass
            yield '<tbody>\n<tr class="group-row"'
            if environment.getattr(l_1_group, 'sortable'):
                pass
                yield ' data-sort-rows'
            yield '><th scope="colgroup" colspan="'
            yield environment.escaped((t_1((undefined(name='models') if l_0_models is missing else l_0_models)) + 1))
            yield '">'
            yield environment.escaped(environment.getattr(l_1_group, 'label'))
            yield '</th></tr>\n'
            yield environment.escaped(t_2(environment.getattr(l_1_group, 'rows')))
            yield '\n</tbody>\n'
        l_1_group = missing
    yield '</table>\n</div>\n'
    l_1_download = environment.getitem((undefined(name='downloads') if l_0_downloads is missing else l_0_downloads), environment.getattr((undefined(name='table') if l_0_table is missing else l_0_table), 'suite_id'))
    pass
    yield '<p class="data-out"><a href="'
    yield environment.escaped(environment.getattr(l_1_download, 'href'))
    yield '" type="text/csv" download="'
    yield environment.escaped(environment.getattr(l_1_download, 'filename'))
    yield '">Download the <bdi>'
    yield environment.escaped(environment.getattr(environment.getattr((undefined(name='table') if l_0_table is missing else l_0_table), 'suite'), 'name'))
    yield '</bdi> table as CSV</a></p>'
    l_1_download = missing
    yield '<ul class="provenance" aria-label="Where these figures come from">\n'
    for l_1_item in environment.getattr((undefined(name='table') if l_0_table is missing else l_0_table), 'provenance'):
        _loop_vars = {}
        pass
        yield '<li><strong>'
        yield environment.escaped(environment.getattr(l_1_item, 'model'))
        yield '</strong>: '
        yield environment.escaped(environment.getattr(l_1_item, 'text'))
        if environment.getattr(l_1_item, 'source'):
            pass
            yield '; source: '
            if environment.getattr(l_1_item, 'source_url'):
                pass
                yield '<a href="'
                yield environment.escaped(environment.getattr(l_1_item, 'source_url'))
                yield '" rel="nofollow noopener">'
                yield environment.escaped(environment.getattr(l_1_item, 'source'))
                yield '</a>'
            else:
                pass
                yield environment.escaped(environment.getattr(l_1_item, 'source'))
            if environment.getattr(l_1_item, 'source_read'):
                pass
                yield ', read '
                yield environment.escaped(environment.getattr(l_1_item, 'source_read'))
        yield '.'
        if environment.getattr(l_1_item, 'notes'):
            pass
            yield '<ul class="run-notes" aria-label="Notes on this run">\n'
            for l_2_note in environment.getattr(l_1_item, 'notes'):
                _loop_vars = {}
                pass
                yield '<li>'
                yield environment.escaped(l_2_note)
                yield '</li>\n'
            l_2_note = missing
            yield '</ul>'
        yield '</li>\n'
    l_1_item = missing
    yield '</ul>\n'
    if (t_4((undefined(name='earlier_runs') if l_0_earlier_runs is missing else l_0_earlier_runs)) and (environment.getattr((undefined(name='table') if l_0_table is missing else l_0_table), 'suite_id') in (undefined(name='earlier_runs') if l_0_earlier_runs is missing else l_0_earlier_runs))):
        pass
        l_1_earlier = environment.getitem((undefined(name='earlier_runs') if l_0_earlier_runs is missing else l_0_earlier_runs), environment.getattr((undefined(name='table') if l_0_table is missing else l_0_table), 'suite_id'))
        pass
        template = environment.get_template('partials/earlier_runs.html', 'partials/scores.html')
        gen = template.root_render_func(template.new_context(context.get_all(), True, {'earlier': l_1_earlier, 'gap': l_0_gap}))
        try:
            for event in gen:
                yield event
        finally: gen.close()
        l_1_earlier = missing
    yield '<p class="methodology-note">'
    yield environment.escaped(environment.getitem((undefined(name='scoring_notes') if l_0_scoring_notes is missing else l_0_scoring_notes), environment.getattr((undefined(name='table') if l_0_table is missing else l_0_table), 'suite_id')))
    yield ' <a href="'
    yield environment.escaped((undefined(name='root') if l_0_root is missing else l_0_root))
    yield environment.escaped(context.call(environment.getattr((undefined(name='urls') if l_0_urls is missing else l_0_urls), 'suite'), environment.getattr((undefined(name='table') if l_0_table is missing else l_0_table), 'suite_id')))
    yield '#method">How <bdi>'
    yield environment.escaped(environment.getattr(environment.getattr((undefined(name='table') if l_0_table is missing else l_0_table), 'suite'), 'name'))
    yield '</bdi> is run and scored</a>; <a href="'
    yield environment.escaped((undefined(name='root') if l_0_root is missing else l_0_root))
    yield environment.escaped(environment.getattr((undefined(name='urls') if l_0_urls is missing else l_0_urls), 'METHODOLOGY'))
    yield '#leads">when a value is marked best</a>.</p>\n</section>\n'

blocks = {}
debug_info = '4=43&5=47&6=49&7=54&8=61&6=70&10=71&11=74&13=76&14=82&15=91&16=93&17=95&13=100&19=103&20=110&23=114&24=118&25=136&29=142&31=146&32=154&39=161&41=169&42=173&43=194&45=197&50=208&52=220'
