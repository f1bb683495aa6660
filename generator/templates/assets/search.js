// Chinese full-text search on the site's Pagefind index.
//
// The index holds, at every position of a run of letters and digits, the two
// characters starting there (see generator/search/tokens.py). A query is split the same
// way and each of its terms (separated by spaces) is sent as a quoted phrase of its
// bigrams, so a term matches exactly the articles that contain it; a one-character term
// is matched against each article's list of its characters. Several terms are ANDed.
(function () {
  "use strict";
  const RUN = /[\p{L}\p{N}]+/gu;
  const HAS_CHAR = /[\p{L}\p{N}]/u;
  const FULL_WIDTH_ALNUM = /[０-９Ａ-Ｚａ-ｚ]/g;
  const SPACE = "␣";      // a space of the printed text, and the end of a paragraph
  const UNIGRAMS = "␞";   // starts the list of the article's characters

  // The same rules as generator/search/tokens.py: full-width letters and digits are
  // their half-width forms, case does not matter, anything else separates.
  function normalise(text) {
    return text.replace(FULL_WIDTH_ALNUM, (c) => String.fromCharCode(c.charCodeAt(0) - 0xFEE0))
      .toLowerCase();
  }
  const root = document.documentElement.dataset.prefix || "";

  // The phrases to send: for each run of letters and digits of the query, its
  // overlapping bigrams (东城区 → 东城 城区), or the character itself for a run of one.
  // Punctuation and spaces end a run: the index holds them as words of their own.
  function terms(query) {
    return (normalise(query).match(RUN) || []).map((run) => {
      const chars = Array.from(run);
      if (chars.length === 1) return chars;
      return chars.slice(0, -1).map((c, i) => c + chars[i + 1]);
    });
  }

  // The query's words as typed (normalised), for exact checks on the text.
  function words(query) {
    return normalise(query).split(/\s+/).filter((w) => HAS_CHAR.test(w));
  }

  // A record's text as printed: the first character of each word is the character at
  // that position (a bigram starts with it), ␣ is a space, and the list of characters
  // after ␞ is not text. Pagefind's own marks and sentence dots fall away with the rest
  // of each word.
  function printed(content) {
    const cut = content.indexOf(UNIGRAMS);
    const text = cut >= 0 ? content.slice(0, cut) : content;
    let out = "";
    for (const word of text.split(/\s+/)) {
      const first = Array.from(word.replace(/<[^>]*>/g, ""))[0];
      if (first !== undefined) out += first;
    }
    return out.replace(/␣+/g, " ").trim();
  }

  // What a result is: the record's file name is the article's path with ~ for /.
  function describe(d) {
    const name = decodeURIComponent(d.url.split("/").pop()).replace(/\.html$/, "");
    const [y, m, day, pageSeq] = name.split("~").slice(-4);
    const page = pageSeq.split("-")[0];
    const clean = printed(d.content);
    return {
      url: `${root}/${name.split("~").join("/")}/`,
      title: d.meta.title,
      date: `${y}-${m}-${day}`,
      page: /^\d+$/.test(page) ? String(Number(page)) : page,
      paper: (d.filters.paper || [""])[0],
      kind: (d.filters.kind || [""])[0],
      clean,
      text: normalise(clean),
    };
  }

  let loading = null;
  function pagefind() {
    if (!loading) {
      loading = import(root + "/pagefind/pagefind.js").then(async (pf) => {
        // Pagefind re-splits a zh/ja/th query with the browser's word segmenter, which
        // would cut bigrams apart; it reads the language from <html lang> when it starts
        // (in pf.init), so it starts under an undetermined language, then the page's
        // language is put back.
        await pf.options({ baseUrl: root + "/" });
        const html = document.documentElement;
        const lang = html.lang;
        html.lang = "und";
        try {
          await pf.init();
        } finally {
          html.lang = lang;
        }
        // The index comes in shards of a month or less (generator/search/index.py):
        // /pagefind/ is the first, the others are merged into it.
        const shards = await fetch(root + "/pagefind/shards.json").then((r) => r.json());
        await Promise.all(shards.merge.map((path) => pf.mergeIndex(root + "/pagefind/" + path)));
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

  // Results in date order. Pagefind sorts within each shard of the index only, but every
  // shard holds a continuous range of dates and the keys sort in date order (2017-03,
  // then 2017-04-01-08…), so the shards' sorted results, shard after shard, are in order.
  async function byDate(query, chosen, counts, ascending) {
    const keys = Object.keys(counts.shard || {}).filter((k) => counts.shard[k] > 0).sort();
    if (!ascending) keys.reverse();
    const out = [];
    for (const key of keys) {
      const options = { filters: { ...chosen, shard: { any: [key] } },
                        sort: { date: ascending ? "asc" : "desc" } };
      out.push(...(await find(query, options)).results);
    }
    return out;
  }

  // For measurement: Pagefind loaded and every shard merged.
  window.archiveReady = () => pagefind().then(() => true);

  // For measurement: how many articles contain the query, and the URLs of the first n
  // results (what showing one page of results downloads; n = 0: the search alone).
  window.archiveFind = async function (query, n) {
    const { results } = await find(query);
    const first = n ? (await load(results.slice(0, n), query)).map((item) => item.url) : [];
    return { count: results.length, first };
  };

  // For measurement: the URLs of every article containing the query.
  window.archiveSearch = async function (query) {
    const { results } = await find(query);
    return (await load(results, query)).map((item) => item.url);
  };

  // Where the needles occur in a text: sorted, non-overlapping [start, end) ranges.
  // Folding maps one character to one, so offsets in the folded text are offsets in
  // the text as printed.
  function hits(text, found) {
    const folded = normalise(text);
    if (folded.length !== text.length) return [];
    const out = [];
    for (const n of found) {
      for (let i = folded.indexOf(n); i >= 0 && n; i = folded.indexOf(n, i + n.length)) {
        out.push([i, i + n.length]);
      }
    }
    out.sort((a, b) => a[0] - b[0]);
    let at = 0;
    return out.filter(([start, end]) => (start >= at ? ((at = end), true) : false));
  }

  // Text with the ranges marked, as DOM nodes (text is never parsed as HTML).
  function marked(text, ranges) {
    const out = document.createDocumentFragment();
    let at = 0;
    for (const [start, end] of ranges) {
      out.append(text.slice(at, start));
      const mark = document.createElement("mark");
      mark.textContent = text.slice(start, end);
      out.append(mark);
      at = end;
    }
    out.append(text.slice(at));
    return out;
  }

  // An excerpt of the article's text around the first match, the query marked.
  const EXCERPT_BEFORE = 30;
  const EXCERPT_LENGTH = 110;
  function excerptNodes(clean, query) {
    const first = hits(clean, words(query))[0];
    let start = first ? Math.max(0, first[0] - EXCERPT_BEFORE) : 0;
    const end = Math.min(clean.length, start + EXCERPT_LENGTH);
    start = Math.max(0, Math.min(start, end - EXCERPT_LENGTH));
    const text = (start > 0 ? "…" : "") + clean.slice(start, end) + (end < clean.length ? "…" : "");
    return marked(text, hits(text, words(query)));
  }

  // Relevance: headline hits first, then articles where the query is dense.
  function score(item, query) {
    const title = normalise(item.title || "");
    let s = 0;
    for (const n of normalise(query).match(RUN) || []) {
      if (title.includes(n)) s += 1000;
      const text = item.text.replace(/[^\p{L}\p{N}]/gu, "");
      s += (text.split(n).length - 1) * 1000 / Math.max(text.length, 200);
    }
    return s;
  }

  const FILTERS = [["paper", "报纸"], ["year", "年份"], ["kind", "类别"]];
  const PAGE_SIZE = 20;
  const RANK_LIMIT = window.archiveRankLimit || 200;  // tests lower it

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
    let { results, filters } = await find(query, { filters: chosen });
    // Ranking needs every result's text; past RANK_LIMIT results that would download
    // too much, so a very common query is listed by date and loaded page by page.
    const many = results.length > RANK_LIMIT;
    const order = sort.value === "relevance" && many ? "newest" : sort.value;
    const inRange = (d) => (!from.value || d.date >= from.value)
      && (!to.value || d.date <= to.value);

    let next;
    if (many) {
      // Counts by filter come from Pagefind's filter indexes, loaded only now: a query
      // with fewer results is counted from the results themselves (countFilters).
      await (await pagefind()).filters();
      ({ results, filters } = await find(query, { filters: chosen }));
      results = await byDate(query, chosen, filters, order === "oldest");
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
      filters = countFilters(data, filters);
      if (order === "relevance") {
        data = data.map((d) => [score(d, query), d]).sort((a, b) => b[0] - a[0])
          .map((x) => x[1]);
      } else {
        const sign = order === "oldest" ? 1 : -1;
        data.sort((a, b) => sign * (a.date.localeCompare(b.date) || a.url.localeCompare(b.url)));
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
    ex.append(excerptNodes(d.clean, query));
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
    const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
    const nodes = [];
    while (walker.nextNode()) nodes.push(walker.currentNode);
    for (const node of nodes) {
      const ranges = hits(node.textContent, words(query));
      if (ranges.length) node.replaceWith(marked(node.textContent, ranges));
    }
  }

  document.addEventListener("DOMContentLoaded", () => {
    highlight();
    runPage();
  });
})();
