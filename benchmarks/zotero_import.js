#!/usr/bin/env node
/*
What Zotero makes of a built article page: runs Zotero's "Embedded Metadata" web
translator, and the "RDF" import translator it loads for Dublin Core / PRISM / Open
Graph tags, from their source in a zotero/translators checkout, and prints the item it
saves as JSON.

    npm install --prefix DEPS jsdom wicked-good-xpath     # any folder outside the repo
    git clone https://github.com/zotero/translators TRANSLATORS
    NODE_PATH=DEPS/node_modules node benchmarks/zotero_import.js \
        --translators TRANSLATORS --schema zotero-schema/schema.json --url https://example.org/xuchang/ribao/2023/03/15/02-06/ \
        public/xuchang/ribao/2023/03/15/02-06/index.html

Why run the translators rather than read them: which item type Zotero picks depends on
every tag of the page at once (a citation_journal_title anywhere makes a journal
article, whatever else the page says), and a site changes; this shows the result.

The translators run unchanged. What they call of Zotero is stood in for below, small
and deliberately plain: the DOM is jsdom's, XPath is wicked-good-xpath (jsdom's own
XPath does not resolve namespace prefixes, which the translator relies on), the RDF
store is a list of triples, and Zotero.Utilities is the dozen helpers the two
translators use, reimplemented for this purpose (names split at the last space, as
Zotero does, so a Chinese name becomes a last name). With --schema (schema.json of
zotero/zotero-schema) the item types, their fields and creator types are Zotero's, and
fields the item's type lacks are dropped as Zotero drops them when it saves; without
it every field is listed as the translators set it. Attachments are reduced to their
titles; dates are shown as the translators set them, before Zotero parses them.

Output: {"detected": <what detectWeb says>, "items": [<the saved items>]}.
*/
"use strict";

const fs = require("fs");
const path = require("path");
const vm = require("vm");

function need(name) {
	try {
		return require(name);
	}
	catch (err) {
		process.stderr.write(`zotero_import: cannot load ${name}: install it with\n`
			+ "  npm install --prefix DEPS jsdom wicked-good-xpath\n"
			+ "and run with NODE_PATH=DEPS/node_modules\n");
		process.exit(2);
	}
	return null;
}

function parseArgs(argv) {
	const args = { translators: null, schema: null, url: null, page: null, debug: false };
	for (let i = 0; i < argv.length; i++) {
		const a = argv[i];
		if (a === "--translators") args.translators = argv[++i];
		else if (a === "--url") args.url = argv[++i];
		else if (a === "--schema") args.schema = argv[++i];
		else if (a === "--debug") args.debug = true;
		else if (a === "-h" || a === "--help") {
			process.stdout.write("usage: zotero_import.js --translators DIR [--schema schema.json] "
				+ "[--url URL] [--debug] PAGE.html\n");
			process.exit(0);
		}
		else args.page = a;
	}
	if (!args.translators || !args.page) {
		process.stderr.write("usage: zotero_import.js --translators DIR [--schema schema.json] "
			+ "[--url URL] PAGE.html\n");
		process.exit(2);
	}
	return args;
}

// -- translators -------------------------------------------------------------------

/** The translator's code: its file without the JSON header and the test cases. */
function translatorCode(file) {
	const text = fs.readFileSync(file, "utf8");
	const headerEnd = text.indexOf("\n}\n") + 3;
	const tests = text.indexOf("/** BEGIN TEST CASES **/");
	return text.slice(headerEnd, tests === -1 ? undefined : tests);
}

/** translatorID → file, read from the JSON header of every translator. */
function translatorIndex(dir) {
	const index = {};
	for (const name of fs.readdirSync(dir)) {
		if (!name.endsWith(".js")) continue;
		const head = fs.readFileSync(path.join(dir, name), "utf8").slice(0, 400);
		const m = head.match(/"translatorID":\s*"([^"]+)"/);
		if (m) index[m[1]] = path.join(dir, name);
	}
	return index;
}

// -- Zotero.Utilities, as far as Embedded Metadata and RDF use it --------------------

const ITEM_TYPES = ["artwork", "audioRecording", "bill", "blogPost", "book", "bookSection",
	"case", "computerProgram", "conferencePaper", "dataset", "dictionaryEntry", "document",
	"email", "encyclopediaArticle", "film", "forumPost", "hearing", "instantMessage",
	"interview", "journalArticle", "letter", "magazineArticle", "manuscript", "map",
	"newspaperArticle", "note", "patent", "podcast", "preprint", "presentation",
	"radioBroadcast", "report", "standard", "statute", "thesis", "tvBroadcast",
	"videoRecording", "webpage", "attachment"];

/** Zotero's item schema (zotero/zotero-schema's schema.json), if given: type → fields
 (with their base fields) and creator types. */
