// Chinese full-text search on the site's Pagefind index.
//
// The index holds one word per Han character, digit and Latin letter (see
// generator/search/tokens.py). A query is split the same way and each of its terms
// (separated by spaces) is sent as a quoted phrase of those characters, so a term
// matches exactly the articles that contain it; several terms are ANDed.
(function () {
  "use strict";
  const CHAR = /[\p{L}\p{N}]/gu;
  const RUN = /[\p{L}\p{N}]+/gu;
  const HAS_CHAR = /[\p{L}\p{N}]/u;
  const FULL_WIDTH_ALNUM = /[０-９Ａ-Ｚａ-ｚ]/g;

  // The same rules as generator/search/tokens.py: full-width letters and digits are
  // their half-width forms, case does not matter, anything else separates.
  function normalise(text) {
    return text.replace(FULL_WIDTH_ALNUM, (c) => String.fromCharCode(c.charCodeAt(0) - 0xFEE0))
      .toLowerCase();
  }
  const root = document.documentElement.dataset.prefix || "";

  // The phrases to send: each run of letters and digits of the query, one token per
  // character. Punctuation and spaces end a run (the index does not hold them as
  // neighbours of the characters around them, see load()).
  function terms(query) {
    return (normalise(query).match(RUN) || []).map((run) => run.match(CHAR));
  }

  // The query's words as typed (normalised), for exact checks on the text.
  function words(query) {
    return normalise(query).split(/\s+/).filter((w) => HAS_CHAR.test(w));
  }

  // A record's text as printed: its characters joined, ␣ back to a space.
  function printed(content) {
    return content.replace(/([^\s>])\.(?=\s|<|$)/g, "$1 ␣").replace(/ /g, "")
      .replace(/␣+/g, " ").trim();
  }

  // What a result is: the record's file name is the article's path with ~ for /.
  function describe(d) {
    const name = decodeURIComponent(d.url.split("/").pop()).replace(/\.html$/, "");
    const [, y, m, day, pageSeq] = name.split("~");
    const page = pageSeq.split("-")[0];
    return {
      url: `${root}/${name.split("~").join("/")}/`,
      title: d.meta.title,
      date: `${y}-${m}-${day}`,
      page: /^\d+$/.test(page) ? String(Number(page)) : page,
      paper: (d.filters.paper || [""])[0],
      kind: (d.filters.kind || [""])[0],
      text: normalise(printed(d.content)),
      excerpt: d.excerpt,
    };
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

  // Every result's data, keeping those whose text contains each term exactly: a term
  // with punctuation inside (3.8万) was searched as its letters and digits only.
  async function load(results, query) {
    const exact = words(query).filter((w) => /[^\p{L}\p{N}]/u.test(w));
    const items = (await Promise.all(results.map((r) => r.data()))).map(describe);
    return items.filter((item) => exact.every((w) => item.text.includes(w)));
  }

  // For measurement: the URLs of every article containing the query.
  window.archiveSearch = async function (query) {
    const { results } = await find(query);
    return (await load(results, query)).map((item) => item.url);
  };

  // Excerpts come back as the indexed text, one character a word: join the characters
  // again (two spaces stood between words of the original).
  // Pagefind ends each block of text that lacks final punctuation with a "." glued to its
  // last word; every real character stands alone, so only those dots are glued.
  function excerptNodes(excerpt) {
    const doc = new DOMParser().parseFromString(printed(excerpt), "text/html");
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
  function score(item, query) {
    const title = normalise(item.title || "");
    let s = 0;
    for (const n of terms(query).map((t) => t.join(""))) {
      if (title.includes(n)) s += 1000;
      const text = item.text.replace(/[^\p{L}\p{N}]/gu, "");
      s += (text.split(n).length - 1) * 1000 / Math.max(text.length, 200);
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
    let { results, filters } = await find(query, options);
    // Ranking needs every result's text; past RANK_LIMIT results that would download
    // too much, so a very common query is listed by date and loaded page by page.
    const many = results.length > RANK_LIMIT;
    const order = sort.value === "relevance" && many ? "newest" : sort.value;
    if (order !== "relevance") {
      options.sort = { date: order === "oldest" ? "asc" : "desc" };
      ({ results, filters } = await find(query, options));
    }
    const inRange = (d) => (!from.value || d.date >= from.value)
      && (!to.value || d.date <= to.value);

    let next;
    if (many) {
      let at = 0;
      next = async () => {
        const batch = results.slice(at, at + PAGE_SIZE);
        at += batch.length;
        return { items: (await load(batch, query)).filter(inRange),
                 done: at >= results.length };
      };
      status.textContent = `找到 ${results.length} 篇文章（结果较多，按日期排列）`;
    } else {
      let data = (await load(results, query)).filter(inRange);
      if (terms(query).length > 1 || words(query).some((w) => /[^\p{L}\p{N}]/u.test(w))) {
        filters = countFilters(data, filters);  // Pagefind counted for the first term only
      }
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

  // Filter counts of the results actually listed.
  function countFilters(items, shape) {
    const counts = {};
    for (const [key] of FILTERS) {
      counts[key] = Object.fromEntries(Object.keys(shape[key] || {}).map((v) => [v, 0]));
    }
    for (const item of items) {
      for (const [key, value] of [["paper", item.paper], ["year", item.date.slice(0, 4)],
                                  ["kind", item.kind]]) {
        counts[key][value] = (counts[key][value] || 0) + 1;
      }
    }
    return counts;
  }

  function resultItem(d, query) {
    const li = document.createElement("li");
    const a = document.createElement("a");
    a.href = d.url + "?q=" + encodeURIComponent(query);
    a.textContent = d.title;
    const h = document.createElement("h2");
    h.append(a);
    const meta = document.createElement("p");
    meta.className = "muted";
    meta.textContent = `${d.paper} · ${d.date} · 第${d.page}版 · ${d.kind}`;
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
    const needles = normalise(query).split(/\s+/).filter(Boolean);
    const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
    const nodes = [];
    while (walker.nextNode()) nodes.push(walker.currentNode);
    for (const node of nodes) {
      const text = node.textContent;
      const folded = normalise(text);  // same length: folding maps one character to one
      const hits = [];
      for (const n of needles) {
        for (let i = folded.indexOf(n); i >= 0; i = folded.indexOf(n, i + n.length)) {
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
