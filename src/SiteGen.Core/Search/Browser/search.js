/* SiteGen search runtime. A classic script: no modules, no fetch, no workers, so it works from file://.
   Index files are classic scripts too; each hands its data to SiteGenSearch.manifest/shard/docs/text.
   API: SiteGenSearch.search(query, {filters, sort, page, pageSize}) -> Promise<{total, exact, results, facets}>;
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
  ["shard", "positions", "docs", "values", "text", "head"].forEach(function (kind) {
    api[kind] = function (name, data) { arrived(name, data); };
  });
  function stem(file) { return file.slice(0, -3); }

  function ready() {
    if (manifest) return Promise.resolve(manifest);
    var path = indexPath();
    base = path.slice(0, path.lastIndexOf("/") + 1);
    return load(path, "manifest").then(function (m) {
      if (m.version !== 4 || m.tokenizer !== "sitegen-char-1") throw new Error("unsupported index " + m.version + " " + m.tokenizer);
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
  /* A pair's positions, in the order of its documents and fields, as many as each count says. */
  function addPositions(list, entry) {
    var at = { i: entry.start };
    return list.map(function (posting) {
      var fields = [null, null, null];
      for (var f = 0; f < 3; f++) {
        if (!posting.counts[f]) continue;
        var pos = new Array(posting.counts[f]), p = 0;
        for (var k = 0; k < pos.length; k++) { p += varint(entry.bytes, at); pos[k] = p; }
        fields[f] = pos;
      }
      return { doc: posting.doc, counts: posting.counts, fields: fields };
    });
  }
  /* A segment's shards of documents and counts (s<k>-<generation>) and of pairs' positions (p<k>-<generation>). */
  function shardFor(kind, count, segment, term) {
    var key = kind[0] + (fnv(term) % count) + "-" + segment[4];
    if (shards[key]) return Promise.resolve(shards[key]);
    return load(base + key + ".js", key).then(function (data) {
      return (shards[key] = shards[key] || decodeShard(data));
    });
  }
  /* Segments are [start, count, shards, positionShards, generation]; a segment's ids count from its start. */
  function segmentPostings(segment, term, withPositions) {
    if (!segment[2]) return Promise.resolve([]);
    return shardFor("shard", segment[2], segment, term).then(function (terms) {
      var entry = terms.get(term), list = entry ? decodePostings(entry, segment[0]) : [];
      if (!withPositions || !entry || !segment[3]) return list;
      return shardFor("positions", segment[3], segment, term).then(function (where) {
        var at = where.get(term);
        return at ? addPositions(list, at) : list;
      });
    });
  }
  var decoded = {};
  function postings(term, withPositions) {
    var key = (withPositions ? "+" : "-") + term;
    if (decoded[key]) return Promise.resolve(decoded[key]);
    return Promise.all(manifest.segments.map(function (segment) { return segmentPostings(segment, term, withPositions); }))
      .then(function (lists) { return (decoded[key] = [].concat.apply([], lists)); });
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
  function phrase(part) {
    var u = part.units;
    if (u.length <= 2) {
      // One unit, or one pair: its own counts say how often, and no positions are needed.
      return postings(u.join("")).then(function (list) {
        var hits = new Map();
        list.forEach(function (p) { hits.set(p.doc, p.counts); });
        return hits;
      });
    }
    var offsets = coveringPairs(u.length);
    return Promise.all(offsets.map(function (i) { return postings(u[i] + u[i + 1], true); })).then(function (lists) {
      var byDoc = lists.map(function (list) { var m = new Map(); list.forEach(function (p) { m.set(p.doc, p.fields); }); return m; });
      var rarest = byDoc.reduce(function (a, b) { return a.size <= b.size ? a : b; });
      var hits = new Map();
      Array.from(rarest.keys()).sort(function (a, b) { return a - b; }).forEach(function (doc) {
        if (!byDoc.every(function (m) { return m.has(doc); })) return;
        var fields = [0, 0, 0], found = false;
        for (var f = 0; f < 3; f++) {
          var sets = byDoc.map(function (m) { return m.get(doc)[f]; });
          if (sets.some(function (s) { return !s; })) continue;
          var lookup = sets.map(function (s) { return new Set(s); });
          sets[0].forEach(function (p) {
            for (var k = 1; k < lookup.length; k++) if (!lookup[k].has(p + offsets[k])) return;
            fields[f]++; found = true;
          });
        }
        if (found) hits.set(doc, fields);
      });
      return hits;
    });
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

  function evaluate(parts, excludes, filters) {
    return Promise.all(parts.concat(excludes).map(phrase)).then(function (all) {
      var positive = all.slice(0, parts.length), negative = all.slice(parts.length);
      var candidates;
      if (parts.length) {
        candidates = [];
        positive[0].forEach(function (_, doc) { if (positive.every(function (m) { return m.has(doc); })) candidates.push(doc); });
      } else {
        candidates = manifest.docs.map(function (_, i) { return i; });
      }
      candidates = candidates.filter(function (doc) { return !negative.some(function (m) { return m.has(doc); }); });
      var scored = candidates.map(function (doc) {
        var d = manifest.docs[doc], score = 0;
        positive.forEach(function (hits) {
          var w = idf(hits.size), fields = hits.get(doc);
          for (var f = 0; f < 3; f++) {
            var tf = fields[f];
            if (!tf) continue;
            var norm = K1 * (1 - B + B * d.len[f] / (manifest.avgLength[f] || 1));
            score += manifest.weights[f] * w * tf * (K1 + 1) / (tf + norm);
          }
        });
        var inBody = positive.some(function (hits) { return hits.get(doc)[2] > 0; });
        return { doc: doc, score: Math.round(score * 10000) / 10000, inBody: inBody };
      });
      return scored;
    });
  }

  /* Words of a part, for when the exact text is not found: the same ICU engine .NET uses. */
  function words(text) {
    if (typeof Intl === "undefined" || !Intl.Segmenter) return [];
    var seg = new Intl.Segmenter("zh", { granularity: "word" }), out = [];
    for (var s of seg.segment(text)) if (s.isWordLike && units(s.segment).length) out.push(s.segment);
    return out;
  }

  /* Newest first, as the archive lists them: document ids are in that order. */
  function byDate(a, b) { return a.doc - b.doc; }

  function facet(scored, filters, key, valueOf) {
    var counts = {};
    scored.forEach(function (s) {
      var d = manifest.docs[s.doc];
      if (!passes(d, filters, key)) return;
      var v = valueOf(d);
      if (v !== null && v !== undefined) counts[v] = (counts[v] || 0) + 1;
    });
    return Object.keys(counts).sort(function (a, b) { return counts[b] - counts[a] || (a < b ? -1 : 1); })
      .map(function (v) { return { value: v, count: counts[v] }; });
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
      if (!parsed.parts.length && !Object.keys(filters).length) return { query: query, total: 0, exact: true, results: [], facets: {}, words: [] };
      return evaluate(parsed.parts, parsed.excludes, filters).then(function (scored) {
        var exact = true, used = parsed.parts;
        if (!scored.length && parsed.parts.some(function (p) { return !p.quoted && p.units.length > 1; })) {
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
            exact = false; used = split;
            return evaluate(split, parsed.excludes, filters).then(function (s) { return finish(s, used, exact); });
          }
        }
        return finish(scored, used, exact);
      });

      function finish(scored, used, exact) {
        var facets = {
          year: facet(scored, filters, "year", function (d) { return d.year; }),
          province: facet(scored, filters, "province", function (d) { return d.province; }),
          type: facet(scored, filters, "type", function (d) { return d.type; })
        };
        var matching = scored.filter(function (s) { return passes(manifest.docs[s.doc], filters); });
        matching.sort(options.sort === "date" ? byDate : function (a, b) { return b.score - a.score || byDate(a, b); });
        var size = Math.max(1, options.pageSize | 0 || PAGE_SIZE);
        var page = Math.max(1, options.page | 0 || 1), slice = matching.slice((page - 1) * size, page * size);
        return Promise.all(slice.map(function (s) { return result(s, used); })).then(function (results) {
          return { query: query, total: matching.length, exact: exact, page: page, pageSize: size,
            words: used.map(function (p) { return p.text; }), results: results, facets: facets };
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
