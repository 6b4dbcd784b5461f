# Jinja's code for versus/theme/partials/properties.html, written by python -m versus.site.precompile
from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'partials/properties.html'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_models = resolve('models')
    l_0_properties = resolve('properties')
    l_0_priced = missing
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
        t_3 = environment.filters['rows_html']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No filter named 'rows_html' found.")
    try:
        t_4 = environment.filters['selectattr']
    except KeyError:
        @internalcode
        def t_4(*unused):
            raise TemplateRuntimeError("No filter named 'selectattr' found.")
    pass
    yield '<div class="table-wrap" role="region" aria-label="Properties table" tabindex="0">\n<table class="compare compare--'
    yield environment.escaped(t_1((undefined(name='models') if l_0_models is missing else l_0_models)))
    yield '">\n<caption class="visually-hidden">Properties</caption>\n'
    l_1_first_column = 'Property'
    pass
    template = environment.get_template('partials/column_heads.html', 'partials/properties.html')
    gen = template.root_render_func(template.new_context(context.get_all(), True, {'first_column': l_1_first_column, 'priced': l_0_priced}))
    try:
        for event in gen:
            yield event
    finally: gen.close()
    l_1_first_column = missing
    yield '<tbody>\n'
    yield environment.escaped(t_3((undefined(name='properties') if l_0_properties is missing else l_0_properties)))
    yield '\n</tbody>\n</table>\n</div>\n'
    l_0_priced = t_2(context.eval_ctx, t_4(context, (undefined(name='models') if l_0_models is missing else l_0_models), 'price_source'))
    context.vars['priced'] = l_0_priced
    context.exported_vars.add('priced')
    if (undefined(name='priced') if l_0_priced is missing else l_0_priced):
        pass
        yield '<p class="provenance">Prices'
        if (t_1((undefined(name='models') if l_0_models is missing else l_0_models)) > 1):
            pass
            yield ':'
        yield ' '
        l_1_loop = missing
        for l_1_model, l_1_loop in LoopContext((undefined(name='priced') if l_0_priced is missing else l_0_priced), undefined):
            l_1_price = missing
            _loop_vars = {}
            pass
            l_1_price = environment.getattr(l_1_model, 'price_source')
            _loop_vars['price'] = l_1_price
            if (t_1((undefined(name='models') if l_0_models is missing else l_0_models)) > 1):
                pass
                yield '<strong>'
                yield environment.escaped(environment.getattr(l_1_model, 'name'))
                yield '</strong> '
            yield 'from '
            if environment.getattr((undefined(name='price') if l_1_price is missing else l_1_price), 'url'):
                pass
                yield '<a href="'
                yield environment.escaped(environment.getattr((undefined(name='price') if l_1_price is missing else l_1_price), 'url'))
                yield '" rel="nofollow noopener">'
                yield environment.escaped(environment.getattr((undefined(name='price') if l_1_price is missing else l_1_price), 'source'))
                yield '</a>'
            else:
                pass
                yield environment.escaped(environment.getattr((undefined(name='price') if l_1_price is missing else l_1_price), 'source'))
            if environment.getattr((undefined(name='price') if l_1_price is missing else l_1_price), 'read'):
                pass
                yield ', read '
                yield environment.escaped(environment.getattr((undefined(name='price') if l_1_price is missing else l_1_price), 'read'))
            yield environment.escaped(('; ' if (not environment.getattr(l_1_loop, 'last')) else '.'))
        l_1_loop = l_1_model = l_1_price = missing
        yield '</p>\n'

blocks = {}
debug_info = '3=39&5=43&7=51&12=53&13=56&14=59'
