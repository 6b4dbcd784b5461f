// A table's box (.table-wrap) scrolls sideways when its table is wider than it. The page
// gives every box tabindex=0, so that without scripts a keyboard can always scroll one;
// here a box stays a tab stop only while it does scroll, checked as the page loads and
// whenever the box or its table changes size.
(() => {
  "use strict";

  const boxes = document.querySelectorAll(".table-wrap");
  if (!boxes.length || !("ResizeObserver" in window)) return;

  // Every box is measured before any is changed: a change between two measures makes the
  // browser recompute the page's style for the second (on the index, once per table).
  const observer = new ResizeObserver((entries) => {
    const changed = new Set(entries.map((entry) => entry.target.closest(".table-wrap")));
    const scrolls = [...changed].map((box) => [box, box.scrollWidth > box.clientWidth]);
    for (const [box, scrolling] of scrolls) {
      if (scrolling) box.setAttribute("tabindex", "0");
      else box.removeAttribute("tabindex");
    }
  });
  for (const box of boxes) {
    observer.observe(box);
    if (box.firstElementChild) observer.observe(box.firstElementChild);
  }
})();
