// Tables, enhanced when scripts run; without them every table reads as printed.
(() => {
  // --- Sorting: each head of a table[data-sortable] gets a button. A head with data-sort="x"
  // sorts by its rows' data-sort-x, numbers versus computed ("" for none: last, either way);
  // the others by their cell's text, an unknown value ("Unknown", "Not reported") last.
  // aria-sort names the one sorted column; a second press reverses it.
  const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: "base" });
  const UNKNOWN = /\bcell--(unknown|undisclosed|below-coverage|not-[a-z-]+)\b/;

  const textOf = (cell) => {
    const link = cell.tagName === "TH" ? cell.querySelector("a") : null;
    return (link || cell).textContent.trim();
  };

  const keyOf = (row, column, name) => {
    if (name) {
      const value = row.getAttribute(`data-sort-${name}`);
      return value ? Number(value) : null;
    }
    const cell = row.cells[column];
    return !cell || UNKNOWN.test(cell.className) ? null : textOf(cell);
  };

  // ``rows`` by ``key`` (a number, a text, or null: last either way), ascending or not;
  // equal keys keep the page's order.
  const ordered = (rows, key, direction) => {
    const place = new Map(rows.map((row, index) => [row, index]));
    const keys = new Map(rows.map((row) => [row, key(row)]));
    const sign = direction === "ascending" ? 1 : -1;
    return [...rows].sort((a, b) => {
      const x = keys.get(a);
      const y = keys.get(b);
      if (x === null || y === null) {
        if (x !== y) return x === null ? 1 : -1;
      } else {
        const by = typeof x === "number" ? x - y : collator.compare(x, y);
        if (by !== 0) return sign * by;
      }
      return place.get(a) - place.get(b);
    });
  };

  const sortable = (table) => {
    const heads = [...table.tHead.rows[0].cells];
    const body = table.tBodies[0];
    const rows = [...body.rows];

    const sortBy = (head, direction) => {
      const column = heads.indexOf(head);
      const name = head.dataset.sort;
      body.append(...ordered(rows, (row) => keyOf(row, column, name), direction));
      for (const other of heads) other.removeAttribute("aria-sort");
      head.setAttribute("aria-sort", direction);
    };

    for (const head of heads) {
      pressable(head, head.dataset.sortFirst || "ascending", (next) => sortBy(head, next));
    }
  };

  // A head's button: a press sorts by its column (``first`` the first time, then the other
  // way round each time).
  function pressable(head, first, sort) {
    const button = document.createElement("button");
    button.type = "button";
    button.className = "sort";
    button.append(...head.childNodes);
    head.append(button);
    button.addEventListener("click", () => {
      const now = head.getAttribute("aria-sort");
      sort(now ? (now === "ascending" ? "descending" : "ascending") : first);
    });
  }
  document.querySelectorAll("table[data-sortable]").forEach(sortable);

  // --- Score tables (a pair's, a model's): the rows after a group row marked data-sort-rows
  // (each category's score) sort by their name or by a model's figure, highest first; the
  // other groups (scores, times and costs together) keep their order. A cell that spans a
  // model's column (no results) has no figures: its head gets no button.
  const figure = (cell) => {
    if (!cell || cell.tagName !== "TD" || /\bcell--/.test(cell.className)) return null;
    const value = parseFloat(cell.firstChild ? cell.firstChild.textContent : "");
    return Number.isNaN(value) ? null : value;
  };

  const scoreSortable = (table) => {
    const marks = [...table.querySelectorAll("tr[data-sort-rows]")];
    if (!marks.length || !table.tHead) return;
    const heads = [...table.tHead.rows[0].cells];
    const gap = table.querySelector("td.gap");
    const spanned = gap ? gap.cellIndex : -1; // the head of the column it spans
    const cellAt = (row, column) => {
      if (row.cells.length === heads.length || spanned < 0) return row.cells[column];
      return row.cells[column > spanned ? column - 1 : column];
    };
    const runs = marks.map((mark) => {
      const rows = [];
      let row = mark.nextElementSibling;
      for (; row && !row.classList.contains("group-row"); row = row.nextElementSibling) {
        rows.push(row);
      }
      return [mark, rows];
    });
    const key = (column) => (row) =>
      column === 0 ? row.cells[0].firstChild.textContent.trim() : figure(cellAt(row, column));
    const sortBy = (head, column, direction) => {
      for (const [mark, rows] of runs) mark.after(...ordered(rows, key(column), direction));
      for (const other of heads) other.removeAttribute("aria-sort");
      head.setAttribute("aria-sort", direction);
    };
    heads.forEach((head, column) => {
      if (column === spanned) return;
      const first = column === 0 ? "ascending" : "descending";
      pressable(head, first, (next) => sortBy(head, column, next));
    });
  };
  document.querySelectorAll("table.scores").forEach(scoreSortable);

  // --- Scroll cue: a table wider than its box fades at the side that has more to show, so
  // that no column seems to be missing (the models table and the matrix on a phone).
  // Each box is measured when it is laid out (a ResizeObserver reports once at the start),
  // all boxes read before any class is set: no layout forced per table while the page loads.
  const more = (wrap) => {
    const hidden = wrap.scrollWidth - wrap.clientWidth;
    const left = Math.abs(wrap.scrollLeft);
    return [wrap, hidden > 1 && left < hidden - 1, hidden > 1 && left > 1];
  };
  const mark = ([wrap, right, left]) => {
    wrap.classList.toggle("more-right", right);
    wrap.classList.toggle("more-left", left);
  };
  const wraps = document.querySelectorAll(".table-wrap");
  // the box or its table resized (a phone turned, a filter that hid the widest rows)
  const observer = new ResizeObserver((entries) => {
    const changed = new Set(entries.map((entry) => entry.target.closest(".table-wrap")));
    [...changed].map(more).forEach(mark);
  });
  for (const wrap of wraps) {
    wrap.addEventListener("scroll", () => mark(more(wrap)), { passive: true });
    observer.observe(wrap);
    const table = wrap.querySelector("table");
    if (table) observer.observe(table);
  }

  // --- A closed <details> (the glossary) opens when the address names it or an element in
  // it: pair pages link to the index's #capability-glossary.
  const named = () => {
    try {
      return location.hash && document.getElementById(decodeURIComponent(location.hash.slice(1)));
    } catch {
      return null; // a malformed escape in a hand-typed address names nothing
    }
  };
  const reveal = () => {
    const target = named();
    const details = target && target.closest("details");
    if (details && !details.open) {
      details.open = true;
      target.scrollIntoView();
    }
  };
  window.addEventListener("hashchange", reveal);
  reveal();
})();
