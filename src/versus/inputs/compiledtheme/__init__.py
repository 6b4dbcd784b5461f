"""The theme's templates compiled by Jinja, written by ``python -m
versus.site.precompile`` (do not edit): a module per template, and here each
template's module and the SHA-256 of the source it was compiled from."""

JINJA_VERSION = '3.1.6'
"""The Jinja that wrote the modules; under another, the theme is compiled from its
source."""

MODULES: dict[str, tuple[str, str]] = {
    '404.html': ('tmpl_404_html', 'fd19e8f2d6196d7043d3fe863110f5722d6bd46d20c7b10e2c92a568ef17e4df'),
    'base.html': ('tmpl_base_html', 'e6539f1f6e79574a67133db634012787375135ab70b2fa7e2d316fff9282fb54'),
    'capabilities.html': ('tmpl_capabilities_html', 'da08da87061609d551d46453873db6324dfba7846ca57b7f41f6024a7a6a98a9'),
    'compare.html': ('tmpl_compare_html', '57963cfe881e04396ab61054eff20335e7bea33c2c054d937b26f551f3f9edd8'),
    'comparisons.html': ('tmpl_comparisons_html', 'ed4eab151a9fe7e79a1763a61a1c26c15e8d1f15befc090f5387e0124fcfd71c'),
    'feed.xml': ('tmpl_feed_xml', '6cf6b42886d6f816fe28349eaeb367431f5f06f1e95b52731f6dd6cde469928a'),
    'index.html': ('tmpl_index_html', 'a8e1d1a460b53705a198c1893e1172fad689be5edf69e5e4299208f6a8570868'),
    'methodology.html': ('tmpl_methodology_html', '494541d88573226cc11519fe6d38cca9052467536904c6279b5f054f4391d98f'),
    'model.html': ('tmpl_model_html', '337d1ba78c4325a388434880e9dd912d1b8799227992b6f22c7ecff07a3fad58'),
    'pair.html': ('tmpl_pair_html', 'c891dfe44c1dc27a32878f8dd71e3429365407d37d1e94f10b513a08fb51fe81'),
    'partials/capabilities.html': ('tmpl_partials__capabilities_html', '6122208531e366bdbc7cf55f776c2c671ee006215f530001e31cd0d9f14615aa'),
    'partials/capability_legend.html': ('tmpl_partials__capability_legend_html', '785051b2c3aff9d955914c51cb6dbabe48a05c70356b9eadde3e59e62520fa59'),
    'partials/cell.html': ('tmpl_partials__cell_html', 'a129e6e5b04cef76c9d5a033f55528e64202223e2e6d03be597ecad402674a37'),
    'partials/column_heads.html': ('tmpl_partials__column_heads_html', '68d52cbe49ff82672ae9c3ea7b2d501b51137a42f262e9beeaaf758f9bae056f'),
    'partials/comparison_links.html': ('tmpl_partials__comparison_links_html', '5737e60324e3deab961e11dcf6aefbc6c8da38e65cd8f7eca201c42dcb70d9bd'),
    'partials/data_notes.html': ('tmpl_partials__data_notes_html', '06213a83e90fb139ac4c16f27538200cd6afe908e2168df7ab69c5d7a43fa305'),
    'partials/differences.html': ('tmpl_partials__differences_html', '1e57b5fdb381bbc801e5f8fe777b9c473f551508149d15ac8ea19c828adfeffc'),
    'partials/earlier_runs.html': ('tmpl_partials__earlier_runs_html', '47f2bdb40e443d719649baf3936e288a4a61aeedbdb1c3012d00e2e6c4688fad'),
    'partials/filters.html': ('tmpl_partials__filters_html', '42138c1a2d4eefe958fe95feeaf2b0c14bfcce4c94662ae5ea4281de6d48c13f'),
    'partials/glossary.html': ('tmpl_partials__glossary_html', '57f56c61c97ffad2a199fe76f0b83bab5dcb3f83d5f1d963a12bb8d309ca8d3c'),
    'partials/leaderboard.html': ('tmpl_partials__leaderboard_html', 'ba3fd2899305c46750755ca1b89f9e81055d0caf34a5c14eebe91249febdc19a'),
    'partials/link_cell.html': ('tmpl_partials__link_cell_html', '3861288c774df10ddfd4bba9361b98443a71330ad0df1e799709a012baadfa92'),
    'partials/matrix.html': ('tmpl_partials__matrix_html', 'd42b35c72c6879b35b93bd3b8eb7c791f3d0e12ea6b8d04d4fc9aecccd7a5cf8'),
    'partials/matrix_cell.html': ('tmpl_partials__matrix_cell_html', '851c0804404f966ab902d84707fd28d8a46ac3cd0a9eb10660379242ffb9d09b'),
    'partials/model_overview.html': ('tmpl_partials__model_overview_html', 'af6f7b1d3af3232608a24c16fcf3c8eb01bd996e83504f4cfe5409817ed53a0b'),
    'partials/picker.html': ('tmpl_partials__picker_html', '889ead4819ac328fc8dd9cbc86facb462f6f780ec1f5adce2e00c155946a20e2'),
    'partials/properties.html': ('tmpl_partials__properties_html', '88bd0d231c5d136d9e988c07206e052a62469b0a6248d1b74ab071bcd6b2103c'),
    'partials/row_end.html': ('tmpl_partials__row_end_html', '87193ea9ceda26e4e2d5ef1c190ff890afb7c6212fcd9d6e34e2dbf826e8c17e'),
    'partials/row_head.html': ('tmpl_partials__row_head_html', '082f988d4dbe99dd11dbd82f029b86a6f8b0c16851e0188e60a1a9659bd15ff0'),
    'partials/score_key.html': ('tmpl_partials__score_key_html', 'bac79b107f2a1b961517d7de1c29444ae7a57f8c06ec5363587d9961544d44cc'),
    'partials/scores.html': ('tmpl_partials__scores_html', 'ddc4423928ea06c5d7358150d782854f4068a12aa1d780fe4c244d4adfde286e'),
    'partials/search_meta.html': ('tmpl_partials__search_meta_html', '8befdad38ac89ffb176c833bab8a0640c569f9ae5c82ec4dc34a4ba1a6e741e8'),
    'prompt.html': ('tmpl_prompt_html', '36c6007b91b554a2ada3c5d589b66fcfc200ff451eca9d3509c6b514accb3058'),
    'robots.txt': ('tmpl_robots_txt', '74f4816fc0c4a0afb0c6fdc9c1c6cfef9d3921813e96a2eeb8b30d6549483037'),
    'sitemap.xml': ('tmpl_sitemap_xml', '18a2df83e635be94f9b55b05b6bb7f49daa41bdc3401dfd66f0da0f8aedc6118'),
    'suite.html': ('tmpl_suite_html', '9aa4c7ced56b825b90c6d117a48977d68b1aba50185e935c28dcd0b4dde6881b'),
}
