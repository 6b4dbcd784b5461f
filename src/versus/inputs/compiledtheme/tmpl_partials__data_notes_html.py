# Jinja's code for versus/theme/partials/data_notes.html, written by python -m versus.site.precompile
from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'partials/data_notes.html'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_models = resolve('models')
    l_0_noted = missing
    try:
        t_1 = environment.filters['length']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'length' found.")
    try:
        t_2 = environment.filters['list']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'list' found.")
    try:
        t_3 = environment.filters['selectattr']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No filter named 'selectattr' found.")
    pass
    l_0_noted = t_2(context.eval_ctx, t_3(context, (undefined(name='models') if l_0_models is missing else l_0_models), 'card.data_notes'))
    context.vars['noted'] = l_0_noted
    context.exported_vars.add('noted')
    if (undefined(name='noted') if l_0_noted is missing else l_0_noted):
        pass
        yield '<section id="data-notes" class="data-notes" aria-labelledby="data-notes-title">\n<h2 id="data-notes-title">Data notes</h2>\n<details>\n<summary>How the data on this page was gathered</summary>\n'
        for l_1_model in (undefined(name='noted') if l_0_noted is missing else l_0_noted):
            _loop_vars = {}
            pass
            if (t_1((undefined(name='models') if l_0_models is missing else l_0_models)) > 1):
                pass
                yield '<h3><bdi>'
                yield environment.escaped(environment.getattr(l_1_model, 'name'))
                yield '</bdi></h3>'
            yield '<ul class="notes">\n'
            for l_2_note in environment.getattr(environment.getattr(l_1_model, 'card'), 'data_notes'):
                _loop_vars = {}
                pass
                yield '<li>'
                yield environment.escaped(l_2_note)
                yield '</li>\n'
            l_2_note = missing
            yield '</ul>\n'
        l_1_model = missing
        yield '</details>\n</section>\n'

blocks = {}
debug_info = '3=31&4=34&9=37&10=40&12=46'
