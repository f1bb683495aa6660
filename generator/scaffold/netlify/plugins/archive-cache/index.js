'use strict'
/*
 * Netlify build plugin: keep `archive build`'s cache and its last output between builds.
 *
 * Netlify starts every build from a clean clone, so without this every deploy renders
 * the whole archive. Before the build (onPreBuild) the plugin puts back the cache folder
 * (.archive/) and, from it, the output of the last build (public/); after the build
 * (onPostBuild, or onError when it failed) it saves both again, as one cached folder.
 * What to render is decided by `archive build` itself, from its cache, as on any computer.
 *
 * Two things make this safe and useful:
 *
 * - The output travels inside the cached folder (.archive/netlify/public, hard links to
 *   public/'s files) with a record of its files and sizes, so the output and the cache
 *   that describes it are saved and restored together. An output that does not match
 *   its record is never used: the archive's cache is dropped with it, and the archive,
 *   finding no cache, renders everything and replaces public/.
 * - The archive recognises unchanged content by each file's name, size and modification
 *   time, and a fresh clone gives every file a new time. The plugin keeps a record of
 *   every content file's SHA-1 and the time it gave it: a file whose bytes are unchanged
 *   gets its recorded time back, any other file a time of its own (whole seconds, so
 *   that it can be set exactly), later than its recorded one if it had one.
 */

const crypto = require('crypto')
const fs = require('fs')
const path = require('path')

const OWN = 'netlify' // the plugin's part of the cached folder: .archive/netlify/
const SNAPSHOT = 'public' // the last output, hard links to public/'s files
const RECORD = 'public.json' // its files and sizes: { files, bytes, digest }
const STAMPS = 'content.json' // content file → [SHA-1, modification time in seconds]
const ARCHIVE_CACHE = 'cache' // `archive build`'s own cache: .archive/cache/

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'))
  } catch {
    return null
  }
}

function writeJson(file, value) {
  fs.mkdirSync(path.dirname(file), { recursive: true })
  fs.writeFileSync(`${file}.tmp`, JSON.stringify(value))
  fs.renameSync(`${file}.tmp`, file)
}

// Every file under root (relative paths in a fixed order) with its lstat; `folder` is
// called with each folder's relative path before its files.
function* files(root, rel = '', folder = () => {}) {
  const here = rel ? path.join(root, rel) : root
  const names = fs.readdirSync(here).sort()
  for (const name of names) {
    const child = rel ? `${rel}/${name}` : name
    const stat = fs.lstatSync(path.join(root, child))
    if (stat.isDirectory()) {
      folder(child)
      yield* files(root, child, folder)
    } else {
      yield [child, stat]
    }
  }
}

// The files of an output and their sizes, as one digest (what a copy must reproduce).
function listing(root, each = () => {}, folder = () => {}) {
  const digest = crypto.createHash('sha256')
  let count = 0
  let bytes = 0
  for (const [rel, stat] of files(root, '', folder)) {
    digest.update(`${rel}\0${stat.isFile() ? stat.size : 'special'}\n`)
    count += 1
    bytes += stat.size
    each(rel, stat)
  }
  return { files: count, bytes, digest: digest.digest('hex') }
}

// A copy of root at dest made of hard links (a build replaces the files of public/ by
// renaming new ones over them, never by writing into them); copies across devices.
// Returns root's listing.
function linkTree(root, dest) {
  fs.mkdirSync(dest, { recursive: true })
  return listing(root, (rel, stat) => {
    const target = path.join(dest, rel)
    if (stat.isSymbolicLink()) {
      fs.symlinkSync(fs.readlinkSync(path.join(root, rel)), target)
      return
    }
    try {
      fs.linkSync(path.join(root, rel), target)
    } catch {
      fs.copyFileSync(path.join(root, rel), target)
    }
  }, (rel) => fs.mkdirSync(path.join(dest, rel)))
}

// Give each content file the modification time it had in the cached build if its bytes
// are the same, a time of its own otherwise; returns the new record, how many files are
// new or changed and how many are gone.
function stampContent(content, previous) {
  const stamps = {}
  let changed = 0
  if (!fs.existsSync(content)) {
    return { stamps, changed, removed: Object.keys(previous).length }
  }
  for (const [rel, stat] of files(content)) {
    if (!stat.isFile()) {
      continue // the archive names such a file as a problem
    }
    const file = path.join(content, rel)
    const sha1 = crypto.createHash('sha1').update(fs.readFileSync(file)).digest('hex')
    const before = previous[rel]
    let time
    if (before && before[0] === sha1) {
      time = before[1]
    } else {
      changed += 1
      time = Math.floor(stat.mtimeMs / 1000)
      if (before && time <= before[1]) {
        time = before[1] + 1
      }
    }
    const now = fs.statSync(file, { bigint: true }).mtimeNs
    if (now !== BigInt(time) * 1000000000n) {
      fs.utimesSync(file, time, time)
    }
    stamps[rel] = [sha1, time]
  }
  const removed = Object.keys(previous).filter((rel) => !(rel in stamps)).length
  return { stamps, changed, removed }
}

