// The search page (/search/) and the query's highlight on an article opened from a result.
//
// The search itself is assets/search-engine.js (window.ArchiveSearch), loaded before this
// file: it finds, orders and counts; this file reads the form, keeps its state in the URL,
// shows the results and the filter counts, and marks the query in an article.
//
// Nothing runs on change: the search runs on Enter in any field of the form or on its
// 搜索 / 应用 buttons, so that typing a date, arrowing through the sort menu or ticking
// a filter never reloads the page or moves the focus. Each search is an entry of the
// browser's history (?q=…&sort=…&from=…&to=…&paper=…&year=…&kind=…), so results can be
// bookmarked and Back returns to the previous search.
//
// Text from the archive (titles, excerpts, filter values) is always inserted as text.
(function () {
  "use strict";

  // -- dates as people type them (pure) ---------------------------------------------------

  const CN_DIGIT = { "〇": 0, "零": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6,
                     "七": 7, "八": 8, "九": 9 };
  const DATE_FORMS = "请写成 2023、2023-3、2023-03-05、2023.3.5、2023/3/5 或 2023年3月5日";

  // 二〇二三 → 2023, 三 → 3, 十二 → 12, 二十五 → 25, 三十一 → 31.
  function chineseNumber(run) {
    const ten = run.indexOf("十");
    if (ten < 0) return Array.from(run, (c) => CN_DIGIT[c]).join("");
    const tens = run.slice(0, ten);
    const units = run.slice(ten + 1);
    if (tens.length > 1 || units.length > 1 || tens.includes("十") || units.includes("十")) {
      return run;  // not a number of a date: left as it is, and refused below
    }
    return String((tens ? CN_DIGIT[tens] : 1) * 10 + (units ? CN_DIGIT[units] : 0));
  }

  function pad(n) {
    return String(n).padStart(2, "0");
  }

  function daysIn(year, month) {
    return new Date(Date.UTC(year, month, 0)).getUTCDate();
  }

  // A date or a period as typed: 2023, 2023-3, 2023-03-05, 2023.3.5, 2023/3/5, 20230305,
  // 2023年, 2023年3月, 2023年3月5日 (or 号), with full-width digits and punctuation, spaces
  // anywhere, Chinese numerals (二〇二三年三月五日). Returns null for an empty text,
  // {start, end, canonical, precision} for a date (start = first day, end = last day of
  // the period, both YYYY-MM-DD; canonical = 2023, 2023-03 or 2023-03-05, what the URL
  // keeps), or {error} saying what is wrong.
  function parseDate(text) {
    let s = String(text == null ? "" : text).normalize("NFKC");
    s = s.replace(/[〇零一二三四五六七八九十]+/g, chineseNumber)
      .replace(/[‐‑‒–—―−]/g, "-")
      .replace(/\s+/g, "");
    if (!s) return null;
    let m = /^(\d{4})(\d{2})(\d{2})$/.exec(s)
      || /^(\d{4})年(?:(\d{1,2})月(?:(\d{1,2})[日号]?)?)?$/.exec(s)
      || /^(\d{4})(?:([-./])(\d{1,2})(?:\2(\d{1,2}))?)?$/.exec(s);
    if (m && m.length === 5) m = [m[0], m[1], m[3], m[4]];  // drop the separator
    if (!m) {
      if (/^\d{1,3}(?:[-./年]|$)/.test(s)) return { error: "年份要写四位数字，如 2023" };
      return { error: DATE_FORMS };
    }
    const year = Number(m[1]);
    if (year < 1000) return { error: "年份要写四位数字，如 2023" };
    if (m[2] === undefined) {
      return { start: `${m[1]}-01-01`, end: `${m[1]}-12-31`, canonical: m[1],
               precision: "year" };
    }
    const month = Number(m[2]);
    if (month < 1 || month > 12) return { error: `月份应在 1 到 12 之间，这里是 ${month}` };
    const ym = `${m[1]}-${pad(month)}`;
    const last = daysIn(year, month);
    if (m[3] === undefined) {
      return { start: `${ym}-01`, end: `${ym}-${pad(last)}`, canonical: ym,
               precision: "month" };
    }
    const day = Number(m[3]);
    if (day < 1 || day > last) {
      return { error: `${year}年${month}月只有 ${last} 天，没有 ${day} 日` };
    }
    const date = `${ym}-${pad(day)}`;
    return { start: date, end: date, canonical: date, precision: "day" };
  }

  // -- excerpts (pure) --------------------------------------------------------------------

  const EXCERPT_BEFORE = 30;
  const EXCERPT_LENGTH = 110;

  // A piece of the body around its first hit (hits: [start, end) ranges in body), with
  // … where it is cut: {text, start, end} (start, end: what of body it shows).
  function excerptOf(body, hits) {
    const first = hits && hits[0];
    let start = first ? Math.max(0, first[0] - EXCERPT_BEFORE) : 0;
    const end = Math.min(body.length, start + EXCERPT_LENGTH);
    start = Math.max(0, Math.min(start, end - EXCERPT_LENGTH));
    const text = (start > 0 ? "…" : "") + body.slice(start, end).trim()
      + (end < body.length ? "…" : "");
    return { text, start, end };
  }

  // Text with [start, end) ranges marked, as DOM nodes (the text is never parsed as HTML).
  function marked(text, ranges) {
    const out = document.createDocumentFragment();
    let at = 0;
    for (const [start, end] of ranges) {
      if (start < at) continue;
      out.append(text.slice(at, start));
      const mark = document.createElement("mark");
      mark.textContent = text.slice(start, end);
      out.append(mark);
      at = end;
    }
    out.append(text.slice(at));
    return out;
  }

  // -- the URL ------------------------------------------------------------------------------

  const FACETS = ["paper", "year", "kind"];
  const SORTS = ["relevance", "newest", "oldest"];

  // The search a URL's query string asks for (dates as written there, not yet checked).
  function readUrl(search) {
    const params = new URLSearchParams(search);
    const sort = params.get("sort");
    const filters = {};
    for (const key of FACETS) {
      filters[key] = [...new Set(params.getAll(key).filter((v) => v !== ""))];
    }
    return { q: params.get("q") || "", sort: SORTS.includes(sort) ? sort : "relevance",
             from: params.get("from") || "", to: params.get("to") || "", filters };
  }

  function writeUrl(state) {
    const params = new URLSearchParams();
    params.set("q", state.q);
    if (state.sort !== "relevance") params.set("sort", state.sort);
    if (state.from) params.set("from", state.from);
    if (state.to) params.set("to", state.to);
    for (const key of FACETS) {
      for (const value of state.filters[key]) params.append(key, value);
    }
    return "?" + params.toString();
  }

  // For the tests, and for anyone who wants to read a date the way the page does.
  window.ArchiveSearchPage = { parseDate, excerptOf, readUrl, writeUrl };

  // -- the search page ----------------------------------------------------------------------

  const PAGE_SIZE = 20;
  const FIELD_NAMES = { from: "从", to: "到" };
  const root = document.documentElement.dataset.prefix || "";

  function engineApi() {
    return window.ArchiveSearch || null;
  }

  function searchPage(form) {
    const el = (id) => document.getElementById(id);
    const input = el("search-q");
    const sort = el("search-sort");
    const dates = { from: el("search-from"), to: el("search-to") };
    const errors = { from: el("search-from-error"), to: el("search-to-error") };
    const panel = el("search-panel");
    const panelNote = el("search-panel-note");
    const pending = el("search-pending");
    const status = el("search-status");
    const list = el("search-results");
    const more = el("search-more");
    const facets = el("search-filters");

    let opening = null;
    const engine = () => {
      const api = engineApi();
      if (!api) return Promise.reject(new Error("search-engine.js is not loaded"));
      if (!opening) {
        opening = api.open(root);
        opening.catch(() => { opening = null; });  // the next search tries again
      }
      return opening;
    };

    let applied = readUrl(location.search);  // the search the results are of
    let generation = 0;  // the latest search; an older one's answers are dropped
    let current = null;  // {result, shown, query}: for 显示更多结果

    // What the form asks for now, dates as typed.
    function formState() {
      const filters = {};
      for (const key of FACETS) {
        filters[key] = [...facets.querySelectorAll(`input[name="${key}"]:checked`)]
          .map((c) => c.value);
      }
      return { q: input.value, sort: sort.value, from: dates.from.value.trim(),
               to: dates.to.value.trim(), filters };
    }

    function fill(state) {
      input.value = state.q;
      sort.value = state.sort;
      dates.from.value = state.from;
      dates.to.value = state.to;
      for (const key of FACETS) {
        ensureRows(key, state.filters[key]);
        for (const check of facets.querySelectorAll(`input[name="${key}"]`)) {
          check.checked = state.filters[key].includes(check.value);
        }
      }
      for (const name of ["from", "to"]) showError(name, "");
    }

    // -- dates -------------------------------------------------------------------------

    function showError(name, message) {
      errors[name].textContent = message;
      if (message) dates[name].setAttribute("aria-invalid", "true");
      else dates[name].removeAttribute("aria-invalid");
    }

    // The date range of a state ({from, to} for the engine, and the canonical texts for
    // the URL), or {bad: field} after saying beside each field what is wrong with it.
    function checkDates(state) {
      const out = {};
      let bad = null;
      for (const name of ["from", "to"]) {
        const parsed = parseDate(state[name]);
        if (parsed && parsed.error) {
          showError(name, `「${FIELD_NAMES[name]}」的日期“${state[name]}”无法识别：${parsed.error}。`);
          bad = bad || name;
        } else {
          showError(name, "");
          out[name] = parsed;
        }
      }
      if (!bad && out.from && out.to && out.from.start > out.to.end) {
        showError("from", `「从」的日期（${out.from.start}）晚于「到」的日期（${out.to.end}）。`);
        bad = "from";
      }
      if (bad) return { bad };
      return { from: out.from ? out.from.start : undefined, to: out.to ? out.to.end : undefined,
               canonical: { from: out.from ? out.from.canonical : "",
                            to: out.to ? out.to.canonical : "" } };
    }

    for (const name of ["from", "to"]) {
      // A message when the field is left with a date that cannot be read; gone as soon as
      // the text is a date (or empty) again. Never while typing.
      dates[name].addEventListener("change", () => {
        const parsed = parseDate(dates[name].value);
        if (parsed && parsed.error) checkDates(formState());
        else showError(name, "");
      });
      dates[name].addEventListener("input", () => {
        const parsed = parseDate(dates[name].value);
        if (!parsed || !parsed.error) showError(name, "");
      });
    }

    // -- submitting --------------------------------------------------------------------

    form.addEventListener("submit", (event) => {
      event.preventDefault();
      submit();
    });
    // Enter on a select or a checkbox submits too (Enter in a text field already does).
    form.addEventListener("keydown", (event) => {
      if (event.key !== "Enter" || event.isComposing || event.altKey || event.ctrlKey
          || event.metaKey || event.shiftKey) return;
      if (event.target.matches("select, input[type=checkbox]")) {
        event.preventDefault();
        form.requestSubmit();
      }
    });
    form.addEventListener("input", notePending);
    form.addEventListener("change", notePending);

    function submit() {
      const state = formState();
      const api = engineApi();
      if (api && !api.words(state.q).length) {
        status.textContent = "请输入要搜索的字词";
        input.focus();
        return;
      }
      const range = checkDates(state);
      if (range.bad) {
        panel.open = true;
        dates[range.bad].focus();
        status.textContent = "日期有误，结果未更新";
        return;
      }
      state.from = range.canonical.from;
      state.to = range.canonical.to;
      dates.from.value = state.from;
      dates.to.value = state.to;
      const url = location.pathname + writeUrl(state);
      if (url !== location.pathname + location.search) history.pushState(null, "", url);
      run(state, range);
    }

    window.addEventListener("popstate", () => start());

    // The search of the URL: on arrival, and on Back and Forward.
    function start() {
      const state = readUrl(location.search);
      fill(state);
      const range = checkDates(state);
      if (range.bad) {
        panel.open = true;
        status.textContent = "日期有误，请更正后再搜索";
        applied = state;
        notePending();
        return;
      }
      run(state, range);
    }

    function same(a, b) {
      return JSON.stringify(a) === JSON.stringify(b);
    }

    // Filters changed in the panel but not applied yet: said beside the 应用 button.
    function notePending() {
      const now = formState();
      const chosen = (state) => FACETS.map((key) => [...state.filters[key]].sort());
      const changed = now.sort !== applied.sort || now.from !== applied.from
        || now.to !== applied.to || !same(chosen(now), chosen(applied));
      pending.textContent = changed ? "尚未应用" : "";
    }

    function noteActive(state) {
      let n = (state.sort !== "relevance") + !!state.from + !!state.to;
      for (const key of FACETS) n += state.filters[key].length;
      panelNote.textContent = n ? `（已选 ${n} 项）` : "";
    }

    // -- searching ---------------------------------------------------------------------

    async function run(state, range) {
      const gen = ++generation;
      applied = state;
      notePending();
      noteActive(state);
      more.hidden = true;
      current = null;
      const api = engineApi();
      if (!api) {
        status.textContent = "搜索功能未能加载，请稍后再试。";
        return;
      }
      if (!api.words(state.q).length) {
        list.replaceChildren();
        list.classList.remove("stale");
        list.setAttribute("aria-busy", "false");
        status.textContent = state.q.trim() ? "请输入要搜索的字词（标点不计）" : "";
        fillFacets(null, null, state.filters);
        return;
      }
      list.setAttribute("aria-busy", "true");
      list.classList.add("stale");  // the last search's results, until the new ones come
      status.textContent = "正在搜索……";
      let shown = [];  // the hits listed
      let rendering = null;
      let found;
      try {
        const search = await engine();
        if (gen !== generation) return;
        const render = async (hits, append) => {
          const items = await search.details(hits);
          if (gen !== generation) return;
          const nodes = items.map((item) => resultItem(item, state.q));
          if (append) list.append(...nodes);
          else list.replaceChildren(...nodes);
          list.classList.remove("stale");
          shown = append ? shown.concat(hits) : hits.slice();
        };
        found = await search.search(state.q, {
          filters: Object.fromEntries(FACETS.filter((k) => state.filters[k].length)
            .map((k) => [k, state.filters[k]])),
          from: range.from, to: range.to, sort: state.sort,
          // The first results are listed at once; the count and the filters follow.
          onFirst: (first) => {
            if (gen !== generation || rendering || !first || !first.hits.length) return;
            rendering = render(first.hits.slice(0, PAGE_SIZE), false).then(() => {
              if (gen === generation && list.getAttribute("aria-busy") === "true") {
                status.textContent = "正在统计结果……";
              }
            });
          },
        });
        if (gen !== generation) return;
        if (rendering) await rendering;
        if (gen !== generation) return;
        const page = found.hits.slice(0, PAGE_SIZE);
        const prefix = shown.length <= page.length
          && shown.every((hit, i) => hit === page[i] || same(hit, page[i]));
        if (!prefix) await render(page, false);
        else if (shown.length < page.length) await render(page.slice(shown.length), shown.length > 0);
        else if (!page.length) list.replaceChildren();
        if (gen !== generation) return;
        list.classList.remove("stale");
      } catch (error) {
        if (gen !== generation) return;
        list.setAttribute("aria-busy", "false");
        list.classList.remove("stale");
        status.textContent = "搜索出错，请稍后再试。";
        console.error(error);
        return;
      }
      current = { found, shown: shown.length, query: state.q, gen };
      status.textContent = found.total
        ? `找到 ${found.total} 篇文章${found.complete === false ? "（尚未统计完）" : ""}`
        : "没有找到包含该关键词的文章";
      fillFacets(found.counts, found.values, state.filters);
      more.hidden = current.shown >= found.hits.length;
      list.setAttribute("aria-busy", "false");
    }

    // 显示更多结果: the next 20, and the focus on the first of them.
    more.addEventListener("click", async () => {
      const at = current;
      if (!at || more.disabled) return;
      more.disabled = true;
      try {
        const hits = at.found.hits.slice(at.shown, at.shown + PAGE_SIZE);
        const items = await (await engine()).details(hits);
        if (at !== current) return;
        const nodes = items.map((item) => resultItem(item, at.query));
        list.append(...nodes);
        at.shown += hits.length;
        more.hidden = at.shown >= at.found.hits.length;
        const link = nodes.length && nodes[0].querySelector("a");
        if (link) link.focus();
      } catch (error) {
        status.textContent = "加载更多结果时出错，请再试一次。";
        console.error(error);
      } finally {
        more.disabled = false;
      }
    });

    // -- results -----------------------------------------------------------------------

    // 2023-03-05 → 2023年3月5日, as every page of the site writes a date.
    function cnDate(iso) {
      const [y, m, d] = iso.split("-").map(Number);
      return `${y}年${m}月${d}日`;
    }

    // The first words of an untitled article, as its label in the list.
    function leadOf(body) {
      const text = body.replace(/\s+/g, " ").trim();
      return text.length > 20 ? text.slice(0, 20) + "…" : text;
    }

    function resultItem(item, query) {
      const api = engineApi();
      const li = document.createElement("li");
      const a = document.createElement("a");
      a.href = item.url + "?q=" + encodeURIComponent(query);
      if (item.title) {
        a.textContent = item.title;
      } else {
        // No headline was printed: the first words of the body, set apart as a label.
        const label = document.createElement("span");
        label.className = "untitled";
        const tag = document.createElement("span");
        tag.className = "untitled-tag";
        tag.textContent = "原版未印标题";
        label.append(tag, leadOf(item.body || ""));
        a.append(label);
      }
      const h = document.createElement("h2");
      h.append(a);
      const meta = document.createElement("p");
      meta.className = "muted";
      const estimate = (field) => (item.inferred.includes(field) ? "（推断）" : "");
      // 第06版, as the site's pages name it.
      const label = /^\d+$/.test(item.page) ? item.page.padStart(2, "0") : item.page;
      meta.textContent = `${item.paper}${estimate("paper")} · ${cnDate(item.date)}` +
        `${estimate("date")} · 第${label}版${estimate("page")} · ${item.kind}`;
      li.append(h, meta);
      // The excerpt comes from the body only: headline and byline are shown above it.
      const body = item.body || "";
      if (body) {
        const cut = excerptOf(body, api.hits(body, query));
        const ex = document.createElement("p");
        ex.className = "excerpt";
        ex.append(marked(cut.text, api.hits(cut.text, query)));
        li.append(ex);
      }
      return li;
    }

    // -- filters -----------------------------------------------------------------------

    let rowIds = 0;

    function compareValues(key) {
      if (key === "year") return (a, b) => a.localeCompare(b);
      return (a, b) => a.localeCompare(b, "zh-CN");
    }

    function rowsOf(box) {
      return new Map([...box.querySelectorAll(".search-filter")]
        .map((row) => [row.querySelector("input").value, row]));
    }

    function makeRow(key, value) {
      const id = `search-filter-${++rowIds}`;
      const check = document.createElement("input");
      Object.assign(check, { type: "checkbox", name: key, value, id });
      const label = document.createElement("label");
      label.htmlFor = id;
      label.textContent = value;
      const row = document.createElement("div");
      row.className = "search-filter";
      row.append(check, label);
      return row;
    }

    // The values of a facet, in order, each once, as rows of the fieldset; rows already
    // there stay where they are (a focused checkbox keeps its focus).
    function setRows(key, values) {
      const box = facets.querySelector(`[data-facet="${key}"]`);
      const rows = rowsOf(box);
      const wanted = [...new Set(values)].sort(compareValues(key));
      for (const [value, row] of rows) {
        if (wanted.includes(value)) continue;
        if (row.contains(document.activeElement)) el("search-apply").focus();
        row.remove();
        rows.delete(value);
      }
      let before = box.querySelector("legend");
      for (const value of wanted) {
        const row = rows.get(value) || makeRow(key, value);
        if (before.nextElementSibling !== row) before.after(row);
        before = row;
      }
      box.hidden = wanted.length === 0;
      return rowsOf(box);
    }

    // Rows for the chosen values, before any count is known.
    function ensureRows(key, chosen) {
      const box = facets.querySelector(`[data-facet="${key}"]`);
      const have = [...rowsOf(box).keys()];
      if (chosen.some((v) => !have.includes(v))) setRows(key, have.concat(chosen));
    }

    // Each facet's values with a count (articles of the query, in the date range and of
    // the other facets' chosen values), the chosen ones even at 0.
    function fillFacets(counts, values, chosen) {
      for (const key of FACETS) {
        const count = (counts && counts[key]) || {};
        const all = new Set([...((values && values[key]) || []), ...Object.keys(count)]);
        const shown = [...all].filter((v) => count[v] > 0).concat(chosen[key]);
        const rows = setRows(key, counts ? shown : chosen[key]);
        for (const [value, row] of rows) {
          const check = row.querySelector("input");
          check.checked = chosen[key].includes(value);
          row.querySelector("label").textContent = counts
            ? `${value}（${count[value] || 0}）` : value;
        }
      }
    }

    // The index starts loading when the reader starts typing, not only on Enter.
    input.addEventListener("focus", () => { if (engineApi()) engine().catch(() => {}); },
                           { once: true });

    start();
  }

  // -- an article opened from a result ------------------------------------------------------

  // The query's terms marked in the article's text, and the first of them scrolled to
  // and focused (unless the reader came back to the page, or the URL names a place).
  function highlight() {
    const api = engineApi();
    const query = new URLSearchParams(location.search).get("q");
    const body = document.querySelector("[data-pagefind-body]");
    if (!api || !query || !body || !api.words(query).length) return;
    const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
    const nodes = [];
    while (walker.nextNode()) nodes.push(walker.currentNode);
    for (const node of nodes) {
      const ranges = api.hits(node.textContent, query);
      if (ranges.length) node.replaceWith(marked(node.textContent, ranges));
    }
    const first = body.querySelector("mark");
    if (!first) return;
    first.tabIndex = -1;
    first.classList.add("first-hit");
    const navigation = performance.getEntriesByType("navigation")[0];
    if (location.hash || (navigation && navigation.type === "back_forward")) return;
    const box = first.getBoundingClientRect();
    if (box.top < 0 || box.bottom > window.innerHeight) {
      first.scrollIntoView({ block: "center" });
    }
    first.focus({ preventScroll: true });
  }

  function main() {
    highlight();
    const form = document.getElementById("search-form");
    if (form) searchPage(form);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", main);
  else main();
})();