function loadSchema(file) {
	if (!file) return null;
	const types = {};
	for (const t of JSON.parse(fs.readFileSync(file, "utf8")).itemTypes) {
		const fields = new Set();
		for (const f of t.fields) {
			fields.add(f.field);
			if (f.baseField) fields.add(f.baseField);
		}
		types[t.itemType] = { fields, creators: t.creatorTypes.map(c => c.creatorType) };
	}
	return types;
}

function makeUtilities(window, debug, schema) {
	const XHTML = "http://www.w3.org/1999/xhtml";
	const ZU = {
		xpath(nodes, expr, namespaces) {
			const list = Array.isArray(nodes) ? nodes : [nodes];
			const out = [];
			for (const node of list) {
				if (!node) continue;
				const doc = node.ownerDocument || node;
				const resolver = prefix => (namespaces && namespaces[prefix]) || XHTML;
				const res = doc.evaluate(expr, node, resolver,
					window.XPathResult.ORDERED_NODE_SNAPSHOT_TYPE, null);
				for (let i = 0; i < res.snapshotLength; i++) out.push(res.snapshotItem(i));
			}
			return out;
		},
		xpathText(nodes, expr, namespaces, delimiter) {
			const found = ZU.xpath(nodes, expr, namespaces);
			if (!found.length) return null;
			return found.map(n => n.textContent).join(delimiter === undefined ? ", " : delimiter);
		},
		trimInternal(s) {
			return String(s).replace(/[\s\u00a0]+/g, " ").trim();
		},
		capitalizeTitle(s) {
			return String(s).toLowerCase().replace(/(^|\s)(\p{Ll})/gu,
				(_, space, letter) => space + letter.toUpperCase());
		},
		cleanAuthor(name, creatorType, useComma) {
			let text = String(name).replace(/^[\s.,/[\]:]+/, "").replace(/[\s,/[\]:]+$/, "")
				.replace(/\s+/g, " ");
			let firstName = "", lastName = text;
			if (useComma && text.includes(",")) {
				[lastName, firstName] = text.split(/\s*,\s*/, 2);
			}
			else if (!useComma) {
				const space = text.lastIndexOf(" ");
				lastName = text.slice(space + 1);
				firstName = space === -1 ? "" : text.slice(0, space);
			}
			return { firstName, lastName, creatorType };
		},
		strToISO(s) {
			const m = String(s || "").match(/(\d{4})(?:[-/.年](\d{1,2})(?:[-/.月](\d{1,2}))?)?/);
			if (!m) return false;
			return [m[1], m[2] && m[2].padStart(2, "0"), m[3] && m[3].padStart(2, "0")]
				.filter(Boolean).join("-");
		},
		formatDate(d) {
			return [d.year, String(d.month + 1).padStart(2, "0"), String(d.day).padStart(2, "0")]
				.join("-");
		},
		cleanDOI(s) {
			const m = String(s).match(/10\.\d{4,}\/\S+/);
			return m ? m[0] : false;
		},
		cleanISBN: s => s,
		cleanISSN: s => s,
		itemTypeExists: type => (schema ? type in schema : ITEM_TYPES.includes(type)),
		fieldIsValidForType: (field, type) => !schema || !schema[type]
			|| schema[type].fields.has(field),
		getCreatorsForType: type => (schema && schema[type] ? schema[type].creators
			: ["author", "contributor", "editor", "translator"]),
		resolveURL: url => new window.URL(url, window.document.location.href).href,
	};
	const log = msg => {
		if (debug) process.stderr.write(`[zotero] ${msg}\n`);
	};
	return { ZU, log };
}

// -- an RDF store with the calls the RDF translator makes -----------------------------

function makeRDF() {
	const triples = [];
	const resources = new Map();
	const resource = uri => {
		if (!resources.has(uri)) resources.set(uri, { uri });
		return resources.get(uri);
	};
	const uriOf = node => (typeof node === "object" ? node.uri : node);
	const some = list => (list.length ? list : false);
	return {
		addStatement(subject, predicate, object, literal) {
			triples.push([resource(uriOf(subject)), resource(uriOf(predicate)),
				literal ? object : resource(uriOf(object))]);
		},
		newResource: () => resource(`_:b${resources.size}`),
		getResourceURI: uriOf,
		getAllResources: () => some([...new Set(triples.map(t => t[0]))]),
		getTargets: (node, predicate) => some(triples
			.filter(t => t[0].uri === uriOf(node) && t[1].uri === uriOf(predicate))
			.map(t => t[2])),
		getSources: (node, predicate) => some(triples
			.filter(t => uriOf(t[2]) === uriOf(node) && t[1].uri === uriOf(predicate))
			.map(t => t[0])),
		getArcsIn: node => some(triples.filter(t => uriOf(t[2]) === uriOf(node)).map(t => t[1])),
		getArcsOut: node => some(triples.filter(t => t[0].uri === uriOf(node)).map(t => t[1])),
		getContainerElements: () => [],
	};
}

