# Jinja's code for versus/theme/partials/differences.html, written by python -m versus.site.precompile
from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'partials/differences.html'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_per_category = resolve('per_category')
    l_0_per_suite = resolve('per_suite')
    l_0_cut = resolve('cut')
    l_0_data_paths = resolve('data_paths')
    l_0_pair = resolve('pair')
    try:
        t_1 = environment.filters['sentence_html']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'sentence_html' found.")
    pass
    yield '<section id="differences" aria-labelledby="differences-title">\n<h2 id="differences-title">Where they differ</h2>\n<p>Prompts both runs answered that one model passed and the other failed: at most '
    yield environment.escaped((undefined(name='per_category') if l_0_per_category is missing else l_0_per_category))
    yield ' a category and '
    yield environment.escaped((undefined(name='per_suite') if l_0_per_suite is missing else l_0_per_suite))
    yield ' a suite, each text cut at '
    yield environment.escaped((undefined(name='cut') if l_0_cut is missing else l_0_cut))
    yield " characters (in full on the prompt's page). Each model's verdict on every prompt is in its data: "
    l_1_loop = missing
    for (l_1_model, l_1_path), l_1_loop in LoopContext((undefined(name='data_paths') if l_0_data_paths is missing else l_0_data_paths), undefined):
        l_1_root = resolve('root')
        _loop_vars = {}
        pass
        yield '<a href="'
        yield environment.escaped((undefined(name='root') if l_1_root is missing else l_1_root))
        yield environment.escaped(l_1_path)
        yield '" type="application/json">'
        yield environment.escaped(environment.getattr(l_1_model, 'name'))
        yield '</a>'
        if environment.getattr(l_1_loop, 'first'):
            pass
            yield ' and '
    l_1_loop = l_1_model = l_1_path = l_1_root = missing
    yield '.</p>\n'
    for l_1_suite in environment.getattr((undefined(name='pair') if l_0_pair is missing else l_0_pair), 'differences'):
        _loop_vars = {}
        pass
        yield '<section class="differences" aria-labelledby="differences-title differences-'
        yield environment.escaped(environment.getattr(l_1_suite, 'suite_id'))
        yield '">\n<h3 id="differences-'
        yield environment.escaped(environment.getattr(l_1_suite, 'suite_id'))
        yield '">'
        yield environment.escaped(environment.getattr(l_1_suite, 'name'))
        yield '</h3>\n<p>'
        yield environment.escaped(t_1(environment.getattr(l_1_suite, 'summary')))
        yield '</p>\n'
        for l_2_category in environment.getattr(l_1_suite, 'listed'):
            _loop_vars = {}
            pass
            yield '<h4>'
            yield environment.escaped(environment.getattr(l_2_category, 'label'))
            yield '</h4>\n<p>'
            yield environment.escaped(t_1(environment.getattr(l_2_category, 'summary')))
            yield '</p>\n<ul class="difference-list">\n'
            for l_3_entry in environment.getattr(l_2_category, 'shown'):
                l_3_root = resolve('root')
                l_3_urls = resolve('urls')
                l_3_prompt_page = missing
                _loop_vars = {}
                pass
                l_3_prompt_page = markup_join(((undefined(name='root') if l_3_root is missing else l_3_root), context.call(environment.getattr((undefined(name='urls') if l_3_urls is missing else l_3_urls), 'prompt'), environment.getattr(l_1_suite, 'suite_id'), environment.getattr(l_3_entry, 'prompt'), _loop_vars=_loop_vars), ))
                _loop_vars['prompt_page'] = l_3_prompt_page
                yield '<li>\n'
                l_4_thumb = environment.getattr(l_3_entry, 'thumbnail')
                pass
                if l_4_thumb:
                    pass
                    yield '<a href="'
                    yield environment.escaped((undefined(name='prompt_page') if l_3_prompt_page is missing else l_3_prompt_page))
                    yield '" tabindex="-1" aria-hidden="true"><img src="'
                    yield environment.escaped((undefined(name='root') if l_3_root is missing else l_3_root))
                    yield environment.escaped(environment.getattr(l_4_thumb, 'src'))
                    yield '" width="'
                    yield environment.escaped(environment.getattr(l_4_thumb, 'width'))
                    yield '" height="'
                    yield environment.escaped(environment.getattr(l_4_thumb, 'height'))
                    yield '" alt="Image of prompt '
                    yield environment.escaped(environment.getattr(l_3_entry, 'prompt'))
                    yield '"'
                    if environment.getattr(l_4_thumb, 'pixelated'):
                        pass
                        yield ' class="pixelated"'
                    yield ' loading="lazy" decoding="async"></a>\n'
                l_4_thumb = missing
                yield '<dl>\n<dt><a href="'
                yield environment.escaped((undefined(name='prompt_page') if l_3_prompt_page is missing else l_3_prompt_page))
                yield '">Prompt</a></dt><dd>'
                yield environment.escaped(environment.getattr(environment.getattr(l_3_entry, 'text'), 'text'))
                if environment.getattr(environment.getattr(l_3_entry, 'text'), 'cut'):
                    pass
                    yield ' (cut)'
                yield '</dd>\n'
                if environment.getattr(l_3_entry, 'image_url'):
                    pass
                    yield '<dt>Image</dt><dd><a href="'
                    yield environment.escaped(environment.getattr(l_3_entry, 'image_url'))
                    yield '" rel="noreferrer">On another site</a></dd>\n'
                if environment.getattr(l_3_entry, 'expected'):
                    pass
                    yield '<dt>Expected</dt><dd>'
                    yield environment.escaped(environment.getattr(environment.getattr(l_3_entry, 'expected'), 'text'))
                    if environment.getattr(environment.getattr(l_3_entry, 'expected'), 'cut'):
                        pass
                        yield ' (cut)'
                    yield '</dd>\n'
                for l_4_answer in environment.getattr(l_3_entry, 'answers'):
                    _loop_vars = {}
                    pass
                    yield '<dt><bdi>'
                    yield environment.escaped(environment.getattr(l_4_answer, 'model'))
                    yield '</bdi>, '
                    yield environment.escaped(environment.getattr(l_4_answer, 'verdict'))
                    yield '</dt><dd>'
                    if environment.getattr(l_4_answer, 'text'):
                        pass
                        yield environment.escaped(environment.getattr(environment.getattr(l_4_answer, 'text'), 'text'))
                        if environment.getattr(environment.getattr(l_4_answer, 'text'), 'cut'):
                            pass
                            yield ' (cut)'
                    else:
                        pass
                        yield '<em>'
                        yield environment.escaped(environment.getattr(l_4_answer, 'missing'))
                        yield '</em>'
                    yield '</dd>\n'
                l_4_answer = missing
                yield '</dl>\n</li>\n'
            l_3_entry = l_3_root = l_3_urls = l_3_prompt_page = missing
            yield '</ul>\n'
            if environment.getattr(l_2_category, 'more'):
                pass
                yield '<p class="difference-more">And '
                yield environment.escaped(environment.getattr(l_2_category, 'more'))
                yield ' more.</p>\n'
        l_2_category = missing
        if environment.getattr(l_1_suite, 'unlisted'):
            pass
            yield '<p class="difference-more">'
            yield environment.escaped(t_1(environment.getattr(l_1_suite, 'unlisted')))
            yield '</p>\n'
        yield '</section>\n'
    l_1_suite = missing
    yield '</section>\n'

blocks = {}
debug_info = '8=23&9=45&10=49&11=51&12=55&13=57&14=61&15=63&17=65&18=71&20=76&23=96&24=103&26=108&28=116&34=140&35=143&38=146&39=149'