function plural(n, word) {
  return `${n} ${word}${n === 1 ? '' : 's'}`
}

function places(constants, inputs) {
  const work = path.resolve(inputs.cache || '.archive')
  return {
    work,
    own: path.join(work, OWN),
    publish: path.resolve(constants.PUBLISH_DIR || 'public'),
    content: path.resolve(inputs.content || 'content'),
  }
}

// Never leave an output that its cache does not describe: without the archive's cache,
// `archive build` renders everything and replaces the output.
function forgetOutput({ work, own }) {
  fs.rmSync(path.join(work, ARCHIVE_CACHE), { recursive: true, force: true })
  fs.rmSync(path.join(own, SNAPSHOT), { recursive: true, force: true })
  fs.rmSync(path.join(own, RECORD), { force: true })
}

function seconds(start) {
  return `${((Date.now() - start) / 1000).toFixed(1)} s`
}

async function onPreBuild({ constants, inputs, utils }) {
  const start = Date.now()
  const where = places(constants, inputs)
  const { work, own, publish, content } = where
  let summary
  let restored = false
  try {
    restored = await utils.cache.restore(work, { move: true })
  } catch (error) {
    console.log(`archive-cache: could not restore the build cache (${error.message})`)
  }
  if (restored) {
    try {
      const record = readJson(path.join(own, RECORD))
      const snapshot = path.join(own, SNAPSHOT)
      const found = fs.existsSync(snapshot) ? listing(snapshot) : null
      if (record && found && record.digest === found.digest) {
        fs.rmSync(publish, { recursive: true, force: true })
        fs.renameSync(snapshot, publish)
        summary = `Restored the build cache and the last output (${plural(found.files, 'file')}).`
      } else {
        forgetOutput(where)
        summary = 'The cached output does not match its record: it was dropped with the ' +
          'build cache, and the archive builds everything.'
      }
    } catch (error) {
      forgetOutput(where)
      summary = `The build cache could not be used (${error.message}): the archive builds everything.`
    }
  } else {
    summary = 'No build cache (the first build, or the cache was cleared): the archive ' +
      'builds everything.'
  }
  const previous = readJson(path.join(own, STAMPS)) || {}
  const { stamps, changed, removed } = stampContent(content, previous)
  writeJson(path.join(own, STAMPS), stamps)
  if (restored) {
    summary += ` ${plural(changed, 'content file')} new or changed, ${removed} removed ` +
      'since the cached build.'
  }
  console.log(`archive-cache: ${summary} (${seconds(start)})`)
  utils.status.show({ title: 'Archive build cache', summary })
}

// Save .archive/ with a snapshot of the output in Netlify's cache. After a failed build
// too: `archive build` leaves the output and its cache as they were, or drops the cache
// when it stopped while replacing files (the next build then renders everything).
async function save({ constants, inputs, utils }, failed) {
  const start = Date.now()
  const { work, own, publish } = places(constants, inputs)
  if (!fs.existsSync(work)) {
    return
  }
  const snapshot = path.join(own, SNAPSHOT)
  fs.rmSync(snapshot, { recursive: true, force: true })
  fs.rmSync(path.join(own, RECORD), { force: true })
  if (!fs.existsSync(path.join(publish, 'index.html'))) {
    console.log(`archive-cache: ${publish} has no index.html; the output is not cached`)
  } else {
    writeJson(path.join(own, RECORD), linkTree(publish, snapshot))
  }
  const record = readJson(path.join(own, RECORD))
  // Moved, not copied: the snapshot is links, and nothing after the build needs .archive/.
  if (await utils.cache.save(work, { move: true })) {
    const size = record ? ` and the output (${plural(record.files, 'file')}, ` +
      `${(record.bytes / 1e6).toFixed(1)} MB)` : ''
    const when = failed ? ', as the failed build left them,' : ''
    console.log(`archive-cache: saved the build cache${size}${when} for the next build ` +
      `(${seconds(start)})`)
  }
}

async function onPostBuild(context) {
  await save(context, false)
}

async function onError(context) {
  try {
    await save(context, true)
  } catch (error) {
    console.log(`archive-cache: could not save the build cache (${error.message})`)
  }
}

module.exports = { onPreBuild, onPostBuild, onError }
