// Chinese full-text search on the site's Pagefind index.
//
// The index holds one word per Han character, digit and Latin letter (see
// generator/search/tokens.py). A query is split the same way and each of its terms
// (separated by spaces) is sent as a quoted phrase of those characters, so a term
// matches exactly the articles that contain it; several terms are ANDed.
(function () {
  "use strict";
  const CHAR = /[\p{L}\p{N}]/gu;
  const FULL_WIDTH_ALNUM = /[０-９Ａ-Ｚａ-ｚ]/g;

  // The same rules as generator/search/tokens.py: full-width letters and digits are
  // their half-width forms, case does not matter, anything else separates.
  function normalise(text) {
    return text.replace(FULL_WIDTH_ALNUM, (c) => String.fromCharCode(c.charCodeAt(0) - 0xFEE0))
      .toLowerCase();
  }
  const root = document.documentElement.dataset.prefix || "";

  function terms(query) {
    return normalise(query).split(/\s+/)
      .map((part) => part.match(CHAR) || [])
      .filter((tokens) => tokens.length > 0);
  }

  let loading = null;
  function pagefind() {
    if (!loading) {
      loading = import(root + "/pagefind/pagefind.js").then(async (pf) => {
        await pf.options({ baseUrl: root + "/", excerptLength: 40 });
        await pf.init();
        await pf.filters(); // loads the filter index: searches then count by filter
        return pf;
      });
    }
    return loading;
  }

  // Pagefind results (not yet loaded) of the articles containing every term.
  async function find(query, options) {
    const pf = await pagefind();
    let found = null;
    let filters = null;
    for (const tokens of terms(query)) {
      const search = await pf.search('"' + tokens.join(" ") + '"', options || {});
      filters = filters || search.filters;
      const ids = new Set(search.results.map((r) => r.id));
      found = found === null ? search.results : found.filter((r) => ids.has(r.id));
    }
    return { results: found || [], filters: filters || {} };
  }

  // For measurement: the URLs of every article containing the query.
  window.archiveSearch = async function (query) {
    const { results } = await find(query);
    const data = await Promise.all(results.map((r) => r.data()));
    return data.map((d) => d.meta.url);
  };

  // Excerpts come back as the indexed text, one character a word: join the characters
  // again (two spaces stood between words of the original).
  // Pagefind ends each block of text that lacks final punctuation with a "." glued to its
  // last word; every real character stands alone, so only those dots are glued.
  function readable(text) {
    return text.replace(/([^\s>])\.(?=\s|<|$)/g, "$1  ")
      .replace(/ {2,}/g, "\u0000").replace(/ /g, "").replace(/\u0000/g, " ").trim();
  }

  function excerptNodes(excerpt) {
    const doc = new DOMParser().parseFromString(readable(excerpt), "text/html");
    const out = document.createDocumentFragment();
    for (const node of doc.body.childNodes) {
      if (node.nodeType === Node.TEXT_NODE) out.append(node.textContent);
      else if (node.nodeName === "MARK") {
        const mark = document.createElement("mark");
        mark.textContent = node.textContent;
        out.append(mark);
      } else out.append(node.textContent);
    }
    return out;
  }

  // Relevance: headline hits first, then articles where the query is dense.
  function score(data, query) {
    const needle = terms(query).map((t) => t.join(""));
    const title = normalise(data.meta.title || "");
    const content = normalise(data.content.replace(/ /g, ""));
    let s = 0;
    for (const n of needle) {
      if (title.includes(n)) s += 1000;
      s += (content.split(n).length - 1) * 1000 / Math.max(content.length, 200);
    }
    return s;
  }

  const FILTERS = [["paper", "报纸"], ["year", "年份"], ["kind", "类别"]];
  const PAGE_SIZE = 20;
  const RANK_LIMIT = 200;

  async function runPage() {
    const form = document.getElementById("search-form");
    if (!form) return;
    const params = new URLSearchParams(location.search);
    const input = document.getElementById("search-q");
    const status = document.getElementById("search-status");
    const list = document.getElementById("search-results");
    const facets = document.getElementById("search-filters");
    const sort = document.getElementById("search-sort");
    const from = document.getElementById("search-from");
    const to = document.getElementById("search-to");
    for (const control of [sort, from, to]) {
      control.addEventListener("change", () => form.requestSubmit());
    }
    const query = params.get("q") || "";
    input.value = query;
    sort.value = params.get("sort") || "relevance";
    from.value = params.get("from") || "";
    to.value = params.get("to") || "";
    if (!terms(query).length) return;

    status.textContent = "正在搜索……";
    const chosen = {};
    for (const [key] of FILTERS) {
      const values = params.getAll(key);
      if (values.length) chosen[key] = { any: values };
    }
    const options = { filters: chosen };
    // Ranking needs every result's text; past RANK_LIMIT results that would download
    // too much, so a very common query is listed by date and loaded page by page.
    const many = (await find(query, options)).results.length > RANK_LIMIT;
    const order = sort.value === "relevance" && many ? "newest" : sort.value;
    if (order === "newest") options.sort = { date: "desc" };
    if (order === "oldest") options.sort = { date: "asc" };
    const { results, filters } = await find(query, options);
    const inRange = (d) => (!from.value || d.meta.date >= from.value)
      && (!to.value || d.meta.date <= to.value);

    let next;
    if (many) {
      let at = 0;
      next = async () => {
        const batch = results.slice(at, at + PAGE_SIZE);
        at += batch.length;
        return { items: (await Promise.all(batch.map((r) => r.data()))).filter(inRange),
                 done: at >= results.length };
      };
      status.textContent = `找到 ${results.length} 篇文章（结果较多，按日期排列）`;
    } else {
      let data = (await Promise.all(results.map((r) => r.data()))).filter(inRange);
      if (order === "relevance") {
        data = data.map((d) => [score(d, query), d]).sort((a, b) => b[0] - a[0])
          .map((x) => x[1]);
      }
      let at = 0;
      next = async () => {
        at += PAGE_SIZE;
        return { items: data.slice(at - PAGE_SIZE, at), done: at >= data.length };
      };
      status.textContent = data.length ? `找到 ${data.length} 篇文章` : "没有找到包含该关键词的文章";
    }

    const more = document.getElementById("search-more");
    list.replaceChildren();
    const showMore = async () => {
      const { items, done } = await next();
      list.append(...items.map((d) => resultItem(d, query)));
      more.hidden = done;
    };
    more.addEventListener("click", showMore);
    await showMore();
    facets.replaceChildren(...facetBoxes(filters, params, form));
  }

  function resultItem(d, query) {
    const li = document.createElement("li");
    const a = document.createElement("a");
    a.href = d.meta.url + "?q=" + encodeURIComponent(query);
    a.textContent = d.meta.title;
    const h = document.createElement("h2");
    h.append(a);
    const meta = document.createElement("p");
    meta.className = "muted";
    meta.textContent = `${d.meta.paper} · ${d.meta.date} · 第${d.meta.page}版 · ${d.meta.kind}`;
    const ex = document.createElement("p");
    ex.className = "excerpt";
    ex.append(excerptNodes(d.excerpt));
    li.append(h, meta, ex);
    return li;
  }

  function facetBoxes(filters, params, form) {
    return FILTERS.map(([key, label]) => {
      const box = document.createElement("fieldset");
      const legend = document.createElement("legend");
      legend.textContent = label;
      box.append(legend);
      const counts = filters[key] || {};
      const shown = params.getAll(key);
      for (const value of Object.keys(counts).sort()) {
        if (!counts[value] && !shown.includes(value)) continue;
        const id = `f-${key}-${value}`;
        const check = document.createElement("input");
        Object.assign(check, { type: "checkbox", name: key, value, id });
        check.checked = params.getAll(key).includes(value);
        check.addEventListener("change", () => form.requestSubmit());
        const lab = document.createElement("label");
        lab.htmlFor = id;
        lab.textContent = `${value}（${counts[value]}）`;
        const row = document.createElement("div");
        row.append(check, lab);
        box.append(row);
      }
      return box;
    });
  }

  // On an article opened from a result: mark the query in its text.
  function highlight() {
    const query = new URLSearchParams(location.search).get("q");
    const body = document.querySelector("[data-pagefind-body]");
    if (!query || !body) return;
    const needles = query.split(/\s+/).filter(Boolean);
    const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
    const nodes = [];
    while (walker.nextNode()) nodes.push(walker.currentNode);
    for (const node of nodes) {
      const text = node.textContent;
      const hits = [];
      for (const n of needles) {
        for (let i = text.indexOf(n); i >= 0; i = text.indexOf(n, i + n.length)) {
          hits.push([i, i + n.length]);
        }
      }
      if (!hits.length) continue;
      hits.sort((a, b) => a[0] - b[0]);
      const frag = document.createDocumentFragment();
      let at = 0;
      for (const [start, end] of hits) {
        if (start < at) continue;
        frag.append(text.slice(at, start));
        const mark = document.createElement("mark");
        mark.textContent = text.slice(start, end);
        frag.append(mark);
        at = end;
      }
      frag.append(text.slice(at));
      node.replaceWith(frag);
    }
  }

  document.addEventListener("DOMContentLoaded", () => {
    highlight();
    runPage();
  });
})();
