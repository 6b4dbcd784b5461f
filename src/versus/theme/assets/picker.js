// The pair picker: go to the canonical comparison page, ids in alphabetical order.
document.querySelectorAll("form.picker").forEach((form) => {
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const a = form.elements.a.value;
    const b = form.elements.b.value;
    if (a === b) {
      window.location.href = `${form.dataset.models}${a}/`;
      return;
    }
    const [first, second] = [a, b].sort();
    window.location.href = `${form.dataset.compare}${first}-vs-${second}/`;
  });
});
