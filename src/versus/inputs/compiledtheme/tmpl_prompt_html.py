# Jinja's code for versus/theme/prompt.html, written by python -m versus.site.precompile
from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'prompt.html'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    parent_template = None
    pass
    parent_template = environment.get_template('base.html', 'prompt.html')
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
    l_0_root = resolve('root')
    l_0_suite_path = resolve('suite_path')
    l_0_suite = resolve('suite')
    l_0_category = resolve('category')
    l_0_prompt = resolve('prompt')
    l_0_image = resolve('image')
    l_0_tally = resolve('tally')
    l_0_answers = resolve('answers')
    l_0_timed = resolve('timed')
    l_0_without = resolve('without')
    try:
        t_1 = environment.filters['join']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'join' found.")
    try:
        t_2 = environment.tests['none']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No test named 'none' found.")
    pass
    yield '<article class="prompt-page">\n<header class="page-head">\n  <p class="eyebrow">Prompt of <a href="'
    yield environment.escaped((undefined(name='root') if l_0_root is missing else l_0_root))
    yield environment.escaped((undefined(name='suite_path') if l_0_suite_path is missing else l_0_suite_path))
    yield '">'
    yield environment.escaped(environment.getattr((undefined(name='suite') if l_0_suite is missing else l_0_suite), 'name'))
    yield '</a>, '
    yield environment.escaped(environment.getattr((undefined(name='category') if l_0_category is missing else l_0_category), 'label'))
    yield '</p>\n  <h1>Prompt <code>'
    yield environment.escaped(environment.getattr((undefined(name='prompt') if l_0_prompt is missing else l_0_prompt), 'id'))
    yield '</code></h1>\n</header>\n\n<section id="prompt" aria-labelledby="prompt-title">\n<h2 id="prompt-title">The prompt</h2>\n<dl class="prompt-facts">\n<dt>Prompt</dt><dd class="prompt-text">'
    yield environment.escaped(environment.getattr((undefined(name='prompt') if l_0_prompt is missing else l_0_prompt), 'text'))
    yield '</dd>\n'
    if (undefined(name='image') if l_0_image is missing else l_0_image):
        pass
        yield '<dt>Image</dt><dd>'
        if environment.getattr((undefined(name='image') if l_0_image is missing else l_0_image), 'published'):
            pass
            yield '<a href="'
            yield environment.escaped((undefined(name='root') if l_0_root is missing else l_0_root))
            yield environment.escaped(environment.getattr((undefined(name='image') if l_0_image is missing else l_0_image), 'src'))
            yield '"><img src="'
            yield environment.escaped((undefined(name='root') if l_0_root is missing else l_0_root))
            yield environment.escaped(environment.getattr((undefined(name='image') if l_0_image is missing else l_0_image), 'src'))
            yield '" width="'
            yield environment.escaped(environment.getattr((undefined(name='image') if l_0_image is missing else l_0_image), 'width'))
            yield '" height="'
            yield environment.escaped(environment.getattr((undefined(name='image') if l_0_image is missing else l_0_image), 'height'))
            yield '" alt="The image shown with prompt '
            yield environment.escaped(environment.getattr((undefined(name='prompt') if l_0_prompt is missing else l_0_prompt), 'id'))
            yield '" class="prompt-image'
            if environment.getattr((undefined(name='image') if l_0_image is missing else l_0_image), 'pixelated'):
                pass
                yield ' pixelated'
            yield '"></a>'
        else:
            pass
            yield '<a href="'
            yield environment.escaped(environment.getattr((undefined(name='image') if l_0_image is missing else l_0_image), 'src'))
            yield '" rel="nofollow noopener noreferrer">The image, on another site</a>'
        yield '</dd>\n'
    yield '<dt>Category</dt><dd><a href="'
    yield environment.escaped((undefined(name='root') if l_0_root is missing else l_0_root))
    yield environment.escaped((undefined(name='suite_path') if l_0_suite_path is missing else l_0_suite_path))
    yield '#category-'
    yield environment.escaped(environment.getattr((undefined(name='category') if l_0_category is missing else l_0_category), 'id'))
    yield '">'
    yield environment.escaped(environment.getattr((undefined(name='category') if l_0_category is missing else l_0_category), 'label'))
    yield '</a></dd>\n<dt>Expected answer</dt><dd>'
    if environment.getattr((undefined(name='prompt') if l_0_prompt is missing else l_0_prompt), 'expected'):
        pass
        yield environment.escaped(environment.getattr((undefined(name='prompt') if l_0_prompt is missing else l_0_prompt), 'expected'))
    else:
        pass
        yield '<em>Not stated by the suite</em>'
    yield '</dd>\n'
    if environment.getattr((undefined(name='prompt') if l_0_prompt is missing else l_0_prompt), 'tags'):
        pass
        yield '<dt>Tags</dt><dd>'
        yield environment.escaped(t_1(context.eval_ctx, environment.getattr((undefined(name='prompt') if l_0_prompt is missing else l_0_prompt), 'tags'), ', '))
        yield '</dd>\n'
    yield '</dl>\n</section>\n\n<section id="answers" aria-labelledby="answers-title">\n<h2 id="answers-title">Every model\'s answer</h2>\n<p>'
    yield environment.escaped((undefined(name='tally') if l_0_tally is missing else l_0_tally))
    yield '</p>\n'
    if (undefined(name='answers') if l_0_answers is missing else l_0_answers):
        pass
        yield '<div class="table-wrap" role="region" aria-label="Answers to prompt '
        yield environment.escaped(environment.getattr((undefined(name='prompt') if l_0_prompt is missing else l_0_prompt), 'id'))
        yield '" tabindex="0">\n<table class="listing answers" data-sortable>\n<caption class="visually-hidden">Every model\'s answer to prompt '
        yield environment.escaped(environment.getattr((undefined(name='prompt') if l_0_prompt is missing else l_0_prompt), 'id'))
        yield '</caption>\n<thead><tr><th scope="col">Model</th><th scope="col">Verdict</th><th scope="col">Answer</th>'
        if (undefined(name='timed') if l_0_timed is missing else l_0_timed):
            pass
            yield '<th scope="col" data-sort="seconds">Time</th><th scope="col" data-sort="tokens">Tokens</th>'
        yield '</tr></thead>\n<tbody>\n'
        for l_1_a in (undefined(name='answers') if l_0_answers is missing else l_0_answers):
            _loop_vars = {}
            pass
            yield '<tr class="verdict-'
            yield environment.escaped(environment.getattr(l_1_a, 'verdict'))
            yield '"'
            if (undefined(name='timed') if l_0_timed is missing else l_0_timed):
                pass
                for (l_2_column, l_2_key) in environment.getattr(l_1_a, 'sort_keys'):
                    _loop_vars = {}
                    pass
                    yield ' data-sort-'
                    yield environment.escaped(l_2_column)
                    yield '="'
                    yield environment.escaped(l_2_key)
                    yield '"'
                l_2_column = l_2_key = missing
            yield '><th scope="row"><a href="'
            yield environment.escaped((undefined(name='root') if l_0_root is missing else l_0_root))
            yield environment.escaped(environment.getattr(environment.getattr(l_1_a, 'profile'), 'path'))
            yield '">'
            yield environment.escaped(environment.getattr(environment.getattr(l_1_a, 'profile'), 'name'))
            yield '</a></th><td>'
            yield environment.escaped(environment.getattr(l_1_a, 'verdict'))
            yield '</td><td class="answer">'
            if environment.getattr(l_1_a, 'answer'):
                pass
                yield environment.escaped(environment.getattr(l_1_a, 'answer'))
            elif t_2(environment.getattr(l_1_a, 'answer')):
                pass
                yield '<em>not recorded</em>'
            else:
                pass
                yield '<em>no answer</em>'
            yield '</td>'
            if (undefined(name='timed') if l_0_timed is missing else l_0_timed):
                pass
                yield '<td>'
                if environment.getattr(l_1_a, 'seconds'):
                    pass
                    yield environment.escaped(environment.getattr(l_1_a, 'seconds'))
                else:
                    pass
                    yield '<em>not recorded</em>'
                yield '</td><td>'
                if environment.getattr(l_1_a, 'tokens'):
                    pass
                    yield environment.escaped(environment.getattr(l_1_a, 'tokens'))
                else:
                    pass
                    yield '<em>not recorded</em>'
                yield '</td>'
            yield '</tr>\n'
        l_1_a = missing
        yield '</tbody>\n</table>\n</div>\n'
    def t_3(fiter):
        for (l_1_why, l_1_models) in fiter:
            if l_1_models:
                yield (l_1_why, l_1_models)
    l_1_loop = missing
    for (l_1_why, l_1_models), l_1_loop in LoopContext(t_3((undefined(name='without') if l_0_without is missing else l_0_without)), undefined):
        _loop_vars = {}
        pass
        yield '<p class="empty">'
        yield environment.escaped(l_1_why)
        yield ': '
        l_2_loop = missing
        for l_2_model, l_2_loop in LoopContext(l_1_models, undefined):
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
    l_1_loop = l_1_why = l_1_models = missing
    yield '</section>\n</article>\n<script src="'
    yield environment.escaped((undefined(name='root') if l_0_root is missing else l_0_root))
    yield 'assets/tables.js" defer></script>\n'

blocks = {'content': block_content}
debug_info = '1=12&2=17&5=48&6=55&12=57&13=59&15=88&16=95&17=102&24=108&25=110&26=113&28=115&29=117&31=121&32=125&38=176&39=185&43=204'
