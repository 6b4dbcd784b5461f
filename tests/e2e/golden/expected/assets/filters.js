// Index filters: hide the rows of models that do not match, in every table of the page.
// The form shows only with scripts on (see .js in style.css): without them every model stays listed.
(() => {
  const form = document.getElementById("model-filters");
  if (!form) return;
  const selects = [...form.querySelectorAll("select[data-facet]")];
  const rows = [...document.querySelectorAll("tr[data-model]")];
  const status = form.querySelector(".filter-status");
  const total = new Set(rows.map((row) => row.dataset.model)).size;

  const apply = () => {
    const wanted = selects.filter((s) => s.value).map((s) => [s.dataset.facet, s.value]);
    const shown = new Set();
    for (const row of rows) {
      const match = wanted.every(([facet, value]) => row.dataset[facet] === value);
      row.hidden = !match;
      if (match) shown.add(row.dataset.model);
    }
    status.textContent = wanted.length
      ? `Showing ${shown.size} of ${total} models.`
      : `Showing all ${total} models.`;
    const query = new URLSearchParams(wanted);
    const search = query.toString();
    history.replaceState(null, "", search ? `?${search}#models` : location.pathname);
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
