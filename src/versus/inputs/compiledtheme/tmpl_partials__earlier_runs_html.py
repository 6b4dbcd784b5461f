# Jinja's code for versus/theme/partials/earlier_runs.html, written by python -m versus.site.precompile
from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'partials/earlier_runs.html'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_table = resolve('table')
    l_0_model = resolve('model')
    l_0_earlier = resolve('earlier')
    l_0_root = resolve('root')
    l_0_urls = resolve('urls')
    try:
        t_1 = environment.filters['cell_html']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'cell_html' found.")
    pass
    yield '<h4 id="earlier-'
    yield environment.escaped(environment.getattr((undefined(name='table') if l_0_table is missing else l_0_table), 'suite_id'))
    yield '">Earlier runs</h4>\n<div class="table-wrap" role="region" aria-label="'
    yield environment.escaped(environment.getattr(environment.getattr((undefined(name='table') if l_0_table is missing else l_0_table), 'suite'), 'name'))
    yield ' earlier runs" tabindex="0">\n<table class="listing earlier-runs">\n<caption class="visually-hidden">Earlier runs of <bdi>'
    yield environment.escaped(environment.getattr((undefined(name='model') if l_0_model is missing else l_0_model), 'name'))
    yield '</bdi> on <bdi>'
    yield environment.escaped(environment.getattr(environment.getattr((undefined(name='table') if l_0_table is missing else l_0_table), 'suite'), 'name'))
    yield '</bdi></caption>\n<thead><tr><th scope="col">Run</th><th scope="col">Harness</th><th scope="col">Settings</th><th scope="col">Overall score</th><th scope="col">Prompts covered</th><th scope="col">Change in the newest run</th></tr></thead>\n<tbody>\n'
    for l_1_run in (undefined(name='earlier') if l_0_earlier is missing else l_0_earlier):
        _loop_vars = {}
        pass
        yield '<tr>\n<th scope="row">'
        yield environment.escaped(environment.getattr(l_1_run, 'date'))
        yield '</th>\n<td>'
        if environment.getattr(l_1_run, 'harness'):
            pass
            yield environment.escaped(environment.getattr(l_1_run, 'harness'))
        else:
            pass
            yield '<span class="empty">Not stated</span>'
        yield '</td>\n<td>'
        if environment.getattr(l_1_run, 'settings'):
            pass
            yield environment.escaped(environment.getattr(l_1_run, 'settings'))
        else:
            pass
            yield '<span class="empty">Not stated</span>'
        yield '</td>\n'
        yield environment.escaped(t_1(environment.getattr(l_1_run, 'overall')))
        yield '\n'
        yield environment.escaped(t_1(environment.getattr(l_1_run, 'covered')))
        yield '\n'
        yield environment.escaped(t_1(environment.getattr(l_1_run, 'change')))
        yield '\n</tr>\n'
    l_1_run = missing
    yield '</tbody>\n</table>\n</div>\n<ul class="provenance" aria-label="Where the earlier runs\' figures come from">\n'
    for l_1_run in (undefined(name='earlier') if l_0_earlier is missing else l_0_earlier):
        _loop_vars = {}
        pass
        yield '<li><strong>'
        yield environment.escaped(environment.getattr(l_1_run, 'date'))
        yield '</strong>: source: '
        if environment.getattr(l_1_run, 'source_url'):
            pass
            yield '<a href="'
            yield environment.escaped(environment.getattr(l_1_run, 'source_url'))
            yield '" rel="nofollow noopener">'
            yield environment.escaped(environment.getattr(l_1_run, 'source'))
            yield '</a>'
        else:
            pass
            yield environment.escaped(environment.getattr(l_1_run, 'source'))
        if environment.getattr(l_1_run, 'source_read'):
            pass
            yield ', read '
            yield environment.escaped(environment.getattr(l_1_run, 'source_read'))
        yield '.'
        if environment.getattr(l_1_run, 'notes'):
            pass
            yield '<ul class="run-notes" aria-label="Notes on this run">\n'
            for l_2_note in environment.getattr(l_1_run, 'notes'):
                _loop_vars = {}
                pass
                yield '<li>'
                yield environment.escaped(l_2_note)
                yield '</li>\n'
            l_2_note = missing
            yield '</ul>'
        yield '</li>\n'
    l_1_run = missing
    yield '</ul>\n<p class="methodology-note"><bdi>'
    yield environment.escaped(environment.getattr((undefined(name='model') if l_0_model is missing else l_0_model), 'name'))
    yield '</bdi>\'s score table shows its newest run. The change is the newest run\'s passed prompts less an earlier run\'s, given only where both runs covered every prompt of the suite; it is a figure, not a test of a difference (<a href="'
    yield environment.escaped((undefined(name='root') if l_0_root is missing else l_0_root))
    yield environment.escaped(environment.getattr((undefined(name='urls') if l_0_urls is missing else l_0_urls), 'METHODOLOGY'))
    yield '#leads">when a difference counts</a>).</p>\n'

blocks = {}
debug_info = '3=23&4=25&6=27&9=31&11=35&12=37&13=44&14=51&15=53&16=55&23=59&24=63&25=80&27=83&32=94'
