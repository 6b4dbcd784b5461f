# Jinja's code for versus/theme/partials/capabilities.html, written by python -m versus.site.precompile
from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'partials/capabilities.html'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_capability_groups = resolve('capability_groups')
    l_0_models = resolve('models')
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
    pass
    def macro():
        t_3 = []
        pass
        template = environment.get_template('partials/capability_legend.html', 'partials/capabilities.html')
        gen = template.root_render_func(template.new_context(context.get_all(), True, {}))
        try:
            for event in gen:
                t_3.append(event)
        finally: gen.close()
        return concat(t_3)
    caller = Macro(environment, macro, None, (), False, False, False, context.eval_ctx.autoescape)
    yield context.call(environment.extensions['versus.site.fragments.FragmentCache']._render_once, ('partials/capabilities.html', 1, 'legend'), caller=caller)
    if (undefined(name='capability_groups') if l_0_capability_groups is missing else l_0_capability_groups):
        pass
        yield '<div class="table-wrap" role="region" aria-label="Capabilities table" tabindex="0">\n<table class="compare compare--'
        yield environment.escaped(t_1((undefined(name='models') if l_0_models is missing else l_0_models)))
        yield ' capabilities">\n<caption class="visually-hidden">Capabilities</caption>\n'
        l_1_first_column = 'Capability'
        pass
        template = environment.get_template('partials/column_heads.html', 'partials/capabilities.html')
        gen = template.root_render_func(template.new_context(context.get_all(), True, {'first_column': l_1_first_column}))
        try:
            for event in gen:
                yield event
        finally: gen.close()
        l_1_first_column = missing
        for l_1_group in (undefined(name='capability_groups') if l_0_capability_groups is missing else l_0_capability_groups):
            _loop_vars = {}
            pass
            yield '<tbody>\n<tr class="group-row"><th scope="colgroup" colspan="'
            yield environment.escaped((t_1((undefined(name='models') if l_0_models is missing else l_0_models)) + 1))
            yield '">'
            yield environment.escaped(environment.getattr(l_1_group, 'label'))
            yield '</th></tr>\n'
            yield environment.escaped(t_2(environment.getattr(l_1_group, 'rows')))
            yield '\n</tbody>\n'
        l_1_group = missing
        yield '</table>\n</div>\n'
    else:
        pass
        yield '<p class="empty">Neither card states any capability yet.</p>\n'

blocks = {}
debug_info = '2=25&3=37&5=40&7=44&8=51&10=55&11=59'
