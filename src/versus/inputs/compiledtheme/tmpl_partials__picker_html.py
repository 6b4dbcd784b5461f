# Jinja's code for versus/theme/partials/picker.html, written by python -m versus.site.precompile
from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'partials/picker.html'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_root = resolve('root')
    l_0_urls = resolve('urls')
    l_0_pair_groups = resolve('pair_groups')
    l_0_models = resolve('models')
    try:
        t_1 = environment.filters['forceescape']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'forceescape' found.")
    try:
        t_2 = environment.filters['tojson']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'tojson' found.")
    try:
        t_3 = environment.tests['defined']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No test named 'defined' found.")
    try:
        t_4 = environment.tests['none']
    except KeyError:
        @internalcode
        def t_4(*unused):
            raise TemplateRuntimeError("No test named 'none' found.")
    pass
    yield '<form class="picker" data-compare="'
    yield environment.escaped((undefined(name='root') if l_0_root is missing else l_0_root))
    yield environment.escaped(environment.getattr((undefined(name='urls') if l_0_urls is missing else l_0_urls), 'COMPARE'))
    yield '" data-models="'
    yield environment.escaped((undefined(name='root') if l_0_root is missing else l_0_root))
    yield environment.escaped(environment.getattr((undefined(name='urls') if l_0_urls is missing else l_0_urls), 'MODELS'))
    yield '"'
    if (t_3((undefined(name='pair_groups') if l_0_pair_groups is missing else l_0_pair_groups)) and (not t_4((undefined(name='pair_groups') if l_0_pair_groups is missing else l_0_pair_groups)))):
        pass
        yield ' data-pairs="'
        yield environment.escaped(t_1(t_2(context.eval_ctx, (undefined(name='pair_groups') if l_0_pair_groups is missing else l_0_pair_groups))))
        yield '"'
    yield '>\n<p class="picker-fields">\n<label>First model\n<select name="a">\n'
    l_1_loop = missing
    for l_1_model, l_1_loop in LoopContext((undefined(name='models') if l_0_models is missing else l_0_models), undefined):
        _loop_vars = {}
        pass
        yield '<option value="'
        yield environment.escaped(environment.getattr(l_1_model, 'id'))
        yield '"'
        if environment.getattr(l_1_loop, 'first'):
            pass
            yield ' selected'
        yield '>'
        yield environment.escaped(environment.getattr(l_1_model, 'name'))
        yield '</option>'
    l_1_loop = l_1_model = missing
    yield '</select></label>\n<label>Second model\n<select name="b">\n'
    l_1_loop = missing
    for l_1_model, l_1_loop in LoopContext((undefined(name='models') if l_0_models is missing else l_0_models), undefined):
        _loop_vars = {}
        pass
        yield '<option value="'
        yield environment.escaped(environment.getattr(l_1_model, 'id'))
        yield '"'
        if (environment.getattr(l_1_loop, 'index') == 2):
            pass
            yield ' selected'
        yield '>'
        yield environment.escaped(environment.getattr(l_1_model, 'name'))
        yield '</option>'
    l_1_loop = l_1_model = missing
    yield '</select></label>\n<button type="submit">Compare</button>\n</p>\n<noscript><p>The picker needs JavaScript; every model\'s page lists all its comparisons.</p></noscript>\n</form>\n<script src="'
    yield environment.escaped((undefined(name='root') if l_0_root is missing else l_0_root))
    yield 'assets/picker.js" defer></script>\n'

blocks = {}
debug_info = '2=40&6=53&10=68&16=82'