// -- running a translator ---------------------------------------------------------------

class Runner {
	constructor(dir, window, debug, schema) {
		this.dir = dir;
		this.schema = schema;
		this.window = window;
		this.debug = debug;
		this.index = null;
		this.saved = [];
	}

	/** A translator's code in a context of its own, as Zotero gives each one. */
	load(file, parentHandlers) {
		const { ZU, log } = makeUtilities(this.window, this.debug, this.schema);
		const handlers = {};
		const runner = this;
		const Zotero = {
			debug: log,
			done() {},
			setProgress() {},
			Utilities: ZU,
			RDF: makeRDF(),
			parentTranslator: parentHandlers ? "Embedded Metadata" : undefined,
			loadTranslator: () => runner.childTranslator(),
			Collection: class { complete() {} },
		};
		Zotero.Item = class {
			constructor(itemType) {
				this.itemType = itemType;
				this.creators = [];
				this.notes = [];
				this.tags = [];
				this.attachments = [];
				this.seeAlso = [];
			}

			complete() {
				// A child translator's item goes to its parent's itemDone handler, which
				// completes it again: that second time, it is saved.
				const done = parentHandlers && parentHandlers.itemDone;
				if (done) {
					this.complete = Zotero.Item.prototype.save.bind(this, runner);
					done(null, this);
				}
				else this.save(runner);
			}

			save(owner) {
				owner.saved.push(plainItem(this, owner.schema));
			}
		};
		const attr = (node, selector, name, index) => {
			const found = node.querySelectorAll(selector);
			const el = index === undefined ? found[0] : found[index];
			return (el && el.getAttribute(name)) || "";
		};
		const text = (node, selector, index) => {
			const found = node.querySelectorAll(selector);
			const el = index === undefined ? found[0] : found[index];
			return (el && el.textContent) || "";
		};
		const sandbox = { Zotero, Z: Zotero, ZU, attr, text, console, handlers };
		vm.createContext(sandbox);
		vm.runInContext(translatorCode(file), sandbox, { filename: file });
		sandbox.exports.Zotero = Zotero;
		return sandbox;
	}

	childTranslator() {
		const runner = this;
		const handlers = {};
		let id = null;
		return {
			setTranslator(translatorID) {
				id = translatorID;
			},
			setHandler(name, fn) {
				handlers[name] = fn;
			},
			getTranslatorObject(callback) {
				runner.index = runner.index || translatorIndex(runner.dir);
				if (!runner.index[id]) throw new Error(`translator ${id} not in ${runner.dir}`);
				callback(runner.load(runner.index[id], handlers).exports);
			},
		};
	}
}

const ITEM_KEYS = ["itemType", "creators", "tags", "notes", "attachments"];

/** The item as Zotero would save it: empty values gone and, given the schema, the
 fields its type does not have (Zotero drops those). */
function plainItem(item, schema) {
	const out = {};
	const type = schema && schema[item.itemType];
	for (const [key, value] of Object.entries(item)) {
		if (typeof value === "function" || value === undefined || value === null
			|| value === "" || key === "seeAlso" || key === "itemID") continue;
		if (type && !ITEM_KEYS.includes(key) && !type.fields.has(key)) continue;
		if (Array.isArray(value) && !value.length && key !== "creators") continue;
		out[key] = key === "attachments"
			? value.map(a => ({ title: a.title, mimeType: a.mimeType, url: a.url }))
			: value;
	}
	return out;
}

function main() {
	const args = parseArgs(process.argv.slice(2));
	const { JSDOM } = need("jsdom");
	const xpath = need("wicked-good-xpath");
	const html = fs.readFileSync(args.page, "utf8");
	// Where the page says it lives, unless told: its canonical link.
	const canonical = html.match(/<link rel="canonical" href="([^"]+)"/);
	const url = args.url || (canonical ? canonical[1] : "https://archive.example/article/");
	const dom = new JSDOM(html, { url });
	const window = dom.window;
	xpath.install(window, true);
	// jsdom has no layout, hence no innerText; the translator reads bylines with it.
	Object.defineProperty(window.HTMLElement.prototype, "innerText", {
		get() {
			return this.textContent;
		},
	});
	const file = path.join(args.translators, "Embedded Metadata.js");

	const schema = loadSchema(args.schema);
	const detect = new Runner(args.translators, window, args.debug, schema);
	const detector = detect.load(file, null);
	let detected = null;
	detector.Zotero.done = type => {
		detected = type;
	};
	const direct = detector.detectWeb(window.document, url);
	if (direct !== undefined) detected = direct;

	const run = new Runner(args.translators, window, args.debug, schema);
	run.load(file, null).doWeb(window.document, url);
	process.stdout.write(JSON.stringify({ detected, items: run.saved }, null, 2) + "\n");
}

main();
