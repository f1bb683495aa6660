// Full-text search over the site's Pagefind index, read directly.
//
// Pagefind's own search (pagefind.js and its WebAssembly) compares every result page
// with every loaded posting, which is quadratic: a word in 99k of 100k articles takes
// tens of seconds. The index stays in Pagefind's file format (other tools read it), but
// this engine reads those files itself and answers a query in time linear in the
// postings it reads: sorted page lists are merged, positions are decoded only for the
// pages a phrase needs, and results are ordered, ranged and counted from page numbers
// alone (pagefind/segments.json gives the date of every page).
//
// Interface (the search page codes against it):
//
//   window.ArchiveSearch = {
//     normalise(text) -> string         full-width letters and digits folded, lower case
//     words(query) -> string[]          the terms as typed, normalised, punctuation
//                                       trimmed at both ends, empty ones dropped
//     hits(text, query) -> [[start, end], ...]   sorted, non-overlapping ranges of the
//                                       query's terms in text (for <mark>)
//     open(root) -> Promise<Engine>     root = document.documentElement.dataset.prefix || ""
//   }
//   Engine.search(query, {filters: {paper?: string[], kind?: string[], year?: string[]},
//                         from?: "YYYY-MM-DD", to?: "YYYY-MM-DD",
//                         sort: "relevance" | "newest" | "oldest",
//                         onFirst?: (first: Result) => void}) -> Promise<Result>
//     Result = {total, hits: Hit[] (every match, in the requested order),
//               counts: {paper: {v: n}, year: {v: n}, kind: {v: n}},
//               values: {paper: [...], year: [...], kind: [...]}, complete: bool}
//     counts[facet][v]: articles matching the query, the date range [from, to] (both
//       inclusive) and the selected values of the OTHER facets, that have value v; every
//       value of values[facet] is there, 0 when none.
//     values[facet]: every value of the facet in the whole index, sorted.
//     onFirst: for "newest" and "oldest" only, called once, before the promise resolves,
//       as soon as the first 20 hits in that order are certain (the newest, or oldest,
//       segments are searched first). Its Result has those hits (fewer when there are
//       fewer), total and counts so far, and complete: false. The resolved Result has
//       complete: true.
//     Hit = {date: "YYYY-MM-DD", ...opaque}: known without loading any fragment.
//     Ranking ("relevance"): articles with more of the query's terms in the headline
//       first, then a BM25 score of the terms' occurrences (weighted by rarity, damped by
//       article length), then newest first, then by URL.
//   Engine.details(hits) -> Promise<Item[]>: fetches those hits' fragments only, in parallel.
//     Item = {url, title, date, page ("6" for 06; letters kept), paper, kind,
//             head (printed text before the body: kicker, headline, subtitle, byline),
//             body (printed text of the body only)}
//   Engine.ready() -> Promise: every segment's metadata, fetched in parallel;
//     search() waits for it, a page may call it early to have them in before a search.
//   ArchiveSearch.internals: pure helpers, for tests/test_search_engine.py only.
//   Measurement hooks (benchmarks/bench_search.py, tests):
//     window.archiveReady() -> Promise<true>: the engine open, every segment's metadata in.
//     window.archiveFind(q, n) -> {count, first}: how many articles match, and the URLs of
//       the first n by relevance (n = 0: the search alone, no fragment).
//     window.archiveSearch(q) -> URL paths of every matching article.
//
// Query semantics (as generator/search/tokens.py indexes the text): terms are separated
// by spaces and ANDed; a term's letters and digits are matched as a substring of the
// article text, as consecutive bigram words (东城区 → 东城 at p, 城区 at p+1); a
// one-character term matches the article's list of its characters (after ␞); a term with
// punctuation inside (3.8万) must occur exactly so: its runs must stand at the right
// distances (each mark is a position of its own), and the marks themselves, which
// Pagefind keeps no postings for, are checked on the fragments of those articles.
(function () {
  "use strict";

  const RUN = /[\p{L}\p{N}]+/gu;
  const EDGE_PUNCTUATION = /^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu;
  const FULL_WIDTH_ALNUM = /[０-９Ａ-Ｚａ-ｚ]/g;
  const BODY = "␝";       // ends the head (kicker, headline, subtitle, byline)
  const LENGTH_STEP = 1.04;  // a page's length is LENGTH_STEP ** (its byte): pagefind_format.py
  const SIGNATURE = "pagefind_dcd";
  // Pagefind weighs each word 24 × its element's weight; an <h1> weighs 7, and the index
  // (generator/search/postings.py) weighs the headline, and only it, as an <h1>.
  const HEADLINE_WEIGHT = 7 * 24;
  const FACETS = ["paper", "year", "kind"];
  const FIRST = 20;  // hits the page shows at once
  // BM25's saturation and length damping, Pagefind's defaults.
  const K1 = 1.4;
  const B = 0.75;

  // -- text -----------------------------------------------------------------------------

  // The rules of generator/search/tokens.py: full-width letters and digits are their
  // half-width forms; case does not matter. Pagefind lowers each character on its own,
  // so a capital sigma is σ wherever it stands (JavaScript would make a final one ς).
  function normalise(text) {
    return text.replace(FULL_WIDTH_ALNUM, (c) => String.fromCharCode(c.charCodeAt(0) - 0xFEE0))
      .replace(/Σ/g, "σ").replace(/İ/g, "i").toLowerCase();
  }

  function words(query) {
    return normalise(query).split(/\s+/).map((w) => w.replace(EDGE_PUNCTUATION, ""))
      .filter((w) => w);
  }

  // Where the query's terms occur in a text: sorted, non-overlapping [start, end) ranges.
  // Folding maps one character to one, so offsets in the folded text are offsets in the
  // text as printed; where lower-casing changes a length, nothing is marked.
  function hits(text, query) {
    const folded = normalise(text);
    if (folded.length !== text.length) return [];
    const out = [];
    for (const w of words(query)) {
      for (let i = folded.indexOf(w); i >= 0; i = folded.indexOf(w, i + w.length)) {
        out.push([i, i + w.length]);
      }
    }
    out.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
    let at = 0;
    return out.filter(([start, end]) => (start >= at ? ((at = end), true) : false));
  }

  // The index words a run of letters and digits is stored as: at each position the two
  // characters starting there, the last character alone (东城区 → 东城 城区 区).
  function bigrams(run) {
    const chars = Array.from(run);
    return chars.map((c, i) => c + (chars[i + 1] || ""));
  }

  // What a query is searched as. A clause is a pattern of index words at fixed offsets
  // from a start position; an article matches a term when every clause of the term
  // matches it and, for a term with punctuation inside, its text contains the term.
  function parse(query) {
    const clauses = [];
    const exact = [];
    for (const term of words(query)) {
      const runs = [...term.matchAll(RUN)];
      if (runs.length === 1) {
        const grams = bigrams(runs[0][0]);
        clauses.push((grams.length > 1 ? grams.slice(0, -1) : grams).map((w, i) => [w, i]));
        continue;
      }
      clauses.push(punctuatedClause(term, runs));
      exact.push(term);
    }
    return { clauses, exact };
  }

  // 3.8万 → 3 at p, 8万 at p+2: each punctuation mark is an index word of its own, so
  // the runs keep their distances. A run followed by punctuation ends a run of the text,
  // so its last character is a word there too; the last run may go on in the text (8万元),
  // so when it is one character, any word starting with it will do (1.5 → 1 at p, a word
  // starting with 5 at p+2: [word, offset, true]).
  function punctuatedClause(term, runs) {
    const pattern = [];
    let offset = 0;
    runs.forEach((m, i) => {
      if (i > 0) offset += Array.from(term.slice(runs[i - 1].index + runs[i - 1][0].length, m.index)).length;
      const grams = bigrams(m[0]);
      if (i < runs.length - 1) grams.forEach((w, k) => pattern.push([w, offset + k]));
      else if (grams.length > 1) grams.slice(0, -1).forEach((w, k) => pattern.push([w, offset + k]));
      else pattern.push([grams[0], offset, true]);
      offset += grams.length;
    });
    return pattern;
  }

  // Pagefind's key for a word: without diacritics (café is stored under cafe, the form
  // café kept as a variant of it); NFD also splits Hangul and compatibility ideographs.
  function indexKey(word) {
    if (/^[\0-\x7f]*$/.test(word)) return word;
    return word.normalize("NFD").replace(/\p{M}/gu, "");
  }

  // Strings in Rust's order (by UTF-8 bytes, that is by code points), which Pagefind
  // sorts its words in; JavaScript's < compares UTF-16 units and misplaces astral ones.
  function compareCodePoints(a, b) {
    const n = Math.min(a.length, b.length);
    for (let i = 0; i < n; i++) {
      if (a.charCodeAt(i) !== b.charCodeAt(i)) return a.codePointAt(i) - b.codePointAt(i);
    }
    return a.length - b.length;
  }

  // The chunk that holds a word, if any does. Pagefind cuts the sorted words into chunks
  // and names each by a prefix of its first word just long enough to sort after the
  // previous chunk's last word, so the word is in the last chunk whose name is <= it.
  function chunkOf(froms, word) {
    let lo = 0;
    let hi = froms.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (compareCodePoints(froms[mid], word) <= 0) lo = mid + 1;
      else hi = mid;
    }
    return lo - 1;
  }

  // -- files ----------------------------------------------------------------------------

  // Requests in flight at most, the rest queued in the order asked for (the newest
  // segments' first): a browser refuses thousands of pending requests outright.
  const IN_FLIGHT = 24;
  const waiting = [];
  let inFlight = 0;

  async function fetchBytes(url) {
    if (inFlight < IN_FLIGHT) inFlight++;
    else await new Promise((resolve) => waiting.push(resolve));  // handed a finished one's slot
    try {
      const response = await fetch(url);
      if (!response.ok) throw new Error(`search index: ${url}: HTTP ${response.status}`);
      return new Uint8Array(await response.arrayBuffer());
    } finally {
      if (waiting.length) waiting.shift()();
      else inFlight--;
    }
  }

  // A .pf_* file: gzip of the signature and CBOR. A server may have unpacked it already
  // (Content-Encoding: gzip on a file that is itself gzip): both are accepted.
  async function fetchData(url) {
    let bytes = await fetchBytes(url);
    if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
      const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
      bytes = new Uint8Array(await new Response(stream).arrayBuffer());
    }
    const head = new TextDecoder().decode(bytes.subarray(0, SIGNATURE.length));
    if (head !== SIGNATURE) throw new Error(`search index: ${url} is not a Pagefind file`);
    return bytes.subarray(SIGNATURE.length);
  }

  // -- CBOR -----------------------------------------------------------------------------

  const UTF8 = new TextDecoder("utf-8", { fatal: true });

  // A reader of the definite-length CBOR Pagefind writes: integers, strings, arrays
  // (maps and byte strings tolerated); anything else is an error, never a guess.
  class Reader {
    constructor(bytes, at = 0) {
      this.bytes = bytes;
      this.at = at;
      this.major = 0;
    }

    // The next item's head: its major type in this.major, its argument returned.
    head() {
      const b = this.bytes;
      const at = this.at;
      if (at >= b.length) throw new Error("search index: CBOR ends early");
      const first = b[at];
      this.major = first >> 5;
      const info = first & 31;
      if (info < 24) {
        this.at = at + 1;
        return info;
      }
      if (info === 24) {
        this.at = at + 2;
        return b[at + 1];
      }
      if (info === 25) {
        this.at = at + 3;
        return (b[at + 1] << 8) | b[at + 2];
      }
      if (info === 26) {
        this.at = at + 5;
        return ((b[at + 1] << 24) >>> 0) + ((b[at + 2] << 16) | (b[at + 3] << 8) | b[at + 4]);
      }
      if (info === 27) {
        const high = ((b[at + 1] << 24) >>> 0) + ((b[at + 2] << 16) | (b[at + 3] << 8) | b[at + 4]);
        if (high >= 1 << 21) throw new Error("search index: CBOR integer too large");
        this.at = at + 9;
        return high * 2 ** 32 + ((b[at + 5] << 24) >>> 0)
          + ((b[at + 6] << 16) | (b[at + 7] << 8) | b[at + 8]);
      }
      throw new Error(`search index: CBOR item ${first.toString(16)} not supported`);
    }

    expect(major) {
      const value = this.head();
      if (this.major !== major) {
        throw new Error(`search index: CBOR type ${this.major} where ${major} was expected`);
      }
      return value;
    }

    int() {
      const value = this.head();
      if (this.major === 0) return value;
      if (this.major === 1) return -1 - value;
      throw new Error(`search index: CBOR type ${this.major} where an integer was expected`);
    }

    array() {
      return this.expect(4);
    }

    text() {
      const length = this.expect(3);
      const start = this.at;
      this.at += length;
      if (this.at > this.bytes.length) throw new Error("search index: CBOR ends early");
      return UTF8.decode(this.bytes.subarray(start, this.at));
    }

    skip() {
      for (let left = 1; left > 0; left--) {
        const value = this.head();
        switch (this.major) {
          case 0: case 1: break;
          case 2: case 3: this.at += value; break;
          case 4: left += value; break;
          case 5: left += 2 * value; break;
          default: throw new Error(`search index: CBOR type ${this.major} not supported`);
        }
      }
      if (this.at > this.bytes.length) throw new Error("search index: CBOR ends early");
    }

    // Any item as a JavaScript value (for the small files: the metadata).
    value() {
      const value = this.head();
      switch (this.major) {
        case 0: return value;
        case 1: return -1 - value;
        case 2: {
          const start = this.at;
          this.at += value;
          return this.bytes.slice(start, this.at);
        }
        case 3: {
          const start = this.at;
          this.at += value;
          return UTF8.decode(this.bytes.subarray(start, this.at));
        }
        case 4: {
          const out = new Array(value);
          for (let i = 0; i < value; i++) out[i] = this.value();
          return out;
        }
        case 5: {
          const out = new Map();
          for (let i = 0; i < value; i++) out.set(this.value(), this.value());
          return out;
        }
        default: throw new Error(`search index: CBOR type ${this.major} not supported`);
      }
    }
  }

  function decodeCbor(bytes) {
    return new Reader(bytes).value();
  }

  // -- postings -------------------------------------------------------------------------

  // An index chunk, read once to find where each word's postings start; the postings of
  // a word are decoded only when a query asks for it.
  class Chunk {
    constructor(bytes) {
      this.bytes = bytes;
      this.words = new Map();  // word → offset of its entry's pages array
      this.variants = new Map();  // word → offset of its variants array, where there are any
      const r = new Reader(bytes);
      if (r.array() < 1) throw new Error("search index: empty index chunk");
      const count = r.array();
      for (let i = 0; i < count; i++) {
        const fields = r.array();
        const word = r.text();
        this.words.set(word, r.at);
        r.skip();
        if (fields >= 3) {
          this.variants.set(word, r.at);
          r.skip();
        }
        for (let f = 3; f < fields; f++) r.skip();
      }
    }

    // The postings of a word as the text has it: a word with diacritics is a variant of
    // its key (see indexKey).
    postings(word) {
      const key = indexKey(word);
      if (!this.words.has(key)) return null;
      if (key === word) return readPages(this.bytes, this.words.get(key), word);
      const form = this.forms(key).find(([f]) => f === word);
      return form ? readPages(this.bytes, form[1], word) : null;
    }

    // The postings of every word whose key starts with the prefix's, in every form.
    startingWith(prefix) {
      const key = indexKey(prefix);
      const out = [];
      for (const [word, at] of this.words) {
        if (!word.startsWith(key)) continue;
        out.push(readPages(this.bytes, at, word),
                 ...this.forms(word).map(([form, pages]) => readPages(this.bytes, pages, form)));
      }
      return out;
    }

    // [form, offset of its pages array] of each variant of a key.
    forms(key) {
      if (!this.variants.has(key)) return [];
      const out = [];
      const r = new Reader(this.bytes, this.variants.get(key));
      for (let n = r.array(); n > 0; n--) {
        const fields = r.array();
        out.push([r.text(), r.at]);
        for (let f = 1; f < fields; f++) r.skip();
      }
      return out;
    }
  }

  // A word's pages (ascending, from Pagefind's page deltas), each with the offset of its
  // positions, how many there are and whether one is in the headline. Pages where the
  // word is only in the metadata (the title field) are left out: the headline is text.
  function readPages(bytes, at, word) {
    const r = new Reader(bytes, at);
    const n = r.array();
    const pages = new Uint32Array(n);
    const locs = new Uint32Array(n);
    const count = new Uint32Array(n);
    const head = new Uint8Array(n);
    let page = 0;
    let kept = 0;
    for (let i = 0; i < n; i++) {
      const fields = r.array();
      page += r.int();
      const start = r.at;
      let found = 0;
      let headline = 0;
      let weight = 25;  // Pagefind's weight before any marker
      for (let left = r.array(); left > 0; left--) {
        const v = r.int();
        if (v < 0) weight = -v - 1;
        else {
          found++;
          if (weight >= HEADLINE_WEIGHT) headline = 1;
        }
      }
      for (let f = 2; f < fields; f++) r.skip();  // meta_locs, and any later field
      if (!found) continue;
      pages[kept] = page;
      locs[kept] = start;
      count[kept] = found;
      head[kept] = headline;
      kept++;
    }
    return new Postings(bytes, pages.subarray(0, kept), locs.subarray(0, kept),
                        count.subarray(0, kept), head.subarray(0, kept),
                        Array.from(word).length === 1);
  }

  class Postings {
    constructor(bytes, pages, locs, count, head, single) {
      Object.assign(this, { bytes, pages, locs, count, head, single });
    }

    // Its positions in the text of its i-th page, ascending, appended to out from k on
    // (out grown when short), each as position × 256 + weight; returns [out, new k].
    // Pagefind groups positions by weight (a weight marker, then positions as deltas from
    // the marker's first, absolute one), so groups are merged. A one-character word is
    // also in the page's list of its characters, which comes last: its last position is
    // not text (the digits of a list, 0 1 2, would read as 0.2).
    positions(i, out, k = 0) {
      const r = new Reader(this.bytes, this.locs[i]);
      const n = r.array();
      const from = k;
      if (out.length < k + n) out = grown(out, k + n);
      let weight = 25;
      let last = 0;
      let groups = 0;
      for (let left = n; left > 0; left--) {
        const v = r.int();
        if (v < 0) {
          weight = -v - 1;
          last = 0;
          groups++;
        } else {
          last += v;
          out[k++] = last * 256 + Math.min(weight, 255);
        }
      }
      if (groups > 1) out.subarray(from, k).sort();
      if (this.single && k > from) k--;
      return [out, k];
    }
  }

  function grown(array, size) {
    const out = new Float64Array(Math.max(size, array.length * 2));
    out.set(array);
    return out;
  }

  // Several words' postings as one (the words starting with a prefix): each page once,
  // with its positions in any of them. Built with one numeric sort of all the entries.
  class Union {
    constructor(lists) {
      const total = lists.reduce((n, l) => n + l.pages.length, 0);
      const keys = new Float64Array(total);
      const list = new Uint32Array(total);
      const index = new Uint32Array(total);
      let e = 0;
      lists.forEach((l, j) => {
        for (let i = 0; i < l.pages.length; i++, e++) {
          keys[e] = l.pages[i] * 2 ** 32 + e;
          list[e] = j;
          index[e] = i;
        }
      });
      keys.sort();
      this.lists = lists;
      this.entries = new Uint32Array(total);  // entry numbers, by page
      this.start = [];  // the first of each page's entries
      const pages = [];
      keys.forEach((key, at) => {
        const page = Math.floor(key / 2 ** 32);
        this.entries[at] = key - page * 2 ** 32;
        if (pages[pages.length - 1] !== page) {
          pages.push(page);
          this.start.push(at);
        }
      });
      this.start.push(total);
      this.list = list;
      this.index = index;
      this.pages = Uint32Array.from(pages);
    }

    positions(i, out, k = 0) {
      const from = k;
      for (let at = this.start[i]; at < this.start[i + 1]; at++) {
        const e = this.entries[at];
        [out, k] = this.lists[this.list[e]].positions(this.index[e], out, k);
      }
      if (this.start[i + 1] - this.start[i] > 1) out.subarray(from, k).sort();
      return [out, k];
    }
  }

  // The pages in every list (sorted page lists), with each page's index in each list:
  // a merge whose pointers only move forward, so linear in the lists' lengths.
  function intersect(lists) {
    if (lists.some((l) => l.length === 0)) return { pages: new Uint32Array(0), at: lists.map(() => new Uint32Array(0)) };
    const order = lists.map((l, i) => i).sort((a, b) => lists[a].length - lists[b].length);
    const rare = lists[order[0]];
    const pages = new Uint32Array(rare.length);
    const at = lists.map(() => new Uint32Array(rare.length));
    const ptr = new Uint32Array(lists.length);
    let n = 0;
    outer: for (let i = 0; i < rare.length; i++) {
      const page = rare[i];
      for (let j = 1; j < order.length; j++) {
        const list = lists[order[j]];
        let p = ptr[order[j]];
        while (p < list.length && list[p] < page) p++;
        ptr[order[j]] = p;
        if (p === list.length) break outer;
        if (list[p] !== page) continue outer;
      }
      at[order[0]][n] = i;
      for (let j = 1; j < order.length; j++) at[order[j]][n] = ptr[order[j]];
      pages[n++] = page;
    }
    return { pages: pages.subarray(0, n), at: at.map((a) => a.subarray(0, n)) };
  }

  // Where a clause matches in a segment: its pages (ascending), and on each how often it
  // occurs and whether it occurs in the headline.
  function matchClause(clause, postings) {
    if (postings.some((p) => !p)) return { pages: new Uint32Array(0), tf: new Uint32Array(0), head: new Uint8Array(0) };
    if (postings.length === 1 && postings[0].count) {
      return { pages: postings[0].pages, tf: postings[0].count, head: postings[0].head };
    }
    const { pages, at } = intersect(postings.map((p) => p.pages));
    const tf = new Uint32Array(pages.length);
    const head = new Uint8Array(pages.length);
    const buffers = clause.map(() => new Float64Array(64));
    const lengths = new Uint32Array(clause.length);
    let kept = 0;
    for (let i = 0; i < pages.length; i++) {
      for (let j = 0; j < clause.length; j++) {
        [buffers[j], lengths[j]] = postings[j].positions(at[j][i], buffers[j]);
      }
      const [found, inHead] = phraseAt(clause, buffers, lengths);
      if (!found) continue;
      pages[kept] = pages[i];
      tf[kept] = found;
      head[kept] = inHead;
      kept++;
    }
    return { pages: pages.subarray(0, kept), tf: tf.subarray(0, kept), head: head.subarray(0, kept) };
  }

  // How often the clause's words stand at their offsets from one start, on one page
  // (sorted position lists; each list's pointer only moves forward), and whether one
  // such occurrence is in the headline.
  function phraseAt(clause, lists, lengths) {
    const ptr = new Uint32Array(clause.length);
    const first = lists[0];
    let found = 0;
    let head = 0;
    outer: for (let i = 0; i < lengths[0]; i++) {
      const start = Math.floor(first[i] / 256) - clause[0][1];
      for (let j = 1; j < clause.length; j++) {
        const want = start + clause[j][1];
        const list = lists[j];
        let p = ptr[j];
        while (p < lengths[j] && Math.floor(list[p] / 256) < want) p++;
        ptr[j] = p;
        if (p === lengths[j]) break outer;
        if (Math.floor(list[p] / 256) !== want) continue outer;
      }
      found++;
      if (first[i] % 256 >= HEADLINE_WEIGHT) head = 1;
    }
    return [found, head];
  }

  // -- segments -------------------------------------------------------------------------

  // Values of a facet across the index, numbered in the order they are met.
  class Facet {
    constructor() {
      this.ids = new Map();
      this.names = [];
    }

    id(value) {
      let id = this.ids.get(value);
      if (id === undefined) {
        id = this.names.length;
        this.ids.set(value, id);
        this.names.push(value);
      }
      return id;
    }
  }

  // One Pagefind bundle of the index (pagefind/segments.json): its pages are numbered in
  // date order, page n having the date of the run of `days` that holds it, so a date
  // range is a range of page numbers. Everything is fetched once, when first needed.
  class Segment {
    constructor(base, listing, facets, names) {
      this.base = base;
      this.listing = listing;
      this.names = names;  // the listing's papers, numbered
      this.pages = listing.pages;
      this.days = listing.days.map(([date]) => date);
      this.dayStart = new Uint32Array(listing.days.length + 1);
      listing.days.forEach(([, n], i) => { this.dayStart[i + 1] = this.dayStart[i] + n; });
      if (this.dayStart[listing.days.length] !== this.pages) {
        throw new Error(`search index: ${base}: days do not add up to its ${this.pages} pages`);
      }
      this.facets = facets;
      this.cache = new Map();
      this.dayOf = new Uint32Array(this.pages);
      for (let d = 0; d < this.days.length; d++) this.dayOf.fill(d, this.dayStart[d], this.dayStart[d + 1]);
    }

    once(key, make) {
      if (!this.cache.has(key)) this.cache.set(key, make());
      return this.cache.get(key);
    }

    date(page) {
      return this.days[this.dayOf[page]];
    }

    // Pages whose dates are in [from, to]: [first, end).
    range(from, to) {
      let first = 0;
      let end = 0;
      this.days.forEach((date, d) => {
        if (from && date < from) first = this.dayStart[d + 1];
        if (!to || date <= to) end = this.dayStart[d + 1];
      });
      return [first, Math.max(first, end)];
    }

    // The segment's lite metadata (generator/search/pagefind_format.py, lite_meta):
    // the chunks' first words (chunk n is index/<n in base 36>), each page's length as a
    // byte (LENGTH_STEP to its power) and kind as a byte. Pagefind's own metadata holds
    // the same and more, in five times the bytes.
    meta() {
      return this.once("meta", async () => {
        const [chunkFrom, lengths, kinds, kindOf] = decodeCbor(await fetchData(`${this.base}lite.pf_meta`));
        if (lengths.length !== this.pages || kindOf.length !== this.pages) {
          throw new Error(`search index: ${this.base}: ${lengths.length} pages, segments.json says ${this.pages}`);
        }
        const words = new Float64Array(this.pages);
        for (let p = 0; p < this.pages; p++) words[p] = LENGTH_STEP ** lengths[p];
        this.words = words;  // each page's length in words, for ranking
        return { words, chunkFrom, chunkHash: chunkFrom.map((_, n) => n.toString(36)), kinds, kindOf };
      });
    }

    chunk(hash) {
      return this.once("chunk " + hash, async () => new Chunk(await fetchData(`${this.base}index/${hash}.pf_index`)));
    }

    postings(word) {
      return this.once("word " + word, async () => {
        const meta = await this.meta();
        const at = chunkOf(meta.chunkFrom, indexKey(word));
        if (at < 0) return null;
        return (await this.chunk(meta.chunkHash[at])).postings(word);
      });
    }

    // The words starting with a prefix are together in the sorted words, in the chunks
    // from the prefix's to that of the prefix followed by the last code point.
    startingWith(prefix) {
      return this.once("prefix " + prefix, async () => {
        const meta = await this.meta();
        const key = indexKey(prefix);
        const first = Math.max(0, chunkOf(meta.chunkFrom, key));
        const last = chunkOf(meta.chunkFrom, key + "\u{10FFFF}");
        const hashes = meta.chunkHash.slice(first, last + 1);
        const chunks = await Promise.all(hashes.map((hash) => this.chunk(hash)));
        const lists = chunks.flatMap((chunk) => chunk.startingWith(prefix));
        return lists.length ? new Union(lists) : null;
      });
    }

    // Each page's value of each facet, as facet value id + 1 (0: none): papers from the
    // listing's runs, kinds from the lite metadata, the year from the page's date.
    values() {
      return this.once("values", async () => {
        const meta = await this.meta();
        const out = { paper: new Uint32Array(this.pages), kind: new Uint32Array(this.pages),
                      year: new Uint32Array(this.pages) };
        let page = 0;
        for (const [paper, n] of this.listing.papers) {
          out.paper.fill(this.facets.paper.id(this.names.papers[paper]) + 1, page, page + n);
          page += n;
        }
        if (page !== this.pages) {
          throw new Error(`search index: ${this.base}: papers do not cover its ${this.pages} pages`);
        }
        const kindIds = meta.kinds.map((k) => this.facets.kind.id(k) + 1);
        for (let p = 0; p < this.pages; p++) out.kind[p] = kindIds[meta.kindOf[p]];
        const years = this.days.map((date) => this.facets.year.id(date.slice(0, 4)) + 1);
        for (let p = 0; p < this.pages; p++) out.year[p] = years[this.dayOf[p]];
        return out;
      });
    }

    fragment(page) {
      return this.once("page " + page, async () => {
        const meta = await this.meta();
        const bytes = await fetchData(`${this.base}fragment/${page.toString(36)}.pf_fragment`);
        return JSON.parse(UTF8.decode(bytes));
      });
    }
  }

  async function fetchOk(url) {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`search index: ${url}: HTTP ${response.status}`);
    return response;
  }

  // -- fragments --------------------------------------------------------------------------

  // A record's text as printed (the fragment's content): the head (kicker, headline,
  // subtitle, byline), ␝, then the body; line breaks between paragraphs.
  function printedParts(content) {
    const cut = content.indexOf(BODY);
    const clean = (text) => text.replace(/\s+/g, " ").trim();
    return cut < 0 ? { head: "", body: clean(content) }
      : { head: clean(content.slice(0, cut)), body: clean(content.slice(cut + BODY.length)) };
  }

  function describe(root, fragment) {
    const name = decodeURIComponent(fragment.url.split("/").pop()).replace(/\.html$/, "");
    const parts = name.split("~");
    const [y, m, d, pageSeq] = parts.slice(-4);
    const page = pageSeq.split("-")[0];
    const { head, body } = printedParts(fragment.content);
    return {
      url: `${root}/${parts.join("/")}/`,
      title: fragment.meta.title,
      date: `${y}-${m}-${d}`,
      page: /^\d+$/.test(page) ? String(Number(page)) : page,
      paper: (fragment.filters.paper || [""])[0],
      kind: (fragment.filters.kind || [""])[0],
      // Fields that are estimates, not printed: "date", "page", "paper".
      inferred: (fragment.meta.inferred || "").split(",").filter(Boolean),
      head,
      body,
    };
  }

  // -- searching ------------------------------------------------------------------------

  // The pages of a segment in [first, end) that match every clause and exact term, with
  // what ranking needs: each clause's occurrences on each page and in how many pages of
  // the segment it occurs (df), and how many clauses occur in each page's headline.
  async function searchSegment(segment, clauses, exact, first, end) {
    const values = segment.values();
    const postings = await Promise.all(clauses.map((c) => Promise.all(c.map(([w, , prefix]) => (
      prefix ? segment.startingWith(w) : segment.postings(w))))));
    const matched = clauses.map((c, i) => matchClause(c, postings[i]));
    const both = intersect(matched.map((m) => m.pages));
    const lo = lowerBound(both.pages, first);
    const hi = lowerBound(both.pages, end);
    const rows = exact.length ? await containing(segment, both.pages, lo, hi, exact) : null;
    const n = rows ? rows.length : hi - lo;
    const pages = new Uint32Array(n);
    const tf = matched.map(() => new Float64Array(n));
    const head = new Uint8Array(n);
    for (let k = 0; k < n; k++) {
      const i = rows ? rows[k] : lo + k;
      pages[k] = both.pages[i];
      for (let c = 0; c < matched.length; c++) {
        const j = both.at[c][i];
        tf[c][k] = matched[c].tf[j];
        head[k] += matched[c].head[j];
      }
    }
    return { pages, tf, head, df: matched.map((m) => m.pages.length), values: await values };
  }

  function lowerBound(sorted, value) {
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid] < value) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  // The rows in [lo, hi) whose page's text contains every exact term (a term with
  // punctuation inside), read from the pages' fragments: Pagefind has no postings for
  // punctuation.
  async function containing(segment, pages, lo, hi, exact) {
    const rows = Array.from({ length: hi - lo }, (_, k) => lo + k);
    const texts = await Promise.all(rows.map(async (i) => {
      const { head, body } = printedParts((await segment.fragment(pages[i])).content);
      return normalise(head + "\n" + body);
    }));
    return rows.filter((_, k) => exact.every((term) => texts[k].includes(term)));
  }

  // -- the engine -------------------------------------------------------------------------

  class Engine {
    constructor(root, listing) {
      this.root = root;
      this.facets = { paper: new Facet(), year: new Facet(), kind: new Facet() };
      const names = { papers: listing.papers };
      this.segments = listing.segments.map((s) => new Segment(`${root}/pagefind/${s.path}`, s, this.facets, names));
      this.totalPages = this.segments.reduce((n, s) => n + s.pages, 0);
      this.averageWords = 1;
    }

    // Every segment's metadata and facet values (what Result.values and ranking need),
    // fetched in parallel, once.
    ready() {
      if (!this.loading) {
        this.loading = Promise.all(this.segments.map(async (s) => {
          await s.values();
          return (await s.meta()).words.reduce((a, b) => a + b, 0);
        })).then((words) => {
          this.averageWords = Math.max(1, words.reduce((a, b) => a + b, 0) / Math.max(1, this.totalPages));
        });
      }
      return this.loading;
    }

    async search(query, options = {}) {
      const { clauses, exact } = parse(query);
      const order = options.sort || "relevance";
      const ascending = order === "oldest";
      const indexes = this.segments.map((s, i) => i);
      if (!ascending) indexes.reverse();
      const ready = this.ready();
      const tally = new Tally(this, options.filters || {}, ascending);
      // Every segment's work starts at once, its requests in the order the segments are
      // wanted; results are taken in that order, so the first hits are known early.
      const work = clauses.length ? indexes.map((i) => {
        const segment = this.segments[i];
        const [first, end] = segment.range(options.from, options.to);
        return first < end ? searchSegment(segment, clauses, exact, first, end) : null;
      }) : [];
      work.forEach((w) => w && w.catch(() => {}));  // a failure is thrown below, in turn
      await ready;
      let tell = order === "relevance" ? null : options.onFirst;  // once
      for (let k = 0; k < work.length; k++) {
        if (!work[k]) continue;
        tally.add(indexes[k], await work[k]);
        if (tell && tally.found >= FIRST) {
          tell(tally.result(tally.inOrder(FIRST), false));
          tell = null;
        }
      }
      const hits = order === "relevance" ? tally.ranked(clauses.length) : tally.inOrder(Infinity);
      if (tell) tell(tally.result(hits.slice(0, FIRST), false));
      return tally.result(hits, true);
    }

    details(hits) {
      return Promise.all(hits.map(async (hit) => describe(this.root, await this.segments[hit.segment].fragment(hit.page))));
    }
  }

  // A search's hits and facet counts, gathered segment by segment.
  class Tally {
    constructor(engine, filters, ascending) {
      this.engine = engine;
      this.chosen = FACETS.map((f) => new Set(filters[f] || []));
      this.ascending = ascending;
      this.counts = null;  // per facet, articles by value id + 1: sized at the first add
      this.parts = [];
      this.found = 0;
    }

    // A segment's matches (in its page order): each counted for a facet's value when it
    // passes the other facets' chosen values; kept as a hit when it passes them all.
    // Every facet value is known by now (Engine.ready), so ids index typed arrays.
    add(index, part) {
      const columns = FACETS.map((f) => part.values[f]);
      const allowed = FACETS.map((f, i) => this.allowed(f, i));
      this.counts = this.counts || FACETS.map((f) => new Float64Array(this.engine.facets[f].names.length + 1));
      const keep = [];
      for (let r = 0; r < part.pages.length; r++) {
        const page = part.pages[r];
        let fails = 0;
        let failed = -1;
        for (let f = 0; f < FACETS.length; f++) {
          if (allowed[f] && !allowed[f][columns[f][page]]) {
            fails++;
            failed = f;
          }
        }
        if (fails > 1) continue;
        for (let f = 0; f < FACETS.length; f++) {
          if (fails === 0 || f === failed) this.counts[f][columns[f][page]]++;
        }
        if (fails === 0) keep.push(r);
      }
      this.found += keep.length;
      this.parts.push({ index, keep, ...part });
    }

    // Which value ids (+ 1) of a facet are chosen, as 0/1 by id; null when none is.
    allowed(facet, i) {
      if (!this.chosen[i].size) return null;
      const { ids, names } = this.engine.facets[facet];
      const mask = new Uint8Array(names.length + 1);
      for (const v of this.chosen[i]) if (ids.has(v)) mask[ids.get(v) + 1] = 1;
      return mask;
    }

    hit(index, page) {
      return { date: this.engine.segments[index].date(page), segment: index, page };
    }

    // The first n hits by date: segments come in the order asked for, and a segment's
    // pages are in date order (then by URL).
    inOrder(n) {
      const out = [];
      for (const part of this.parts) {
        const rows = this.ascending ? part.keep : [...part.keep].reverse();
        for (const r of rows) {
          if (out.length >= n) return out;
          out.push(this.hit(part.index, part.pages[r]));
        }
      }
      return out;
    }

    // Every hit by relevance: more clauses in the headline first, then BM25 over the
    // clauses' occurrences, then newest first, then by URL (page order within a day).
    // One numeric sort of packed keys: headline count, score (quantised to the bits left),
    // the hit's place in date order.
    ranked(clauseCount) {
      const { segments, totalPages, averageWords } = this.engine;
      const df = new Float64Array(clauseCount);
      for (const part of this.parts) part.df.forEach((n, c) => { df[c] += n; });
      const idf = Array.from(df, (n) => Math.log(1 + (totalPages - n + 0.5) / (n + 0.5)));
      const byDate = this.byDate();
      const n = byDate.length;
      const score = new Float64Array(n);
      const head = new Uint8Array(n);
      let best = 0;
      for (let i = 0; i < n; i++) {
        const part = byDate[i][0];
        const r = byDate[i][1];
        const norm = K1 * (1 - B + B * segments[part.index].words[part.pages[r]] / averageWords);
        for (let c = 0; c < clauseCount; c++) {
          const tf = part.tf[c][r];
          score[i] += idf[c] * tf * (K1 + 1) / (tf + norm);
        }
        head[i] = part.head[r];
        best = Math.max(best, score[i]);
      }
      const placeBits = Math.max(1, Math.ceil(Math.log2(n + 1)));
      const scoreSteps = 2 ** (49 - placeBits - Math.ceil(Math.log2(clauseCount + 1))) - 1;
      const keys = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        const quantised = best ? Math.floor(score[i] / best * scoreSteps) : 0;
        keys[i] = ((head[i] * (scoreSteps + 1) + quantised) * 2 ** placeBits) + (n - 1 - i);
      }
      keys.sort();
      const hits = new Array(n);
      for (let k = 0; k < n; k++) {
        const [part, r] = byDate[n - 1 - keys[n - 1 - k] % 2 ** placeBits];
        hits[k] = this.hit(part.index, part.pages[r]);
      }
      return hits;
    }

    // [part, row] of every hit, newest first, by URL (page order) within a day.
    byDate() {
      const out = [];
      const parts = [...this.parts].sort((a, b) => b.index - a.index);
      for (const part of parts) {
        const dayOf = this.engine.segments[part.index].dayOf;
        const day = (r) => dayOf[part.pages[part.keep[r]]];
        for (let end = part.keep.length; end > 0;) {
          let start = end - 1;
          while (start > 0 && day(start - 1) === day(end - 1)) start--;
          for (let r = start; r < end; r++) out.push([part, part.keep[r]]);
          end = start;
        }
      }
      return out;
    }

    result(hits, complete) {
      const counts = {};
      const values = {};
      FACETS.forEach((f, i) => {
        const facet = this.engine.facets[f];
        values[f] = [...facet.names].sort();
        counts[f] = Object.fromEntries(values[f].map((v) => [v, this.counts ? this.counts[i][facet.ids.get(v) + 1] : 0]));
      });
      return { total: complete ? hits.length : this.found, hits, counts, values, complete };
    }
  }

  async function open(root) {
    const response = await fetchOk(`${root}/pagefind/segments.json`);
    return new Engine(root, await response.json());
  }

  window.ArchiveSearch = { normalise, words, hits, open, internals: { chunkOf, compareCodePoints, decodeCbor, parse } };

  // -- measurement hooks --------------------------------------------------------------------

  let shared = null;
  function engine() {
    if (!shared) shared = open(document.documentElement.dataset.prefix || "");
    return shared;
  }

  window.archiveReady = async () => {
    await (await engine()).ready();
    return true;
  };

  window.archiveFind = async (query, n) => {
    const e = await engine();
    const found = await e.search(query, { sort: "relevance" });
    const first = n ? (await e.details(found.hits.slice(0, n))).map((item) => item.url) : [];
    return { count: found.total, first };
  };

  window.archiveSearch = async (query) => {
    const e = await engine();
    return (await e.details((await e.search(query, { sort: "relevance" })).hits)).map((item) => item.url);
  };
})();
