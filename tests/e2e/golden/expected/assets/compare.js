// The compare-several page, compare/?m=a,b,c: up to four models side by side.
// Reads the model ids from the address, fetches api/models.json and builds the
// tables of a comparison page (properties, capabilities, one score table per
// suite) with the markup and CSS classes of the pages versus renders, leaders
// marked in words, and the lines a comparison page prints around them (where
// prices and figures come from, who has no results on a suite, the score key, how
// each suite scores, the cards' data notes). Choosing models in the selects
// updates the address and the tables. Two models open as their pair page does: its
// lead, the lead points (the rules of versus.join.lead, ported below) and each
// model's overview, so that a pair the site's pairs setting gives no page says here
// what its page would. Text from the data is only ever set as text, never parsed as
// HTML.
(() => {
  "use strict";

  const app = document.getElementById("several");
  if (!app) return;
  const root = app.dataset.root || "";
  // Addresses as versus.urls spells them, with {id}, {a}, {b} or {suite} to fill in.
  const patterns = {
    model: app.dataset.model,
    pair: app.dataset.pair,
    suite: app.dataset.suite,
    methodology: app.dataset.methodology,
    outcomes: app.dataset.outcomes,
    prompt: app.dataset.prompt,
  };
  const methodology = patterns.methodology;

  function fill(pattern, fields) {
    return pattern.replace(/\{(\w+)\}/g, (_, name) => encodeURIComponent(fields[name]));
  }
  const limit = Number(app.dataset.limit) || 4;
  const form = app.querySelector("form.several-picker");
  const selects = Array.from(form.querySelectorAll("select"));
  const status = app.querySelector(".several-status");
  const output = app.querySelector(".several-tables");
  const heading = document.getElementById("several-title");
  const legend = document.getElementById("capability-legend");
  const startHeading = heading.textContent;
  const leadNode = app.querySelector(".page-head .lead");
  const startLead = leadNode.textContent;
  const startTitle = document.title;
  const SVG = "http://www.w3.org/2000/svg";
  let data = null;
  const byId = new Map();

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attrs || {})) {
      if (value !== null && value !== undefined && value !== false) node.setAttribute(name, value);
    }
    for (const child of children) {
      if (child !== null && child !== undefined && child !== false) node.append(child);
    }
    return node;
  }

  function svg(tag, attrs) {
    const node = document.createElementNS(SVG, tag);
    for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
    return node;
  }

  // formatting.join_words
  function words(items) {
    if (items.length <= 1) return items.join("");
    return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
  }

  function quoted(id) {
    return `“${id.length > 64 ? `${id.slice(0, 63)}…` : id}”`;
  }

  // --- the ids: ?m=a,b,c (or m=a&m=b), in order, duplicates dropped -------------------

  function requested() {
    const ids = [];
    for (const value of new URLSearchParams(window.location.search).getAll("m")) {
      for (const part of value.split(",")) {
        const id = part.trim();
        if (id && !ids.includes(id)) ids.push(id);
      }
    }
    return ids;
  }

  function address(ids) {
    return ids.length ? `?m=${ids.map(encodeURIComponent).join(",")}` : window.location.pathname;
  }

  // --- cells and tables, as partials/cell.html and the table partials write them --------

  function bar(cell) {
    const width = Math.min(Math.max(Number(cell.percent), 0), 100).toFixed(1);
    const node = svg("svg", { "aria-hidden": "true" });
    node.append(svg("rect", { width: `${width}%`, height: "100%" }));
    if (cell.low != null && cell.high != null) {
      const [x1, x2] = [cell.low, cell.high].map((bound) => `${Number(bound).toFixed(1)}%`);
      node.append(svg("line", { x1, x2, y1: "50%", y2: "50%" }));
    }
    return node;
  }

  // claims.confidence_shown: the level of every interval, "95%"
  function level() {
    return `${Math.round(data.rules.confidence * 100)}%`;
  }

  function detailNode(cell) {
    const small = el("small", {}, cell.detail);
    if (cell.low != null && cell.high != null) {
      const [low, high] = [cell.low, cell.high].map((bound) => Number(bound).toFixed(1));
      small.append(el("span", {}, `, ${level()} CI ${low}\u2013${high}%`));
    }
    return small;
  }

  function cellNode(cell) {
    const names = cell.state === "value" ? [] : [`cell--${cell.state}`];
    if (cell.band) names.push(`band--${cell.band}`);
    if (cell.leader) names.push("is-leader");
    const td = el("td", names.length ? { class: names.join(" ") } : {});
    td.append(cell.href ? el("a", { href: cell.href, rel: "nofollow noopener" }, cell.text) : cell.text);
    if (cell.leader) td.append(el("strong", {}, "best"));
    const scored = cell.percent !== null && cell.percent !== undefined;
    if (scored || cell.detail) {
      // the bar at the head of the detail, as cell.html writes them
      const small = cell.detail ? detailNode(cell) : el("small");
      if (scored) small.prepend(bar(cell));
      td.append(small);
    }
    if (cell.band_label) td.append(el("small", { class: "band" }, cell.band_label));
    return td;
  }

  function rowNode(row) {
    const head = el("th", { scope: "row" }, row.label);
    if (row.note) head.append(el("span", { class: "row-note" }, row.note));
    const tr = el("tr", {}, head);
    for (const cell of row.cells) tr.append(cellNode(cell));
    return tr;
  }

  function tableNode(models, options, groups) {
    const extra = options.extra ? ` ${options.extra}` : "";
    const table = el(
      "table",
      { class: `compare compare--${models.length}${extra}` },
      el("caption", { class: "visually-hidden" }, options.caption),
    );
    const heads = el("tr", {}, el("th", { scope: "col" }, options.first));
    for (const model of models) {
      heads.append(el("th", { scope: "col" }, el("a", { href: modelHref(model) }, model.name)));
    }
    table.append(el("thead", {}, heads));
    for (const group of groups) {
      const body = el("tbody");
      if (group.label !== null) {
        body.append(
          el(
            "tr",
            { class: "group-row" },
            el("th", { scope: "colgroup", colspan: String(models.length + 1) }, group.label),
          ),
        );
      }
      for (const row of group.rows) body.append(rowNode(row));
      table.append(body);
    }
    return el(
      "div",
      { class: "table-wrap", role: "region", "aria-label": options.region, tabindex: "0" },
      table,
    );
  }

  // Names as parts of a sentence (sentenceNodes), joined as formatting.join_words joins.
  function namesJoined(names) {
    const parts = [];
    names.forEach((name, i) => {
      if (i) parts.push(i === names.length - 1 ? " and " : ", ");
      parts.push({ name });
    });
    return parts;
  }

  // A link to a source as the pages write it, or its title alone without an address.
  function sourceNode(title, url) {
    return url ? el("a", { href: url, rel: "nofollow noopener" }, title) : title;
  }

  function modelHref(model) {
    return fill(patterns.model, { id: model.id });
  }

  function section(id, title, ...children) {
    return el(
      "section",
      { id, "aria-labelledby": `${id}-title` },
      el("h2", { id: `${id}-title` }, title),
      ...children,
    );
  }

  // --- the three tables, as versus.tables builds them ---------------------------------

  function propertiesSection(models) {
    const rows = data.properties.map((label, index) => ({
      label,
      note: null,
      cells: models.map((model) => model.properties[index]),
    }));
    const table = tableNode(
      models,
      { caption: "Properties", region: "Properties table", first: "Property" },
      [{ label: null, rows }],
    );
    const parts = [table];
    // partials/properties.html: where each priced figure comes from, once per model (named
    // when there are several), with the date it was read
    const priced = models.filter((model) => model.price_source);
    if (priced.length) {
      const several = models.length > 1;
      const line = el("p", { class: "provenance" }, several ? "Prices: " : "Prices ");
      priced.forEach((model, i) => {
        const price = model.price_source;
        if (several) line.append(el("strong", {}, model.name), " ");
        line.append("from ", sourceNode(price.source, price.url));
        if (price.read) line.append(`, read ${price.read}`);
        line.append(i < priced.length - 1 ? "; " : ".");
      });
      parts.push(line);
    }
    return section("properties", "Properties", ...parts);
  }

  function capabilitiesSection(models) {
    const groups = [];
    // each model's demo addresses already linked: one link (one tab stop) per address
    const linked = models.map(() => new Set());
    for (const group of data.taxonomy) {
      const rows = [];
      for (const cap of group.capabilities) {
        const states = models.map((model) => model.capabilities[cap.id] || "unknown");
        if (states.some((state) => state !== "unknown")) {
          // as on a pair page: what each capability means is on the home page
          rows.push({
            label: cap.label,
            note: null,
            // a demo with an address links it the first time, as on a pair page
            cells: states.map((state, i) => {
              let href = state === "demo" && models[i].demos[cap.id];
              if (href && linked[i].has(href)) href = "";
              if (href) linked[i].add(href);
              return href
                ? { ...data.capability_cells.demo, text: data.demo_link_text, href }
                : data.capability_cells[state];
            }),
          });
        }
      }
      if (rows.length) groups.push({ label: group.label, rows });
    }
    const described = data.taxonomy.some((group) => group.capabilities.some((c) => c.description));
    const intro = el(
      "p",
      {},
      "Every capability any of these cards mentions, grouped as in the taxonomy",
    );
    if (described) {
      intro.append(" (", el("a", { href: `${root}#capability-glossary` }, "what each one means"), ")");
    }
    intro.append(".");
    const parts = [intro];
    if (legend) parts.push(legend.content.cloneNode(true));
    if (groups.length) {
      parts.push(
        tableNode(
          models,
          {
            caption: "Capabilities",
            region: "Capabilities table",
            first: "Capability",
            extra: "capabilities",
          },
          groups,
        ),
      );
    } else {
      parts.push(el("p", { class: "empty" }, "None of these cards states any capability yet."));
    }
    return section("capabilities", "Capabilities", ...parts);
  }

  // The rules of versus.join.claims (see the methodology page), with the figures
  // models.json gives: a score leads only when it differs from every other at 95% (the
  // exact McNemar test on the prompts two runs both answered, once their outcome files
  // are in: leads() below; else Newcombe's interval from the two Wilson intervals
  // excludes zero); a time or a cost only when every other is at least clear_ratio
  // times it. Same formulas, same floats.
  function wilson(passed, total) {
    const z = data.rules.z;
    const z2 = z * z;
    const centre = 2 * passed + z2;
    const spread = z * Math.sqrt(z2 + (4 * passed * (total - passed)) / total);
    const denominator = 2 * (total + z2);
    const low = passed === 0 ? 0 : (centre - spread) / denominator;
    const high = passed === total ? 1 : (centre + spread) / denominator;
    return [low, high];
  }

  function ratesDiffer([passedA, totalA], [passedB, totalB]) {
    const [lowA, highA] = wilson(passedA, totalA);
    const [lowB, highB] = wilson(passedB, totalB);
    const rateA = passedA / totalA;
    const rateB = passedB / totalB;
    const difference = rateA - rateB;
    const low = Math.max(-1, difference - Math.sqrt((rateA - lowA) ** 2 + (highB - rateB) ** 2));
    const high = Math.min(1, difference + Math.sqrt((highA - rateA) ** 2 + (rateB - lowB) ** 2));
    return 0 < low || 0 > high;
  }

  // Decimal text as an integer of `places` decimals, so that times and costs compare
  // exactly, as Python's Decimal does (3.3 is 1.1 times 3.0, which floats deny).
  function scaled(text, places) {
    const [whole, fraction = ""] = String(text).split(".");
    return BigInt(whole + fraction.padEnd(places, "0").slice(0, places));
  }

  function places(text) {
    return (String(text).split(".")[1] || "").length;
  }

  function clearlyLower(low, high) {
    const ratio = data.rules.clear_ratio;
    const digits = Math.max(places(low), places(high));
    const lowN = scaled(low, digits);
    const highN = scaled(high, digits);
    return highN > lowN && highN * 10n ** BigInt(places(ratio)) >= lowN * scaled(ratio, places(ratio));
  }

  function lead(values, better, rates) {
    const known = values.flatMap((value, column) => (value === null ? [] : [[column, value]]));
    if (!better || known.length < 2) return { leader: -1, note: "" };
    if (better === "higher") {
      let [best, top] = known[0];
      for (const [column, value] of known) if (Number(value) > Number(top)) [best, top] = [column, value];
      const rate = rates[best];
      const leading =
        rate !== null &&
        known.every(
          ([column, value]) =>
            column === best ||
            (Number(value) !== Number(top) && rates[column] !== null && leads(rate, rates[column])),
        );
      // in a row of three or more, the top is level with one other, maybe not with all
      const level = known.length === 2 ? data.rules.level : data.rules.level_at_top;
      return leading ? { leader: best, note: "" } : { leader: -1, note: level };
    }
    let [best, low] = known[0];
    for (const [column, value] of known) if (Number(value) < Number(low)) [best, low] = [column, value];
    const leading = known.every(([column, value]) => column === best || clearlyLower(low, value));
    const same = known.length === 2 ? data.rules.about_the_same : data.rules.about_the_same_at_top;
    return leading ? { leader: best, note: "" } : { leader: -1, note: same };
  }

  function needed(row, runs) {
    if (row.needs === "input") return runs.some((run) => run.median_input_tokens !== null);
    if (row.needs === "output") return runs.some((run) => run.median_output_tokens !== null);
    return true;
  }

  // A row's rate of each run, with its verdicts where `verdicts` (each model's, from
  // verdictsOf; null until the outcome files are in) has them: the overall row's are the
  // run's, a category's row the category's (by its id), as versus.join.columns gives them.
  function rowRates(suite, row, entries, verdicts) {
    return entries.map((entry, column) => {
      if (!entry || !entry.rate) return null;
      const run = verdicts ? verdicts[column].get(suite.id) : null;
      let sets = null;
      if (run && row.measure === "overall") sets = run;
      else if (run && row.category !== null) sets = run.categories.get(row.category) || null;
      return { passed: entry.rate[0], total: entry.rate[1], verdicts: sets };
    });
  }

  function scoreGroups(suite, models, verdicts) {
    const runs = models.map((model) => model.runs[suite.id] || null);
    const present = runs.filter((run) => run !== null);
    const template = present[0].rows;
    const currencies = new Set(present.map((run) => run.currency).filter((c) => c !== null));
    // the table's sections in order, each row put in its own by id
    const groups = data.sections.map(({ id, label }) => ({ id, label, rows: [] }));
    template.forEach((row, index) => {
      if (!needed(row, present)) return;
      const entries = runs.map((run) => (run ? run.rows[index] : null));
      let better = row.better;
      if (row.measure === "cost" && currencies.size > 1) better = null;
      const values = entries.map((entry) =>
        entry && entry.cell.value != null ? entry.cell.value : null,
      );
      const verdict = lead(values, better, rowRates(suite, row, entries, verdicts));
      const cells = entries.map((entry, column) => {
        if (!entry) return data.not_evaluated.cell;
        return column === verdict.leader ? { ...entry.cell, leader: true } : entry.cell;
      });
      groups
        .find((group) => group.id === row.section)
        .rows.push({ label: row.label, note: verdict.note, cells });
    });
    return groups;
  }

  function provenanceItem(model, run) {
    const line = run ? run.provenance_line : { text: data.not_evaluated.provenance };
    const item = el("li", {}, el("strong", {}, model.name), `: ${line.text}`);
    if (line.source) {
      item.append("; source: ", sourceNode(line.source, line.source_url));
      if (line.source_read) item.append(`, read ${line.source_read}`);
    }
    item.append(".");
    // the result's notes on its run, as the pair and model pages list them
    if (run && run.notes.length) {
      const notes = el("ul", { class: "run-notes", "aria-label": "Notes on this run" });
      for (const note of run.notes) notes.append(el("li", {}, note));
      item.append(notes);
    }
    return item;
  }

  // partials/scores.html: one suite's heading, what it is, who has no run on it (a pair
  // page's gap note, each such model named), its key, table, provenance and scoring note.
  function suiteSection(suite, models, verdicts) {
    const suiteHref = fill(patterns.suite, { suite: suite.id });
    const missing = models.filter((model) => !model.runs[suite.id]).map((model) => model.name);
    const gap = missing.length
      ? el(
          "p",
          { class: "gap-note" },
          ...sentenceNodes([
            ...namesJoined(missing),
            missing.length === 1 ? " has" : " have",
            " no results on ",
            { name: suite.name },
            ".",
          ]),
        )
      : null;
    const key = el("ul", { class: "legend score-key", "aria-label": "Score key" });
    for (const band of suite.bands) {
      key.append(el("li", { class: `band--${band.id}` }, band.label));
    }
    // partials/score_key.html with `interval`: a cell shows its interval by a whisker
    const interval = `Line across a bar: its ${level()} confidence interval (CI)`;
    key.append(el("li", { class: "key-interval" }, interval));
    const provenance = el("ul", {
      class: "provenance",
      "aria-label": "Where these figures come from",
    });
    for (const model of models) provenance.append(provenanceItem(model, model.runs[suite.id]));
    return el(
      "section",
      { class: "suite", "aria-labelledby": `suite-${suite.id}` },
      el("h3", { id: `suite-${suite.id}` }, el("a", { href: suiteHref }, suite.name)),
      el(
        "p",
        { class: "suite-meta" },
        `${suite.summary} Scored ${suite.scoring}, ${suite.prompts} prompts.`,
      ),
      gap,
      key,
      tableNode(
        models,
        {
          caption: `${suite.name} scores`,
          region: `${suite.name} score table`,
          first: "Measure",
          extra: "scores",
        },
        scoreGroups(suite, models, verdicts),
      ),
      provenance,
      // as under a pair page's table: how the suite scores, how it is run, and when a
      // value is best
      el(
        "p",
        { class: "methodology-note" },
        `${suite.scoring_note} `,
        el(
          "a",
          { href: `${suiteHref}#method` },
          "How ",
          el("bdi", {}, suite.name),
          " is run and scored",
        ),
        "; ",
        el("a", { href: `${methodology}#leads` }, "when a value is marked best"),
        ".",
      ),
    );
  }

  function scoresSection(models, verdicts = null) {
    const parts = [];
    const unevaluated = [];
    for (const suite of data.suites) {
      if (models.some((model) => model.runs[suite.id])) {
        parts.push(suiteSection(suite, models, verdicts));
      }
      else unevaluated.push(suite.name);
    }
    if (unevaluated.length) {
      // as a model page (one model) and a pair page (two) say it, each name in <bdi>
      let who = "None of these models has results on ";
      if (models.length === 1) who = "Not evaluated on ";
      else if (models.length === 2) who = "Neither model has results on ";
      const sentence = [who];
      unevaluated.forEach((name, i) => {
        if (i) sentence.push(", ");
        sentence.push({ name });
      });
      sentence.push(".");
      parts.push(el("p", { class: "empty" }, ...sentenceNodes(sentence)));
    }
    return section("scores", "Eval scores", ...parts);
  }

  // partials/data_notes.html: how the data of the models was gathered (each card's
  // data_notes), collapsed at the end of the page, each model's under its name when
  // there are several; null when no card has any.
  function dataNotesSection(models) {
    const noted = models.filter((model) => model.data_notes.length);
    if (!noted.length) return null;
    const details = el("details", {}, el("summary", {}, "How the data on this page was gathered"));
    for (const model of noted) {
      if (models.length > 1) details.append(el("h3", {}, el("bdi", {}, model.name)));
      const list = el("ul", { class: "notes" });
      for (const note of model.data_notes) list.append(el("li", {}, note));
      details.append(list);
    }
    return el(
      "section",
      { id: "data-notes", class: "data-notes", "aria-labelledby": "data-notes-title" },
      el("h2", { id: "data-notes-title" }, "Data notes"),
      details,
    );
  }

  // --- where two models differ, from their outcome files (api/outcomes/<id>.json) -------

  // Per suite both give outcomes for: the prompts both answered, and per category those
  // only one of the two passed (in the suite's order).
  function differences(first, second) {
    const bySuite = (file) => new Map(file.suites.map((suite) => [suite.suite, suite]));
    const [one, two] = [bySuite(first), bySuite(second)];
    const found = [];
    for (const suite of data.suites) {
      if (!one.has(suite.id) || !two.has(suite.id)) continue;
      const [x, y] = [one.get(suite.id), two.get(suite.id)].map(
        (runs) => new Map(runs.categories.map((category) => [category.id, category])),
      );
      const answered = [x, y].map(
        (side) => new Set([...side.values()].flatMap((c) => [...c.passed, ...c.failed])),
      );
      const common = [...answered[0]].filter((id) => answered[1].has(id)).length;
      const categories = [];
      for (const category of suite.categories) {
        const [p, q] = [x.get(category.id), y.get(category.id)];
        if (!p || !q) continue;
        const failedBy = [new Set(p.failed), new Set(q.failed)];
        const only = [
          p.passed.filter((id) => failedBy[1].has(id)),
          q.passed.filter((id) => failedBy[0].has(id)),
        ];
        if (only[0].length || only[1].length) categories.push({ category, only });
      }
      found.push({ suite, common, categories });
    }
    return found;
  }

  function promptLinks(suite, ids) {
    const list = el("ul", { class: "link-list inline" });
    for (const id of ids) {
      const href = fill(patterns.prompt, { suite: suite.id, prompt: id });
      list.append(el("li", {}, el("a", { href }, id)));
    }
    return list;
  }

  function differencesSection(models, found) {
    const [a, b] = models;
    const parts = [
      el(
        "p",
        {},
        "Prompts both runs answered that one model passed and the other failed, " +
          "from each model's verdicts (",
        el("a", { href: fill(patterns.outcomes, { id: a.id }), type: "application/json" }, a.name),
        " and ",
        el("a", { href: fill(patterns.outcomes, { id: b.id }), type: "application/json" }, b.name),
        "); each prompt's page shows both answers.",
      ),
    ];
    for (const { suite, common, categories } of found) {
      const counts = [0, 1].map((side) => categories.reduce((n, c) => n + c.only[side].length, 0));
      const box = el(
        "section",
        { class: "differences", "aria-labelledby": `differences-title differences-${suite.id}` },
        el("h3", { id: `differences-${suite.id}` }, suite.name),
        el(
          "p",
          {},
          `On the ${common} prompts both runs answered, only ${a.name} passed ` +
            `${counts[0]} and only ${b.name} passed ${counts[1]}.`,
        ),
      );
      for (const { category, only } of categories) {
        box.append(el("h4", {}, category.label));
        only.forEach((ids, side) => {
          if (!ids.length) return;
          box.append(el("p", {}, `Only ${models[side].name} passed:`), promptLinks(suite, ids));
        });
      }
      parts.push(box);
    }
    return section("differences", "Where they differ", ...parts);
  }

  let asked = 0;
  // What needs the models' verdicts: the score tables' leaders by the paired test, and
  // for two models the lead points and where they differ.
  function addOutcomeParts(models) {
    const ask = ++asked;
    Promise.all(
      models.map((model) =>
        fetch(fill(patterns.outcomes, { id: model.id })).then((response) => {
          if (!response.ok) throw new Error(`HTTP ${response.status}`);
          return response.json();
        }),
      ),
    )
      .then((files) => {
        if (ask !== asked) return; // only for the models still shown
        const verdicts = files.map(verdictsOf);
        const scores = output.querySelector("#scores");
        if (verdicts.some((bySuite) => bySuite.size)) {
          scores.replaceWith(scoresSection(models, verdicts));
        } else {
          scores.removeAttribute("aria-busy");
        }
        if (models.length !== 2) return;
        const [first, second] = files;
        const points = leadPoints(...models, verdicts);
        if (points.length) leadNode.after(leadPointsNode(points));
        const found = differences(first, second);
        // where both runs of a suite give outcomes; before the data notes, which end the page
        if (found.length) {
          const differ = differencesSection(models, found);
          const notes = output.querySelector("#data-notes");
          if (notes) notes.before(differ);
          else output.append(differ);
        }
      })
      .catch(() => {
        // the tables stay as the totals mark them
        if (ask === asked) output.querySelector("#scores").removeAttribute("aria-busy");
      });
  }

  // --- the lead of two models, as versus.join.lead writes it on a pair page --------------
  // Ported rule by rule, each function naming the one it mirrors, so that a pair without
  // a page of its own (the site's pairs setting) gets the same sentences here. Figures
  // are the exact decimals of models.json, compared and rounded as Python's Decimal does.
  // A sentence is a list of parts: text, or {name} for a name (printed in <bdi>).

  // A key of the object itself: an id such as "constructor" is not one of Object's.
  function own(object, key) {
    return Object.hasOwn(object, key) ? object[key] : null;
  }

  function compareDecimals(a, b) {
    const digits = Math.max(places(a), places(b));
    const [x, y] = [scaled(a, digits), scaled(b, digits)];
    return x < y ? -1 : x > y ? 1 : 0;
  }

  // An integer of `digits` decimals as text: 150n, 2 -> "1.50".
  function fixed(n, digits) {
    const text = n.toString().padStart(digits + 1, "0");
    return digits ? `${text.slice(0, -digits)}.${text.slice(-digits)}` : text;
  }

  // formatting.round_to, for the figures here (none negative): ROUND_HALF_UP, the
  // places kept as quantize keeps them ("1.50").
  function roundTo(text, digits) {
    const have = places(text);
    let n = scaled(text, Math.max(have, digits));
    if (have > digits) {
      const unit = 10n ** BigInt(have - digits);
      n = (2n * n + unit) / (2n * unit);
    }
    return fixed(n, digits);
  }

  // formatting._plain: no trailing zeros, "80.0" -> "80".
  function plain(text) {
    return text.includes(".") ? text.replace(/0+$/, "").replace(/\.$/, "") : text;
  }

  // formatting.percent
  function percent(text, digits) {
    return `${plain(roundTo(text, digits))}%`;
  }

  const SYMBOLS = { USD: "$", EUR: "€", GBP: "£" };

  // formatting._symbol
  function symbol(currency) {
    return own(SYMBOLS, currency) || `${currency} `;
  }

  // Decimal.adjusted, for 0 < value < 1: the place of its first significant digit.
  function adjusted(text) {
    return -((String(text).split(".")[1] || "").search(/[1-9]/) + 1);
  }

  // formatting.money: two significant figures below 1, cents above.
  function money(text, currency) {
    const sign = symbol(currency);
    if (compareDecimals(text, "0") === 0) return `${sign}0`;
    if (compareDecimals(text, "1") < 0) {
      const shown = roundTo(text, 1 - adjusted(text));
      if (compareDecimals(shown, "1") < 0) return `${sign}${plain(shown)}`;
    }
    return `${sign}${roundTo(text, 2)}`;
  }

  // formatting.round_to(slow / fast, 1), exactly: round(10 * slow / fast) half up.
  function ratioShown(slow, fast) {
    const digits = Math.max(places(slow), places(fast));
    const [s, f] = [scaled(slow, digits), scaled(fast, digits)];
    return fixed((20n * s + f) / (2n * f), 1);
  }

  // stats.mcnemar_exact: the exact two-sided p-value, as [numerator, denominator].
  function mcnemarExact(onlyA, onlyB) {
    const n = BigInt(onlyA + onlyB);
    const smaller = BigInt(Math.min(onlyA, onlyB));
    let tail = 0n;
    let term = 1n; // C(n, i), built up one factor at a time
    for (let i = 0n; i <= smaller; i += 1n) {
      tail += term;
      term = (term * (n - i)) / (i + 1n);
    }
    const [p, q] = [2n * tail, 2n ** n];
    return p > q ? [1n, 1n] : [p, q];
  }

  // A float as the exact fraction Python compares a Fraction with (0.05 is not 1/20).
  function exactFraction(value) {
    let numerator = value;
    let denominator = 1n;
    while (!Number.isInteger(numerator)) {
      numerator *= 2; // exact: a double times two
      denominator *= 2n;
    }
    return [BigInt(numerator), denominator];
  }

  // stats.significantly_different_paired: exact McNemar p <= alpha.
  function significantlyDifferentPaired(onlyA, onlyB) {
    const [p, q] = mcnemarExact(onlyA, onlyB);
    const [a, b] = exactFraction(data.rules.alpha);
    return p * b <= a * q;
  }

  function count(set, test) {
    let n = 0;
    for (const item of set) if (test(item)) n += 1;
    return n;
  }

  // claims.verdicts, per suite, from a model's outcome file: the prompts its run
  // answered and those it passed, and the same per category (`categories`).
  function verdictsOf(file) {
    const found = new Map();
    for (const suite of file.suites) {
      const answered = new Set();
      const passed = new Set();
      const categories = new Map();
      for (const category of suite.categories) {
        const sets = {
          answered: new Set([...category.passed, ...category.failed]),
          passed: new Set(category.passed),
        };
        categories.set(category.id, sets);
        for (const id of sets.answered) answered.add(id);
        for (const id of sets.passed) passed.add(id);
      }
      found.set(suite.suite, { answered, passed, categories });
    }
    return found;
  }

  // claims.paired: the two rates on the prompts both runs answered; null without both
  // runs' outcomes or any prompt in common.
  function paired(a, b) {
    if (!a.verdicts || !b.verdicts) return null;
    const common = count(a.verdicts.answered, (id) => b.verdicts.answered.has(id));
    if (!common) return null;
    const sharedA = [...a.verdicts.passed].filter((id) => b.verdicts.answered.has(id));
    const sharedB = [...b.verdicts.passed].filter((id) => a.verdicts.answered.has(id));
    return {
      common,
      passed: [sharedA.length, sharedB.length],
      only: [
        sharedA.filter((id) => !b.verdicts.passed.has(id)).length,
        sharedB.filter((id) => !a.verdicts.passed.has(id)).length,
      ],
    };
  }

  // claims.leads: strictly higher, and beyond chance (paired McNemar on the prompts both
  // answered when both runs give outcomes, else Newcombe on the totals).
  function leads(rate, other) {
    if (rate.passed * other.total <= other.passed * rate.total) return false;
    const totals = () => ratesDiffer([rate.passed, rate.total], [other.passed, other.total]);
    if (!rate.verdicts || !other.verdicts) return totals();
    const mine = rate.verdicts;
    const theirs = other.verdicts;
    if (!count(mine.answered, (id) => theirs.answered.has(id))) return totals();
    const only = count(mine.passed, (id) => theirs.answered.has(id) && !theirs.passed.has(id));
    const onlyOther = count(theirs.passed, (id) => mine.answered.has(id) && !mine.passed.has(id));
    return only > onlyOther && significantlyDifferentPaired(only, onlyOther);
  }

  // lead._prompts
  function morePrompts(n) {
    return `${n} more prompt${n !== 1 ? "s" : ""}`;
  }

  // lead._overall_rate: the run's rate, with its verdicts when it gives outcomes.
  function overallRate(run, verdicts) {
    return { passed: run.passed, total: run.covered, verdicts: verdicts || null };
  }

  // lead._scores: who passes more, only where the gap is larger than chance.
  function scoresPoint(a, ra, b, rb, suite, verdicts) {
    const prompts = suite.prompts;
    const [na, nb, name] = [{ name: a.name }, { name: b.name }, { name: suite.name }];
    const [rateA, rateB] = [overallRate(ra, verdicts[0]), overallRate(rb, verdicts[1])];
    const [aLeads, bLeads] = [leads(rateA, rateB), leads(rateB, rateA)];
    const both = paired(rateA, rateB);
    if (both !== null && both.common < prompts) {
      return commonScores(na, nb, name, both, aLeads, bLeads);
    }
    if (ra.covered === prompts && rb.covered === prompts) {
      if (ra.passed === rb.passed) {
        const counts = ` prompts (${ra.passed} of ${prompts}).`;
        return [na, " and ", nb, " pass the same number of ", name, counts];
      }
      const [leader, other, leadRun, otherRun] =
        ra.passed > rb.passed ? [na, nb, ra, rb] : [nb, na, rb, ra];
      if (!(aLeads || bLeads)) {
        return [
          na, " and ", nb, " are level within noise on ", name, ": ", leader,
          ` passes ${leadRun.passed} of ${prompts} prompts, `, other, ` ${otherRun.passed}.`,
        ];
      }
      return [
        leader, ` passes ${morePrompts(leadRun.passed - otherRun.passed)} of `, name, " than ",
        other, ` (${leadRun.passed} against ${otherRun.passed} of ${prompts}).`,
      ];
    }
    const [shownA, shownB] = [percent(ra.overall, 2), percent(rb.overall, 2)];
    if (!(aLeads || bLeads)) {
      const coverage = `the runs covered ${ra.covered} and ${rb.covered} of ${prompts} prompts`;
      if (compareDecimals(ra.overall, rb.overall) === 0) {
        return [na, " and ", nb, " score the same on ", name, ` (${shownA}; ${coverage}).`];
      }
      return [
        na, " and ", nb, " are level within noise on ", name,
        ` (${shownA} against ${shownB}; ${coverage}).`,
      ];
    }
    const [leader, other, leadShown, otherShown, leadRun, otherRun] = aLeads
      ? [na, nb, shownA, shownB, ra, rb]
      : [nb, na, shownB, shownA, rb, ra];
    // figures in the order the sentence names the models: the leader's first
    const covered = `${leadRun.covered} and ${otherRun.covered}`;
    const coverage = `the runs covered ${covered} of ${prompts} prompts`;
    return [
      leader, " scores higher on ", name, " than ", other,
      `: ${leadShown} against ${otherShown} of the prompts each run covered (${coverage}).`,
    ];
  }

  // lead._common_scores: counts on the prompts both runs answered.
  function commonScores(na, nb, name, both, aLeads, bLeads) {
    const common = both.common;
    const prompts = `prompt${common !== 1 ? "s" : ""}`;
    const [passedA, passedB] = both.passed;
    if (aLeads || bLeads) {
      const [leader, other, leadPassed, otherPassed] = aLeads
        ? [na, nb, passedA, passedB]
        : [nb, na, passedB, passedA];
      return [
        `On the ${common} `, name, ` ${prompts} both runs answered, `, leader,
        ` passes ${leadPassed - otherPassed} more than `, other,
        ` (${leadPassed} against ${otherPassed}).`,
      ];
    }
    if (passedA === passedB) {
      return [
        na, " and ", nb, " pass the same number of ", name,
        ` prompts (${passedA} of the ${common} ${prompts} both runs answered).`,
      ];
    }
    const [more, fewer, morePassed, fewerPassed] =
      passedA > passedB ? [na, nb, passedA, passedB] : [nb, na, passedB, passedA];
    return [
      na, " and ", nb, " are level within noise on ", name,
      `: on the ${common} ${prompts} both runs answered, `, more, ` passes ${morePassed}, `,
      fewer, ` ${fewerPassed}.`,
    ];
  }

  // The value a run's summary row is led by (its cell's `value`), null where it has none:
  // a time or cost the rules leave out (claims.compares_time_and_cost) has none.
  function ledBy(run, measure) {
    const row = run.rows.find((entry) => entry.measure === measure);
    return row && row.cell.value != null ? row.cell.value : null;
  }

  // lead._speed: nothing where either time is missing or not compared
  function speedPoint(a, ra, b, rb, name) {
    const [sa, sb] = [ledBy(ra, "response"), ledBy(rb, "response")];
    const positive = (seconds) => seconds !== null && compareDecimals(seconds, "0") > 0;
    if (!positive(sa) || !positive(sb)) return null;
    const [faster, slower, fast, slow] =
      compareDecimals(sa, sb) < 0 ? [a, b, sa, sb] : [b, a, sb, sa];
    // averages over different prompts say so, as the scores' sentence does
    const same = ra.covered === rb.covered;
    if (!clearlyLower(fast, slow)) {
      const over = same ? "" : averagedOver(ra.covered, rb.covered);
      return ["Both answer ", name, ` prompts in about the same time${over}.`];
    }
    const counts = faster === a ? [ra.covered, rb.covered] : [rb.covered, ra.covered];
    const over = same ? "" : averagedOver(...counts);
    return [
      { name: faster.name }, " answers ", name,
      ` prompts ${ratioShown(slow, fast)}x faster than `, { name: slower.name }, `${over}.`,
    ];
  }

  // lead._averaged_over
  function averagedOver(first, second) {
    return ` (averages over the ${first} and ${second} prompts each run covered)`;
  }

  // lead._cost
  function costPoint(a, ra, b, rb, name) {
    const [ca, cb] = [ledBy(ra, "cost"), ledBy(rb, "cost")];
    if (ca === null || cb === null || ra.currency !== rb.currency || ra.currency === null) {
      return null;
    }
    const currency = ra.currency;
    const [cheaper, other, low, high] =
      compareDecimals(ca, cb) <= 0 ? [a, b, ca, cb] : [b, a, cb, ca];
    const [shownLow, shownHigh] = [money(low, currency), money(high, currency)];
    if (!clearlyLower(low, high)) {
      const same = compareDecimals(ca, cb) === 0 ? "the same" : "about the same";
      const figures = shownLow === shownHigh ? shownLow : `${shownLow} against ${shownHigh}`;
      return [`Both cost ${same} per `, name, ` task (${figures}).`];
    }
    return [
      { name: cheaper.name }, " costs less per ", name, " task than ", { name: other.name },
      ` (${shownLow} against ${shownHigh}).`,
    ];
  }

  // lead._suite_points; `verdicts`: each model's, by suite (verdictsOf).
  function suitePoints(a, b, verdicts) {
    const points = [];
    for (const suite of data.suites) {
      const [ra, rb] = [own(a.runs, suite.id), own(b.runs, suite.id)];
      const name = { name: suite.name };
      if (ra === null && rb === null) continue;
      if (ra === null || rb === null) {
        const only = ra !== null ? a : b;
        points.push(["Only ", { name: only.name }, " has results on ", name, "."]);
        continue;
      }
      const suiteVerdicts = verdicts.map((bySuite) => bySuite.get(suite.id));
      points.push(scoresPoint(a, ra, b, rb, suite, suiteVerdicts));
      for (const point of [speedPoint(a, ra, b, rb, name), costPoint(a, ra, b, rb, name)]) {
        if (point !== null) points.push(point);
      }
    }
    return points;
  }

  // lead._capability_points: what one card claims and the other does not (a claim: a
  // state of claims.CLAIMED, rules.claimed), its "no" kept apart from its silence
  // (unknown, not a no).
  function capabilityPoints(a, b) {
    const capabilities = data.taxonomy.flatMap((group) => group.capabilities);
    const state = (model, cap) => own(model.capabilities, cap.id) || "unknown";
    const points = [];
    for (const [one, other] of [[a, b], [b, a]]) {
      const claimed = capabilities.filter((cap) => data.rules.claimed.includes(state(one, cap)));
      const denied = claimed.filter((cap) => state(other, cap) === "no").map((cap) => cap.label);
      const unstated = claimed
        .filter((cap) => state(other, cap) === "unknown")
        .map((cap) => cap.label);
      if (denied.length) points.push(claimPoint(one, other, denied, true));
      if (unstated.length) points.push(claimPoint(one, other, unstated, false));
    }
    return points;
  }

  // lead._claim_point
  function claimPoint(one, other, labels, denied) {
    const [a, b] = [{ name: one.name }, { name: other.name }];
    if (labels.length > data.rules.listed_up_to) {
      const tail = denied ? "lists as not supported." : "does not mention.";
      return [a, ` is stated to support ${labels.length} capabilities that `, b, `'s card ${tail}`];
    }
    const what = words(labels.map(midSentence)) // formatting.join_words;
    if (denied) {
      return ["Only ", a, ` is stated to support ${what}; `, b, "'s card says it does not."];
    }
    return [a, ` is stated to support ${what}; `, b, "'s card does not say."];
  }

  // Python's str.islower: some cased character, and none upper case.
  function isLower(text) {
    return text.toLowerCase() === text && text.toUpperCase() !== text;
  }

  // lead._mid_sentence: "Object detection" -> "object detection", "OCR" kept.
  function midSentence(label) {
    const first = Array.from(label.split(" ", 1)[0]);
    if (first.length > 1 && !isLower(first.slice(1).join(""))) return label;
    const chars = Array.from(label);
    return chars.length ? chars[0].toLowerCase() + chars.slice(1).join("") : label;
  }

  // lead.lead_points: the sentences that open a comparison of a and b.
  function leadPoints(a, b, verdicts) {
    const points = [...suitePoints(a, b, verdicts), ...capabilityPoints(a, b)];
    if (!data.suites.some((suite) => own(a.runs, suite.id) || own(b.runs, suite.id))) {
      const [na, nb] = [{ name: a.name }, { name: b.name }];
      points.unshift(["Neither ", na, " nor ", nb, " has eval results yet."]);
    }
    return points;
  }

  // compare.compare_pair's lead: what the page is.
  function pairLead(a, b) {
    const what = " side by side: properties, capabilities and eval scores.";
    return [{ name: a.name }, " and ", { name: b.name }, what];
  }

  // tables.shared_demo_tasks and compare.demo_sentence, the two in id order as a pair
  // page has them: the tasks both can be tried live on, in the taxonomy's order.
  function demoSentence(first, second) {
    const [a, b] = first.id < second.id ? [first, second] : [second, first];
    const tasks = [];
    for (const group of data.taxonomy) {
      for (const cap of group.capabilities) {
        if (a.capabilities[cap.id] === "demo" && b.capabilities[cap.id] === "demo") {
          tasks.push(cap.label);
        }
      }
    }
    if (!tasks.length) {
      const rest = " share no task that can be tried live on both; the tables below set out what each can do.";
      return [{ name: a.name }, " and ", { name: b.name }, rest];
    }
    return [`Both can be tried live on ${words(tasks.map(midSentence))}.`];
  }

  // render.sentence_html: each name isolated in <bdi>, every part set as text.
  function sentenceNodes(parts) {
    return parts.map((part) => (typeof part === "string" ? part : el("bdi", {}, part.name)));
  }

  function leadPointsNode(points) {
    const list = el("ul", { class: "lead-points", "aria-label": "At a glance" });
    for (const point of points) list.append(el("li", {}, ...sentenceNodes(point)));
    return list;
  }

  // partials/model_overview.html, for each model: its card's one-sentence summary.
  function overviewSection(models) {
    const cards = el("div", { class: "model-cards" });
    for (const model of models) {
      cards.append(
        el(
          "article",
          { class: "model-card", "aria-labelledby": `overview-${model.id}` },
          el("h3", { id: `overview-${model.id}` }, el("a", { href: modelHref(model) }, model.name)),
          el("p", { class: "byline" }, model.organization),
          el("p", { class: "summary" }, model.summary),
        ),
      );
    }
    return section("overview", "Models in this comparison", cards);
  }

  // --- the page ------------------------------------------------------------------------

  function report(messages) {
    status.replaceChildren(...messages.map((text) => el("p", {}, text)));
  }

  function fillSelects(ids) {
    selects.forEach((select, index) => {
      select.value = ids[index] || "";
    });
  }

  function show(ids) {
    const unknown = ids.filter((id) => !byId.has(id));
    const known = ids.filter((id) => byId.has(id));
    const chosen = known.slice(0, limit);
    const messages = [];
    if (unknown.length === 1) {
      messages.push(`No model has the id ${quoted(unknown[0])}; it is left out.`);
    } else if (unknown.length > 1) {
      messages.push(`No model has the ids ${words(unknown.map(quoted))}; they are left out.`);
    }
    if (known.length > limit) {
      const names = known.slice(limit).map((id) => byId.get(id).name);
      messages.push(`At most ${limit} models fit side by side; left out: ${words(names)}.`);
    }
    if (!chosen.length) messages.push(`Choose up to ${limit} models to set side by side.`);
    report(messages);
    fillSelects(chosen);
    const models = chosen.map((id) => byId.get(id));
    const names = models.map((model) => model.name);
    heading.textContent = models.length > 1 ? names.join(" vs ") : startHeading;
    document.title = models.length
      ? `${names.join(" vs ")}: side-by-side comparison · ${data.site.title}`
      : startTitle;
    asked += 1; // a pending answer for other models is dropped
    app.querySelector(".page-head .lead-points")?.remove();
    app.querySelector(".page-head .demo-note")?.remove();
    leadNode.textContent = startLead;
    if (!models.length) {
      output.replaceChildren();
      return;
    }
    const parts = [];
    const [a, b] = chosen.slice().sort();
    // a pair has a page of its own unless the site's pairs setting gave it none
    const hasPage =
      !data.pair_groups ||
      data.pair_groups.some((group) => group.includes(a) && group.includes(b));
    if (models.length === 2 && hasPage) {
      parts.push(
        el(
          "p",
          { class: "several-pair" },
          el(
            "a",
            { href: fill(patterns.pair, { a, b }) },
            `The comparison page of ${names[0]} and ${names[1]}`,
          ),
        ),
      );
    }
    if (models.length === 2) {
      // a pair's page opens with its lead and overview: so does this page of the two
      leadNode.replaceChildren(...sentenceNodes(pairLead(...models)));
      leadNode.after(el("p", { class: "demo-note" }, ...sentenceNodes(demoSentence(...models))));
      parts.push(overviewSection(models));
    }
    const scores = scoresSection(models);
    parts.push(propertiesSection(models), capabilitiesSection(models), scores);
    const notes = dataNotesSection(models);
    if (notes) parts.push(notes); // last, as on a pair page
    output.replaceChildren(...parts);
    if (models.length > 1 && patterns.outcomes) {
      // its leaders may change when the verdicts are in (the paired test)
      scores.setAttribute("aria-busy", "true");
      addOutcomeParts(models);
    }
  }

  function chosenInSelects() {
    const ids = [];
    for (const select of selects) {
      if (select.value && !ids.includes(select.value)) ids.push(select.value);
    }
    return ids;
  }

  function start(loaded) {
    data = loaded;
    for (const model of data.models) byId.set(model.id, model);
    for (const select of selects) {
      for (const model of data.models) select.append(el("option", { value: model.id }, model.name));
    }
    app.classList.add("several--ready");
    form.addEventListener("change", () => {
      const ids = chosenInSelects();
      window.history.pushState(null, "", address(ids));
      show(ids);
    });
    form.addEventListener("submit", (event) => event.preventDefault());
    window.addEventListener("popstate", () => show(requested()));
    show(requested());
  }

  report(["Loading the models…"]);
  fetch(app.dataset.json)
    .then((response) => {
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      return response.json();
    })
    .then(start)
    .catch((error) => {
      app.classList.add("several--offline");
      report([`The model data could not be loaded (${error.message}); every model is listed below.`]);
    });
})();
