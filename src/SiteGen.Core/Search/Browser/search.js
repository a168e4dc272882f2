/* SiteGen search runtime. A classic script: no modules, no fetch, no workers, so it works from file://.
   Index files are classic scripts too; each hands its data to SiteGenSearch.manifest/shard/docs/text.
   API: SiteGenSearch.search(query, {filters, sort, page, pageSize}) -> Promise<{total, estimated, exact, results, facets}>;
   filters: {year, type, province, region, publisher}; sort: "relevance" (default) or "date"; pageSize: 10 by default.
   The query engine mirrors src/SiteGen.Core/Search/QueryEngine.cs; FORMAT.md describes both. */
(function () {
  "use strict";
  var api = window.SiteGenSearch = window.SiteGenSearch || {};
  var PAGE_SIZE = 10, K1 = 1.2, B = 0.75, SNIPPET = 60;
  var manifest = null, base = "", shards = {}, blocks = {}, texts = {}, waiting = {};

  /* ---- tokenizer: the same as TextUnits.cs, held to it by tests/vectors/tokenizer.json ---- */
  var UNIT = /[\p{L}\p{N}]/u;
  function normalizeChar(ch) {
    var cp = ch.codePointAt(0);
    if (cp >= 0xFF01 && cp <= 0xFF5E) cp -= 0xFEE0;
    else if (cp === 0x3000) cp = 32;
    if (cp >= 65 && cp <= 90) cp += 32;
    return String.fromCodePoint(cp);
  }
  function normalize(text) {
    var out = "";
    for (var ch of text) out += normalizeChar(ch);
    return out;
  }
  function units(text) {
    var list = [], index = 0;
    for (var ch of text) {
      var n = normalizeChar(ch);
      if (UNIT.test(n)) list.push({ t: n, s: index, e: index + ch.length });
      index += ch.length;
    }
    return list;
  }
  api.normalize = normalize;
  api.units = units;

  /* ---- loading index files ---- */
  function indexPath() {
    if (api.indexUrl) return api.indexUrl;
    var meta = document.querySelector('meta[name="sitegen-search"]');
    if (!meta) throw new Error("no <meta name=\"sitegen-search\"> on this page");
    return meta.getAttribute("content");
  }
  function load(src, key) {
    if (!waiting[key]) {
      waiting[key] = {};
      waiting[key].promise = new Promise(function (resolve, reject) {
        waiting[key].resolve = resolve;
        var script = document.createElement("script");
        script.src = src;
        script.onerror = function () { delete waiting[key]; reject(new Error("could not load " + src)); };
        // A script runs before its load event: if it has not called back by then, it never will.
        script.onload = function () { if (waiting[key] && waiting[key].resolve) { delete waiting[key]; reject(new Error("not an index file: " + src)); } };
        document.head.appendChild(script);
      });
    }
    return waiting[key].promise;
  }
  function arrived(key, value) {
    if (!waiting[key]) { waiting[key] = { promise: Promise.resolve(value) }; return; }
    var resolve = waiting[key].resolve;
    if (resolve) { waiting[key].resolve = null; resolve(value); }
  }
  api.manifest = function (m) { arrived("manifest", m); };
  // Every file but the manifest names itself (its file name without ".js") before its data.
  ["shard", "positions", "chunk", "docs", "values", "text", "head"].forEach(function (kind) {
    api[kind] = function (name, data) { arrived(name, data); };
  });
  function stem(file) { return file.slice(0, -3); }

  function ready() {
    if (manifest) return Promise.resolve(manifest);
    var path = indexPath();
    base = path.slice(0, path.lastIndexOf("/") + 1);
    return load(path, "manifest").then(function (m) {
      if (m.version !== 5 || m.tokenizer !== "sitegen-char-1") throw new Error("unsupported index " + m.version + " " + m.tokenizer);
      // Columns of small numbers become one object per document, as the engine reads them.
      m.docs = [];
      for (var d = 0; d < m.count; d++) {
        var doc = { len: m.columns.len.slice(3 * d, 3 * d + 3) };
        ["year", "province", "type"].forEach(function (name) { doc[name] = m.values[name][m.columns[name][d]]; });
        m.docs.push(doc);
      }
      manifest = m;
      return m;
    });
  }

  /* ---- shards: term -> postings ---- */
  function fnv(term) {
    var h = 0x811c9dc5;
    for (var i = 0; i < term.length; i++) { h ^= term.charCodeAt(i); h = Math.imul(h, 16777619) >>> 0; }
    return h >>> 0;
  }
  function varint(bytes, at) {
    var value = 0, shift = 0, b;
    do { b = bytes[at.i++]; value += (b & 0x7f) * Math.pow(2, shift); shift += 7; } while (b >= 0x80);
    return value;
  }
  function decodeShard(b64) {
    var raw = atob(b64), bytes = new Uint8Array(raw.length);
    for (var i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
    var at = { i: 0 }, count = varint(bytes, at), terms = new Map(), decoder = new TextDecoder();
    for (var t = 0; t < count; t++) {
      var len = varint(bytes, at), term = decoder.decode(bytes.subarray(at.i, at.i + len));
      at.i += len;
      var df = varint(bytes, at), size = varint(bytes, at);
      terms.set(term, { df: df, bytes: bytes, start: at.i, end: at.i + size });
      at.i += size;
    }
    return terms;
  }
  /* A term's documents, with its count in each field. */
  function decodePostings(entry, first) {
    var at = { i: entry.start }, doc = first, list = [];
    while (at.i < entry.end) {
      doc += varint(entry.bytes, at);
      var mask = varint(entry.bytes, at), counts = [0, 0, 0];
      for (var f = 0; f < 3; f++) if (mask & (1 << f)) counts[f] = varint(entry.bytes, at);
      list.push({ doc: doc, counts: counts, fields: null });
    }
    return list;
  }
  /* One document's positions of a pair: per field with a count, that many deltas. */
  function readPositions(counts, bytes, at) {
    var fields = [null, null, null];
    for (var f = 0; f < 3; f++) {
      if (!counts[f]) continue;
      var pos = new Array(counts[f]), p = 0;
      for (var k = 0; k < pos.length; k++) { p += varint(bytes, at); pos[k] = p; }
      fields[f] = pos;
    }
    return fields;
  }
  /* Any file laid out as a shard: s<k>-, p<k>- (a segment's position shard) or c<hash>-<chunk>- (IndexFormat.cs). */
  function shardFile(key) {
    if (shards[key]) return Promise.resolve(shards[key]);
    return load(base + key + ".js", key).then(function (data) {
      return (shards[key] = shards[key] || decodeShard(data));
    });
  }
  /* A segment's shard of a term: s<k>-<generation> (counts) or p<k>-<generation> (positions). */
  function shardName(kind, count, segment, term) { return kind[0] + (fnv(term) % count) + "-" + segment[4]; }
  /* The chunk of each of a pair's documents in a segment, or null when its positions stay in the position shard (IndexFormat.Chunks). */
  function chunks(positions) {
    var total = positions.reduce(function (a, b) { return a + b; }, 0);
    if (total <= manifest.chunkPositions) return null;
    var chunkOf = [], chunk = 0, held = 0;
    positions.forEach(function (n, i) {
      chunkOf[i] = chunk;
      held += n;
      if (held >= manifest.chunkPositions) { chunk++; held = 0; }
    });
    return chunkOf;
  }
  function hex8(h) { return ("0000000" + h.toString(16)).slice(-8); }
  /* Segments are [start, count, shards, positionShards, generation]; a segment's ids count from its start.
     A term's postings in every segment, in id order, with the group of postings whose positions share a file. */
  var lists = {};
  function postings(term) {
    if (lists[term]) return Promise.resolve(lists[term]);
    return Promise.all(manifest.segments.map(function (segment) {
      return segment[2] ? shardFile(shardName("shard", segment[2], segment, term)) : null;
    })).then(function (found) {
      var list = { term: term, postings: [], index: new Map(), groups: [] };
      manifest.segments.forEach(function (segment, s) {
        var entry = found[s] && found[s].get(term);
        if (!entry) return;
        var counts = decodePostings(entry, segment[0]);
        var chunkOf = chunks(counts.map(function (p) { return p.counts[0] + p.counts[1] + p.counts[2]; }));
        counts.forEach(function (p, i) {
          var chunk = chunkOf ? chunkOf[i] : -1;
          if (i === 0 || (chunkOf ? chunkOf[i - 1] : -1) !== chunk) {
            list.groups.push({ chunk: chunk, first: list.postings.length, end: list.postings.length,
              file: chunk < 0 ? shardName("positions", segment[3], segment, term) : "c" + hex8(fnv(term)) + "-" + chunk + "-" + segment[4] });
          }
          p.group = list.groups.length - 1;
          list.groups[p.group].end++;
          list.index.set(p.doc, list.postings.length);
          list.postings.push(p);
        });
      });
      return (lists[term] = list);
    });
  }
  function find(list, doc) { var i = list.index.get(doc); return i === undefined ? null : list.postings[i]; }
  /* Reads the positions of a group's documents from its file. */
  function loadGroup(list, group) {
    return shardFile(group.file).then(function (terms) {
      var entry = terms.get(list.term), at = { i: entry.start };
      for (var i = group.first; i < group.end; i++) list.postings[i].fields = readPositions(list.postings[i].counts, entry.bytes, at);
    });
  }

  /* ---- query language ---- */
  var FILTERS = { year: "year", type: "type", "类型": "type", region: "region", "地区": "region", publisher: "publisher", "发布机构": "publisher", "年度": "year" };
  // Whitespace separates parts: exactly JavaScript's \s, which Query.cs spells out character by character.
  var SPACE = /\s/;
  function parse(query) {
    var parsed = { parts: [], excludes: [], filters: {} }, q = String(query || "").slice(0, 2000), i = 0;
    while (i < q.length) {
      var c = q[i];
      if (SPACE.test(c)) { i++; continue; }
      var negative = false;
      if ((c === "-" || c === "\uff0d") && i + 1 < q.length && !SPACE.test(q[i + 1])) { negative = true; i++; c = q[i]; }
      var text, quoted = false;
      if (c === '"' || c === "\u201c" || c === "\u201d") {
        var close = q.slice(i + 1).search(/["\u201c\u201d]/);
        text = close < 0 ? q.slice(i + 1) : q.slice(i + 1, i + 1 + close);
        i = close < 0 ? q.length : i + close + 2;
        quoted = true;
      } else {
        var end = q.slice(i).search(SPACE);
        text = end < 0 ? q.slice(i) : q.slice(i, i + end);
        i = end < 0 ? q.length : i + end;
        var colon = text.search(/[:：]/);
        if (!negative && colon > 0 && FILTERS[text.slice(0, colon).toLowerCase()] && colon < text.length - 1) {
          parsed.filters[FILTERS[text.slice(0, colon).toLowerCase()]] = text.slice(colon + 1);
          continue;
        }
      }
      var u = units(text).map(function (x) { return x.t; }), list = negative ? parsed.excludes : parsed.parts;
      // A part without units (punctuation only) asks nothing; a repeated part asks nothing new.
      if (u.length === 0 || list.some(function (p) { return p.units.join("") === u.join(""); })) continue;
      list.push({ text: text, units: u, quoted: quoted });
    }
    return parsed;
  }
  api.parse = parse;

  /* ---- matching: where a part's units stand in a row, per document and field ---- */
  /* The pairs that pin down a run of n units: every other pair, and the last one (QueryEngine.CoveringPairs). */
  function coveringPairs(n) {
    var out = [];
    for (var i = 0; i < n - 1; i++) if (i % 2 === 0 || i === n - 2) out.push(i);
    return out;
  }
  /* A part read from the index (PartMatcher.cs): its candidates, the documents holding every pair of its units in
     one field, each with a bound on its count per field (exact for one or two units), and the covering pairs
     whose positions count it exactly in the documents a query checks. */
  function matcher(part) {
    var u = part.units;
    if (u.length <= 2) {
      return postings(u.join("")).then(function (list) {
        var bounds = new Map();
        list.postings.forEach(function (p) { bounds.set(p.doc, p.counts); });
        return { bounds: bounds, covering: [], offsets: [], exact: new Map() };
      });
    }
    var terms = [];
    for (var i = 0; i < u.length - 1; i++) terms.push(u[i] + u[i + 1]);
    return Promise.all(terms.map(postings)).then(function (pairs) {
      var offsets = coveringPairs(u.length), bounds = new Map();
      var rarest = pairs.reduce(function (a, b) { return a.postings.length <= b.postings.length ? a : b; });
      rarest.postings.forEach(function (posting) {
        var bound = posting.counts.slice();
        pairs.forEach(function (pair) {
          var other = find(pair, posting.doc);
          for (var f = 0; f < 3; f++) bound[f] = other ? Math.min(bound[f], other.counts[f]) : 0;
        });
        if (bound[0] || bound[1] || bound[2]) bounds.set(posting.doc, bound);
      });
      return { bounds: bounds, covering: offsets.map(function (o) { return pairs[o]; }), offsets: offsets, exact: new Map() };
    });
  }
  function needsPositions(m, doc) { return m.covering.length > 0 && m.bounds.has(doc); }
  function needsChunk(m, doc) {
    return needsPositions(m, doc) && m.covering.some(function (pair) { return pair.groups[find(pair, doc).group].chunk >= 0; });
  }
  /* Reads, in one batch, the positions counting the matchers in these documents need. */
  function loadPositions(matchers, docs) {
    var wanted = new Map();
    docs.forEach(function (doc) {
      matchers.forEach(function (m) {
        if (!needsPositions(m, doc)) return;
        m.covering.forEach(function (pair) {
          var posting = find(pair, doc);
          if (!posting.fields) wanted.set(pair.term + "\n" + posting.group, [pair, pair.groups[posting.group]]);
        });
      });
    });
    return Promise.all(Array.from(wanted.values()).map(function (w) { return loadGroup(w[0], w[1]); }));
  }
  /* How often the part's units stand in a row in each field of the document (its positions loaded). */
  function count(m, doc) {
    var bound = m.bounds.get(doc);
    if (!bound) return [0, 0, 0];
    if (!m.covering.length) return bound;
    if (m.exact.has(doc)) return m.exact.get(doc);
    var positions = m.covering.map(function (pair) { return find(pair, doc).fields; }), fields = [0, 0, 0];
    for (var f = 0; f < 3; f++) {
      if (positions.some(function (p) { return !p[f]; })) continue;
      var later = positions.slice(1).map(function (p) { return new Set(p[f]); });
      positions[0][f].forEach(function (p) {
        for (var k = 0; k < later.length; k++) if (!later[k].has(p + m.offsets[k + 1])) return;
        fields[f]++;
      });
    }
    m.exact.set(doc, fields);
    return fields;
  }

  function passes(doc, filters, skip) {
    for (var key in filters) {
      if (key === skip) continue;
      var want = filters[key];
      if (key === "year" && String(doc.year) !== String(want)) return false;
      if (key === "type" && doc.type !== want) return false;
      if (key === "province" && doc.province !== want) return false;
      if (key === "region" && !(doc.region || "").split(" ").some(function (r) { return r === want || r.indexOf(want) === 0; })) return false;
      if (key === "publisher" && (doc.publisher || "").indexOf(want) < 0) return false;
    }
    return true;
  }

  function idf(df) { var n = manifest.docs.length; return Math.log(1 + (n - df + 0.5) / (df + 0.5)); }

  function round4(x) { return Math.floor(x * 10000 + 0.5) / 10000; }
  /* BM25 with field weights over each part's count per field. */
  function score(doc, counts, idfs) {
    var d = manifest.docs[doc], total = 0;
    counts.forEach(function (c, p) {
      for (var f = 0; f < 3; f++) {
        var tf = c[f];
        if (!tf) continue;
        var norm = K1 * (1 - B + B * d.len[f] / (manifest.avgLength[f] || 1));
        total += manifest.weights[f] * idfs[p] * tf * (K1 + 1) / (tf + norm);
      }
    });
    return round4(total);
  }

  /* The documents a query may match, checked only as far as the page needs (Evaluation.cs says why this
     gives an exhaustive evaluation's page, and how the total is estimated when some stay unchecked). */
  function evaluation(parts, excludes) {
    return Promise.all(parts.concat(excludes).map(matcher)).then(function (all) {
      var positive = all.slice(0, parts.length), negative = all.slice(parts.length);
      var idfs = positive.map(function (m) { return idf(m.bounds.size); });
      var docs = [];
      if (positive.length) {
        var smallest = positive.reduce(function (a, b) { return a.bounds.size <= b.bounds.size ? a : b; });
        smallest.bounds.forEach(function (_, doc) { if (positive.every(function (m) { return m.bounds.has(doc); })) docs.push(doc); });
        docs.sort(function (a, b) { return a - b; });
      } else {
        docs = manifest.docs.map(function (_, i) { return i; });
      }
      var candidates = docs.filter(function (doc) {
        return !negative.some(function (m) { return m.bounds.has(doc) && !needsPositions(m, doc); });
      });
      var bound = new Map(), checked = new Map(), checkedMatches = 0;
      function check(doc) {
        var counts = positive.map(function (m) { return count(m, doc); });
        var match = counts.every(function (c) { return c[0] || c[1] || c[2]; }) &&
          !negative.some(function (m) { var c = count(m, doc); return c[0] || c[1] || c[2]; });
        checked.set(doc, match ? { doc: doc, score: score(doc, counts, idfs), inBody: counts.some(function (c) { return c[2] > 0; }) } : null);
        if (match) checkedMatches++;
      }
      var free = candidates.filter(function (doc) { return !all.some(function (m) { return needsChunk(m, doc); }); });
      return loadPositions(all, free).then(function () {
        candidates.forEach(function (doc) { bound.set(doc, score(doc, positive.map(function (m) { return m.bounds.get(doc); }), idfs)); });
        free.forEach(check);
        return {
          candidates: candidates,
          possible: function () { return candidates.some(function (d) { return !checked.has(d) || checked.get(d) !== null; }); },
          /* The first `need` matches of the pool: check the best-placed unchecked documents until those are all checked. */
          top: function top(pool, need, byDate) {
            var ranked = [];
            pool.forEach(function (d) {
              if (!checked.has(d)) ranked.push({ doc: d, key: bound.get(d) });
              else if (checked.get(d)) ranked.push({ doc: d, key: checked.get(d).score });
            });
            ranked.sort(byDate ? function (a, b) { return a.doc - b.doc; } : function (a, b) { return b.key - a.key || a.doc - b.doc; });
            var first = ranked.slice(0, need), open = first.filter(function (r) { return !checked.has(r.doc); }).map(function (r) { return r.doc; });
            if (!open.length) return Promise.resolve(first.map(function (r) { return checked.get(r.doc); }));
            return loadPositions(all, open).then(function () { open.forEach(check); return top(pool, need, byDate); });
          },
          /* How many of the documents match: exact when all are checked, else estimated from the checked ones' share. */
          estimate: function (list) {
            var matches = 0, open = 0;
            list.forEach(function (d) { if (!checked.has(d)) open++; else if (checked.get(d)) matches++; });
            if (!open) return { count: matches, estimated: false };
            return { count: Math.floor(matches + open * (checked.size ? checkedMatches / checked.size : 1) + 0.5), estimated: true };
          }
        };
      });
    });
  }

  /* Words of a part, for when the exact text is not found: the same ICU engine .NET uses. */
  function words(text) {
    if (typeof Intl === "undefined" || !Intl.Segmenter) return [];
    var seg = new Intl.Segmenter("zh", { granularity: "word" }), out = [];
    for (var s of seg.segment(text)) if (s.isWordLike && units(s.segment).length) out.push(s.segment);
    return out;
  }

  /* Matches per value under every filter but the facet's own (estimated where the total is). */
  function facet(ev, filters, key, valueOf) {
    var groups = new Map();
    ev.candidates.forEach(function (doc) {
      var d = manifest.docs[doc];
      if (!passes(d, filters, key)) return;
      var v = valueOf(d);
      if (v === null || v === undefined) return;
      v = String(v);
      if (!groups.has(v)) groups.set(v, []);
      groups.get(v).push(doc);
    });
    var out = [];
    groups.forEach(function (docs, v) { var n = ev.estimate(docs).count; if (n > 0) out.push({ value: v, count: n }); });
    return out.sort(function (a, b) { return b.count - a.count || (a.value < b.value ? -1 : 1); });
  }

  /* Region and publisher names are many; only region: and publisher: filters load them. */
  var filterValues = null;
  function loadFilterValues(filters) {
    if (filterValues || !(filters.region || filters.publisher)) return Promise.resolve();
    return load(base + manifest.filterValues, stem(manifest.filterValues)).then(function (file) {
      filterValues = file;
      manifest.docs.forEach(function (doc, d) {
        doc.region = file.values.region[file.columns.region[d]];
        doc.publisher = file.values.publisher[file.columns.publisher[d]];
      });
    });
  }

  api.search = function (query, options) {
    options = options || {};
    var parsed, filters;
    return ready().then(function () {
      parsed = parse(query);
      filters = Object.assign({}, parsed.filters, options.filters || {});
      return loadFilterValues(filters);
    }).then(function () {
      if (!parsed.parts.length && !Object.keys(filters).length) return { query: query, total: 0, estimated: false, exact: true, results: [], facets: {}, words: [] };
      return evaluation(parsed.parts, parsed.excludes).then(function (ev) {
        if (!ev.possible() && parsed.parts.some(function (p) { return !p.quoted && p.units.length > 1; })) {
          var split = [], seen = {};
          parsed.parts.forEach(function (p) {
            (p.quoted ? [p.text] : words(p.text)).forEach(function (w) {
              var u = units(w).map(function (x) { return x.t; });
              if (seen[u.join("")]) return;
              seen[u.join("")] = true;
              split.push({ text: w, units: u, quoted: false });
            });
          });
          if (split.length > parsed.parts.length) {
            return evaluation(split, parsed.excludes).then(function (e) { return finish(e, split, false); });
          }
        }
        return finish(ev, parsed.parts, true);
      });

      function finish(ev, used, exact) {
        var size = Math.max(1, options.pageSize | 0 || PAGE_SIZE);
        var page = Math.max(1, options.page | 0 || 1);
        var pool = ev.candidates.filter(function (d) { return passes(manifest.docs[d], filters); });
        return ev.top(pool, page * size, options.sort === "date").then(function (top) {
          var total = ev.estimate(pool);
          var facets = {
            year: facet(ev, filters, "year", function (d) { return d.year; }),
            province: facet(ev, filters, "province", function (d) { return d.province; }),
            type: facet(ev, filters, "type", function (d) { return d.type; })
          };
          return Promise.all(top.slice((page - 1) * size, page * size).map(function (s) { return result(s, used); })).then(function (results) {
            return { query: query, total: total.count, estimated: total.estimated, exact: exact, page: page, pageSize: size,
              words: used.map(function (p) { return p.text; }), results: results, facets: facets };
          });
        });
      }
    });
  };

  /* ---- results and snippets ---- */
  function loadDisplay(doc) {
    var n = Math.floor(doc / manifest.blockSize);
    if (blocks[n]) return Promise.resolve(blocks[n][doc % manifest.blockSize]);
    return load(base + manifest.blocks[n], stem(manifest.blocks[n])).then(function (list) {
      blocks[n] = list;
      return list[doc % manifest.blockSize];
    });
  }
  function loadText(doc, file) {
    if (texts[doc]) return Promise.resolve(texts[doc]);
    return load(base + file, stem(file)).then(function (t) { return (texts[doc] = t); });
  }
  function loadHead(doc, file) {
    if (texts[doc]) return Promise.resolve(["", texts[doc][1], texts[doc][2], false]);
    return load(base + file, stem(file)).then(function (h) { return [""].concat(h); });
  }
  function escapeHtml(s) {
    return s.replace(/[&<>"']/g, function (c) { return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c]; });
  }
  /* Character ranges of every occurrence of every part in a text. */
  function ranges(text, used) {
    var u = units(text), out = [];
    used.forEach(function (part) {
      var n = part.units.length;
      for (var i = 0; i + n <= u.length; i++) {
        var k = 0;
        while (k < n && u[i + k].t === part.units[k]) k++;
        if (k === n) out.push([u[i].s, u[i + n - 1].e]);
      }
    });
    out.sort(function (a, b) { return a[0] - b[0] || b[1] - a[1]; });
    var merged = [];
    out.forEach(function (r) {
      var last = merged[merged.length - 1];
      if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]); else merged.push(r.slice());
    });
    return merged;
  }
  function highlight(text, marks, from, to) {
    var html = "", at = from;
    marks.forEach(function (r) {
      if (r[1] <= from || r[0] >= to) return;
      var s = Math.max(r[0], from), e = Math.min(r[1], to);
      html += escapeHtml(text.slice(at, s)) + "<mark>" + escapeHtml(text.slice(s, e)) + "</mark>";
      at = e;
    });
    return html + escapeHtml(text.slice(at, to));
  }
  function snippet(text, marks) {
    var body = text.replace(/\s+/g, " ");
    marks = ranges(body, marks);
    var first = marks.length ? marks[0][0] : 0;
    var from = Math.max(0, first - SNIPPET / 2), to = Math.min(body.length, from + SNIPPET * 2);
    return (from > 0 ? "…" : "") + highlight(body, marks, from, to) + (to < body.length ? "…" : "");
  }
  function snippetFromText(fields, inBody, used) {
    return snippet(inBody ? fields[2] : fields[1] || fields[2], used);
  }
  /* The same snippet from the head of the text, or null when the head cannot be sure of it (QueryEngine.cs
     does the same): the window must end before the head does, and no match starting in it may run past. */
  function snippetFromHead(head, inBody, used) {
    if (!head[3]) return snippetFromText(head, inBody, used);
    if (!inBody) return head[1] ? snippet(head[1], used) : null;
    var body = head[2].replace(/\s+/g, " "), marks = ranges(body, used);
    if (!marks.length) return null;
    var from = Math.max(0, marks[0][0] - SNIPPET / 2), to = from + SNIPPET * 2;
    if (to >= body.length || cutMatchStart(body, used) < to) return null;
    return (from > 0 ? "…" : "") + highlight(body, marks, from, to) + "…";
  }
  function cutMatchStart(text, used) {
    var u = units(text), earliest = Infinity;
    used.forEach(function (part) {
      for (var k = Math.min(part.units.length - 1, u.length); k >= 1; k--) {
        var cut = true;
        for (var i = 0; i < k && cut; i++) cut = u[u.length - k + i].t === part.units[i];
        if (cut) earliest = Math.min(earliest, u[u.length - k].s);
      }
    });
    return earliest;
  }
  function result(s, used) {
    var d = manifest.docs[s.doc], shown;
    return loadDisplay(s.doc).then(function (display) {
      shown = { slug: display[0], url: display[1], title: display[2], date: display[3], region: display[5], publisher: display[6] };
      return loadHead(s.doc, display[7]).then(function (head) {
        var fromHead = snippetFromHead(head, s.inBody, used);
        return fromHead !== null ? fromHead : loadText(s.doc, display[4]).then(function (fields) { return snippetFromText(fields, s.inBody, used); });
      });
    }).then(function (snip) {
      return {
        slug: shown.slug, url: shown.url, title: shown.title, date: shown.date, year: d.year, type: d.type,
        publisher: shown.publisher, region: shown.region, score: s.score,
        titleHtml: highlight(shown.title, ranges(shown.title, used), 0, shown.title.length),
        snippet: snip
      };
    });
  }
})();
