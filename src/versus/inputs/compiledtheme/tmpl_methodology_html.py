# Jinja's code for versus/theme/methodology.html, written by python -m versus.site.precompile
from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'methodology.html'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    parent_template = None
    pass
    parent_template = environment.get_template('base.html', 'methodology.html')
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
    l_0_confidence = resolve('confidence')
    l_0_level = resolve('level')
    l_0_level_at_top = resolve('level_at_top')
    l_0_alpha = resolve('alpha')
    l_0_clear_ratio = resolve('clear_ratio')
    l_0_about_the_same = resolve('about_the_same')
    l_0_about_the_same_at_top = resolve('about_the_same_at_top')
    l_0_root = resolve('root')
    l_0_urls = resolve('urls')
    l_0_suites = resolve('suites')
    l_0_pairs_rule = resolve('pairs_rule')
    pass
    yield '<header class="page-head">\n  <h1>How versus compares models</h1>\n  <p class="lead">Every figure on this site is computed from the model cards and eval results it is built from. This page says how, and by which rules a page may say that one model leads another.</p>\n</header>\n\n<section id="intervals" aria-labelledby="intervals-title">\n<h2 id="intervals-title">Scores and their intervals</h2>\n<p>A score is the share of prompts a run passed among the prompts it covered: 42 passed of 67 covered is 62.69%. A run on a few dozen prompts measures a model only roughly, so every score is printed with its '
    yield environment.escaped((undefined(name='confidence') if l_0_confidence is missing else l_0_confidence))
    yield ' confidence interval (<abbr title="confidence interval">CI</abbr>), the Wilson score interval, and drawn as a whisker across its bar: the range of pass rates the result is consistent with. The fewer the prompts, the wider the interval.</p>\n</section>\n\n<section id="leads" aria-labelledby="leads-title">\n<h2 id="leads-title">When a model leads</h2>\n<p>A score table marks a value <strong>best</strong>, and the sentences at the top of a comparison say that a model leads, only where these rules allow it:</p>\n<ul>\n<li><strong>Scores.</strong> The highest score of a row leads only when it is higher than every other score of the row and the gap is beyond chance at '
    yield environment.escaped((undefined(name='confidence') if l_0_confidence is missing else l_0_confidence))
    yield ' confidence. Otherwise the row reads “'
    yield environment.escaped((undefined(name='level') if l_0_level is missing else l_0_level))
    yield '”: the gap is within what chance alone gives; a row of three or more scores reads “'
    yield environment.escaped((undefined(name='level_at_top') if l_0_level_at_top is missing else l_0_level_at_top))
    yield '”: the highest is within noise of another score, not necessarily of every one. How the gap is tested depends on what the two runs give:\n<ul>\n<li><strong>Per-prompt results on both sides</strong> (each run lists its verdict on each prompt) and at least one prompt both runs answered: a paired test on the prompts both answered. Prompts both passed or both failed say nothing about which model is better; of those only one of the two passed, the leader must have passed more, and the exact McNemar test (the two-sided sign test on those prompts) must find the split significant (p ≤ '
    yield environment.escaped((undefined(name='alpha') if l_0_alpha is missing else l_0_alpha))
    yield "). A score that is higher overall but passed fewer of the shared prompts does not lead.</li>\n<li><strong>Totals only</strong> (either run gives its counts by category, not prompt by prompt, or the two answered no prompt in common): the interval for the difference between the two pass rates (Newcombe's hybrid score interval, built from the two Wilson intervals) must exclude zero.</li>\n</ul></li>\n<li><strong>Response time and cost per task.</strong> The lowest value leads only when every other value of the row is at least "
    yield environment.escaped((undefined(name='clear_ratio') if l_0_clear_ratio is missing else l_0_clear_ratio))
    yield ' times it; closer values read “'
    yield environment.escaped((undefined(name='about_the_same') if l_0_about_the_same is missing else l_0_about_the_same))
    yield '” (“'
    yield environment.escaped((undefined(name='about_the_same_at_top') if l_0_about_the_same_at_top is missing else l_0_about_the_same_at_top))
    yield '” in a row of three or more values). A response time is the run\'s average over the prompts it covered; when two runs covered different prompts, the sentence comparing their times says how many each covered. Only runs that covered at least their suite\'s coverage threshold (see <a href="#coverage">Coverage</a>) take part: a run under it still shows its time, saying under it that it is not compared, but an average over part of the prompts is not set against averages over all of them, so its time neither leads its row nor keeps another from leading, and no sentence calls it faster or slower. Costs in different currencies are not compared.</li>\n<li><strong>Counts or rates.</strong> The sentences compare the numbers of prompts passed only over the same prompts: over the prompts both runs answered when both give per-prompt results (saying how many those are when they are not all of the suite\'s), or when both runs covered every prompt of the suite; otherwise they compare scores and say how many prompts each run covered.</li>\n</ul>\n<p>A value alone in its row, or a row where no value leads, marks nothing. The <a href="'
    yield environment.escaped((undefined(name='root') if l_0_root is missing else l_0_root))
    yield environment.escaped(environment.getattr((undefined(name='urls') if l_0_urls is missing else l_0_urls), 'COMPARE'))
    yield '">compare-several page</a> applies these rules too: it fetches the runs\' per-prompt results with the page, and marks by the totals rule only until they arrive, or where they cannot be fetched.</p>\n</section>\n\n<section id="ranks" aria-labelledby="ranks-title">\n<h2 id="ranks-title">Leaderboards</h2>\n<p>A leaderboard ranks the models evaluated on a suite by their overall score. Equal scores share a rank (1, 2, 2, 4) and are listed by name. A rank orders scores; it does not say that neighbours differ beyond chance: read their intervals. Each row says how many of the suite\'s prompts the run covered.</p>\n</section>\n\n<section id="coverage" aria-labelledby="coverage-title">\n<h2 id="coverage-title">Coverage</h2>\n<p>Median token counts and the cost per task are shown, and response times compared, only for runs that covered enough of a suite\'s prompts:</p>\n<ul>\n'
    for (l_1_suite_id, l_1_suite, l_1_threshold) in (undefined(name='suites') if l_0_suites is missing else l_0_suites):
        _loop_vars = {}
        pass
        yield '<li><a href="'
        yield environment.escaped((undefined(name='root') if l_0_root is missing else l_0_root))
        yield environment.escaped(context.call(environment.getattr((undefined(name='urls') if l_0_urls is missing else l_0_urls), 'suite'), l_1_suite_id, _loop_vars=_loop_vars))
        yield '"><bdi>'
        yield environment.escaped(environment.getattr(l_1_suite, 'name'))
        yield '</bdi></a>: at least '
        yield environment.escaped(l_1_threshold)
        yield ' of its '
        yield environment.escaped(environment.getattr(l_1_suite, 'prompts'))
        yield ' prompts.</li>\n'
    l_1_suite_id = l_1_suite = l_1_threshold = missing
    yield '</ul>\n</section>\n\n<section id="pairs" aria-labelledby="pairs-title">\n<h2 id="pairs-title">Which pairs have a page</h2>\n<p>'
    yield environment.escaped((undefined(name='pairs_rule') if l_0_pairs_rule is missing else l_0_pairs_rule))
    yield ' Every other pair is compared on the <a href="'
    yield environment.escaped((undefined(name='root') if l_0_root is missing else l_0_root))
    yield environment.escaped(environment.getattr((undefined(name='urls') if l_0_urls is missing else l_0_urls), 'COMPARE'))
    yield '">compare page</a>, with the same tables, and every link to a pair goes to its page when it has one, to the compare page otherwise. A catalog of N models has N(N&minus;1)/2 pairs: a page for each would outgrow what a static host serves past a few hundred models.</p>\n</section>\n\n<section id="blanks" aria-labelledby="blanks-title">\n<h2 id="blanks-title">What a missing figure means</h2>\n<dl>\n<dt>Unknown</dt><dd>The model card does not say.</dd>\n<dt>Not supported</dt><dd>The model card says the model does not have this capability.</dd>\n<dt>Not disclosed</dt><dd>The maker has chosen not to publish the figure.</dd>\n<dt>Not evaluated</dt><dd>There is no result for the model on this suite.</dd>\n<dt>Not run</dt><dd>The result has no figures for the prompts of this category.</dd>\n<dt>Not reported</dt><dd>The result does not give this figure.</dd>\n<dt>Not shown</dt><dd>The run covered too few prompts for this figure to be shown (see Coverage).</dd>\n</dl>\n</section>\n'

blocks = {'content': block_content}
debug_info = '1=12&2=17&10=37&17=39&19=45&22=47&25=53&37=56&38=60&45=71'
