# Jinja's code for versus/theme/partials/glossary.html, written by python -m versus.site.precompile
from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'partials/glossary.html'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_glossary = resolve('glossary')
    l_0_site = resolve('site')
    pass
    if (undefined(name='glossary') if l_0_glossary is missing else l_0_glossary):
        pass
        yield '<details class="glossary" id="capability-glossary"'
        if environment.getattr((undefined(name='site') if l_0_site is missing else l_0_site), 'search'):
            pass
            yield ' data-pagefind-body'
        yield '>\n<summary>What each capability means</summary>\n'
        for (l_1_label, l_1_capabilities) in (undefined(name='glossary') if l_0_glossary is missing else l_0_glossary):
            _loop_vars = {}
            pass
            yield '<h3>'
            yield environment.escaped(l_1_label)
            yield '</h3>\n<dl>\n'
            for l_2_cap in l_1_capabilities:
                _loop_vars = {}
                pass
                yield '<dt id="capability-'
                yield environment.escaped(environment.getattr(l_2_cap, 'id'))
                yield '">'
                yield environment.escaped(environment.getattr(l_2_cap, 'label'))
                yield '</dt>\n<dd>'
                yield environment.escaped(environment.getattr(l_2_cap, 'description'))
                yield '</dd>\n'
            l_2_cap = missing
            yield '</dl>\n'
        l_1_label = l_1_capabilities = missing
        yield '</details>\n'

blocks = {}
debug_info = '4=13&5=16&7=20&8=24&10=26&11=30&12=34'
