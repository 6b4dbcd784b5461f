// Index filters: hide the rows of models that do not match, in every table of the page, and
// the names in the lists beside them (a leaderboard's "Not evaluated"). A table or a list left
// with none says so instead of standing empty.
// The form shows only with scripts on (see .js in style.css): without them every model stays listed.
(() => {
  const form = document.getElementById("model-filters");
  if (!form) return;
  const selects = [...form.querySelectorAll("select[data-facet]")];
  const items = [...document.querySelectorAll("main tr[data-model], main li[data-model]")];
  const status = form.querySelector(".filter-status");
  const total = new Set(items.map((item) => item.dataset.model)).size;
  const NONE = "No model matches these filters.";
  const NOT_HERE = "None of the models that match these filters is in this table.";

  // Each table's wrap gets a message for when none of its rows is shown, made once.
  const tables = [...document.querySelectorAll("main .table-wrap")].map((wrap) => {
    const note = document.createElement("p");
    note.className = "empty filter-empty";
    note.hidden = true;
    wrap.after(note);
    return { wrap, note, rows: [...wrap.querySelectorAll("tr[data-model]")] };
  });
  // links to a page with the same filters (the capability matrix) carry the chosen ones
  const carried = [...document.querySelectorAll("main a[data-keeps-filters]")];
  const place = form.closest("section[id]");
  const lists = [...document.querySelectorAll("main [data-follows-filters]")].map((list) => ({
    list,
    names: [...list.querySelectorAll("li[data-model]")],
  }));

  const apply = () => {
    const wanted = selects.filter((s) => s.value).map((s) => [s.dataset.facet, s.value]);
    const shown = new Set();
    for (const item of items) {
      const match = wanted.every(([facet, value]) => item.dataset[facet] === value);
      item.hidden = !match;
      if (match) shown.add(item.dataset.model);
    }
    for (const { wrap, note, rows } of tables) {
      const empty = rows.length > 0 && rows.every((row) => row.hidden);
      wrap.hidden = empty;
      note.hidden = !empty;
      // a board cut to its top rows (the index's) says where the other rows are
      note.textContent = shown.size ? wrap.dataset.filterEmpty || NOT_HERE : NONE;
    }
    for (const { list, names } of lists) list.hidden = names.every((name) => name.hidden);
    status.textContent = !wanted.length
      ? `Showing all ${total} models.`
      : shown.size
        ? `Showing ${shown.size} of ${total} models.`
        : `${NONE} Choose "Any" in one of them, or show all.`;
    const query = new URLSearchParams(wanted);
    const search = query.toString();
    for (const link of carried) link.search = search;
    history.replaceState(null, "", search ? `?${search}${place ? `#${place.id}` : ""}` : location.pathname);
  };

  // Filters given in the address (?license=mit) apply on load, so a filtered view can be shared.
  const given = new URLSearchParams(location.search);
  for (const select of selects) {
    const value = given.get(select.dataset.facet);
    if (value && [...select.options].some((option) => option.value === value)) {
      select.value = value;
    }
  }
  form.addEventListener("change", apply);
  form.addEventListener("reset", () => setTimeout(apply, 0));
  form.addEventListener("submit", (event) => event.preventDefault());
  if (given.toString()) apply();
  else status.textContent = `Showing all ${total} models.`;
})();
