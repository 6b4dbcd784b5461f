// The 404 page: at a pair's address with its ids the other way round
// (compare/<b>-vs-<a>/), it says which pair was meant, links its page and goes
// there, when the site has both models; at the address of a pair without a page of
// its own (the site's pairs setting), in either order, it goes to the compare page
// set to the two. The pattern of a pair's address comes
// from the page (versus.urls), the ids and names from the page's JSON data.
(() => {
  "use strict";

  const box = document.getElementById("not-found");
  const data = document.getElementById("not-found-models");
  if (!box || !data || !box.dataset.pair) return;
  // Says the script has decided to stay, so a reader of the page (or a test) need not
  // wait for a navigation that will not come.
  const stay = () => {
    box.dataset.decided = "stay";
  };
  const pattern = box.dataset.pair;
  const status = box.querySelector(".not-found-pair");

  // The pattern as a regular expression: each {field} one run of characters within a path
  // segment, the rest literal; the last slash optional, as a typed address may lack it.
  const fields = [];
  const literal = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const source = pattern
    .replace(/\/$/, "")
    .split(/(\{\w+\})/)
    .map((part) => {
      const field = /^\{(\w+)\}$/.exec(part);
      if (!field) return literal(part);
      fields.push(field[1]);
      return "([^/]+)";
    })
    .join("");
  const match = new RegExp(`^${source}/?$`).exec(window.location.pathname);
  if (!match) return stay();

  const found = {};
  try {
    fields.forEach((name, index) => {
      found[name] = decodeURIComponent(match[index + 1]);
    });
  } catch {
    return stay(); // a malformed escape: no id of the site
  }
  let names;
  try {
    names = JSON.parse(data.textContent);
  } catch {
    return stay();
  }
  const { a, b } = found;
  const known = (id) => typeof id === "string" && Object.prototype.hasOwnProperty.call(names, id);
  if (a === b || !known(a) || !known(b)) return stay();
  // Ids are lowercase ASCII slugs: JavaScript's sort orders them as Python's does.
  const [first, second] = [a, b].sort();
  let groups = null;
  const listed = document.getElementById("not-found-pairs");
  if (listed) {
    try {
      groups = JSON.parse(listed.textContent);
    } catch {
      return stay();
    }
  }
  const hasPage = !groups || groups.some((group) => group.includes(a) && group.includes(b));
  const target = hasPage
    ? pattern.replace(/\{(\w+)\}/g, (_, name) => encodeURIComponent({ a: first, b: second }[name]))
    : `${box.dataset.compare}?m=${encodeURIComponent(first)},${encodeURIComponent(second)}`;
  if (target === window.location.pathname) return stay();

  const link = document.createElement("a");
  link.href = target;
  link.textContent = `${names[first]} vs ${names[second]}`;
  status.append("Did you mean ", link, "?");
  window.location.replace(hasPage ? target + window.location.search + window.location.hash : target);
})();
