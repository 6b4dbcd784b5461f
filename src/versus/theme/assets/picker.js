// The pair picker: go to the canonical comparison page, ids in alphabetical order; for a
// pair without a page of its own (data-pairs: groups of ids, a pair has a page when one
// group holds both), the compare page set to the two.
document.querySelectorAll("form.picker").forEach((form) => {
  const groups = form.dataset.pairs ? JSON.parse(form.dataset.pairs) : null;
  const hasPage = (a, b) => !groups || groups.some((group) => group.includes(a) && group.includes(b));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const a = form.elements.a.value;
    const b = form.elements.b.value;
    if (a === b) {
      window.location.href = `${form.dataset.models}${a}/`;
      return;
    }
    const [first, second] = [a, b].sort();
    window.location.href = hasPage(first, second)
      ? `${form.dataset.compare}${first}-vs-${second}/`
      : `${form.dataset.compare}?m=${encodeURIComponent(first)},${encodeURIComponent(second)}`;
  });
});
