// The search box of every page: asks Pagefind's index (pagefind/, written by the build)
// as the reader types and lists the pages it finds as links. Pagefind's script is loaded
// only on the first search, so a page that is not searched pays for this file alone.
// Every text of a result is set with textContent: nothing of the index becomes markup.
(() => {
  const header = document.querySelector(".site-header[data-search]");
  if (!header) return;
  // Made here, not in every page's HTML: only a page with scripts can search, and a site
  // has N*(N-1)/2 pair pages. style.css keeps the box's place until it is put there.
  const form = document.createElement("form");
  form.className = "site-search";
  form.setAttribute("role", "search");
  const input = document.createElement("input");
  input.type = "search";
  input.id = "site-search";
  input.placeholder = "Search models";
  input.autocomplete = "off";
  input.spellcheck = false;
  input.enterKeyHint = "search";
  input.setAttribute("aria-label", "Search models, organizations, capabilities and suites");
  const status = document.createElement("p");
  status.className = "site-search-status";
  status.setAttribute("role", "status");
  const list = document.createElement("ul");
  list.id = "site-search-results";
  list.className = "site-search-results";
  list.setAttribute("aria-label", "Search results");
  list.hidden = true;
  input.setAttribute("aria-controls", list.id);
  form.append(input, status, list);
  header.querySelector(".wrap").append(form);
  header.classList.add("searchable");
  const script = new URL(header.dataset.search, document.baseURI);
  const root = new URL("..", script); // the site's root: Pagefind's folder is at its top
  const shown = 8;
  let pagefind = null;
  let asked = 0;

  const load = () => {
    if (!pagefind) {
      pagefind = import(script.href).then(async (module) => {
        await module.options({ baseUrl: "/" });
        return module;
      });
    }
    return pagefind;
  };

  const close = () => {
    list.hidden = true;
    list.replaceChildren();
  };

  const item = (text, className) => {
    const li = document.createElement("li");
    li.className = className;
    li.textContent = text;
    return li;
  };

  const link = (data) => {
    const a = document.createElement("a");
    // Pagefind's URLs start at "/"; the site may be published in a folder.
    a.href = new URL(data.url.replace(/^\//, ""), root).href;
    const title = document.createElement("span");
    title.className = "site-search-title";
    title.textContent = data.meta.title || data.url;
    a.append(title);
    const about = [data.meta.type, data.meta.organization].filter(Boolean).join(" · ");
    if (about) {
      const detail = document.createElement("span");
      detail.className = "site-search-detail";
      detail.textContent = about;
      a.append(" ", detail);
    }
    const li = document.createElement("li");
    li.append(a);
    return li;
  };

  const run = async () => {
    const query = input.value.trim();
    const mine = ++asked;
    if (!query) {
      status.textContent = "";
      close();
      return;
    }
    let found;
    try {
      const module = await load();
      const search = await module.debouncedSearch(query, {}, 150);
      if (search === null || mine !== asked) return; // a newer query replaced this one
      let results = search.results;
      // Words typed together ("zero-shot segmentation", a capability's label) find the
      // pages that hold them together, when any does (Pagefind's exact phrase), not a
      // model whose page holds them apart, in the labels of two other capabilities.
      if (/\s/.test(query) && !query.includes('"')) {
        const phrase = await module.search(`"${query}"`);
        if (mine !== asked) return;
        if (phrase.results.length) results = phrase.results;
      }
      found = await Promise.all(results.slice(0, shown).map((r) => r.data()));
      if (mine !== asked) return;
      found.total = results.length;
    } catch (error) {
      if (mine !== asked) return;
      status.textContent = "Search is not available on this copy of the site.";
      list.replaceChildren(item(status.textContent, "site-search-empty"));
      list.hidden = false;
      return;
    }
    const items = found.map(link);
    if (items.length === 0) {
      status.textContent = `No page matches “${query}”.`;
      items.push(item(status.textContent, "site-search-empty"));
    } else if (found.total > items.length) {
      status.textContent = `${found.total} results for “${query}”, the first ${items.length} listed.`;
      items.push(item(`${found.total - items.length} more: type more letters.`, "site-search-more"));
    } else {
      const noun = found.total === 1 ? "result" : "results";
      status.textContent = `${found.total} ${noun} for “${query}”.`;
    }
    list.replaceChildren(...items);
    list.hidden = false;
  };

  const links = () => Array.from(list.querySelectorAll("a"));

  input.addEventListener("focus", load, { once: true });
  input.addEventListener("input", run);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const first = links()[0];
    if (first) first.click();
  });
  form.addEventListener("keydown", (event) => {
    const all = links();
    const at = all.indexOf(document.activeElement);
    if (event.key === "Escape") {
      close();
      input.focus();
    } else if (event.key === "ArrowDown" && all.length) {
      event.preventDefault();
      all[Math.min(at + 1, all.length - 1)].focus();
    } else if (event.key === "ArrowUp" && at >= 0) {
      event.preventDefault();
      (at === 0 ? input : all[at - 1]).focus();
    }
  });
  form.addEventListener("focusout", (event) => {
    if (!form.contains(event.relatedTarget)) close();
  });
  input.addEventListener("focus", () => {
    if (input.value.trim()) run();
  });
})();
