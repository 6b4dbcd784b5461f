// A table's box (.table-wrap) scrolls sideways when its table is wider than it. The page
// gives every box tabindex=0, so that without scripts a keyboard can always scroll one;
// here a box stays a tab stop only while it does scroll, checked as the page loads and
// whenever the box or its table changes size.
(() => {
  "use strict";

  const boxes = document.querySelectorAll(".table-wrap");
  if (!boxes.length || !("ResizeObserver" in window)) return;

  function update(box) {
    if (box.scrollWidth > box.clientWidth) box.setAttribute("tabindex", "0");
    else box.removeAttribute("tabindex");
  }

  const observer = new ResizeObserver((entries) => {
    for (const entry of entries) update(entry.target.closest(".table-wrap"));
  });
  for (const box of boxes) {
    observer.observe(box);
    if (box.firstElementChild) observer.observe(box.firstElementChild);
  }
})();
