/* SiteGen search runtime. A classic script: no modules, no fetch, no workers, so it works from file://.
   Index files are classic scripts too; each hands its data to SiteGenSearch.manifest/shard/head/text and kin.
   API: SiteGenSearch.search(query, {filters, sort, page, pageSize, counts}) -> Promise<{total, estimated, exact, results, facets}>;
   filters: {year, type, province, region, publisher}; sort: "relevance" (default) or "date"; pageSize: 10 by default;
   counts: "auto" (exact when that reads few more files, else estimated), "exact" or "estimate".
   The query engine mirrors src/SiteGen.Core/Search/Reader/QueryEngine.cs; Search/Format/FORMAT.md describes both. */
(function () {
  "use strict";
  var api = window.SiteGenSearch = window.SiteGenSearch || {};
  var PAGE_SIZE = 10, K1 = 1.2, B = 0.75, SNIPPET = 60;
  var manifest = null, base = "", shards = {}, heads = {}, texts = {}, waiting = {};

  /* ---- tokenizer: the same as TextUnits.cs, held to it by tests/vectors/tokenizer.json ---- */
  /* Letters and digits are units; punctuation and symbols are breaks between them; anything else is nothing. */
  var UNIT = /[\p{L}\p{N}]/u, BREAK = /[\p{P}\p{S}]/u;
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
    var at = unitReader(text);
    for (var i = 0; at(i); i++);
    return at.list;
  }
  /* A text's units taken apart only as far as asked: at(i) is unit i ({t, s, e, b}: b when a break stands before it), or null past the end. */
  function unitReader(text) {
    var list = [], chars = text[Symbol.iterator](), index = 0, done = false, broken = false;
    function at(i) {
      while (list.length <= i && !done) {
        var step = chars.next();
        if (step.done) { done = true; break; }
        var ch = step.value, n = normalizeChar(ch);
        if (UNIT.test(n)) { list.push({ t: n, s: index, e: index + ch.length, b: broken && list.length > 0 }); broken = false; }
        else if (BREAK.test(n)) broken = true;
        index += ch.length;
      }
      return i < list.length ? list[i] : null;
    }
    at.list = list;
    return at;
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
  ["shard", "positions", "chunk", "dictionary", "columns", "values", "text", "head"].forEach(function (kind) {
    api[kind] = function (name, data) { arrived(name, data); };
  });
  function stem(file) { return file.slice(0, -3); }

  function ready() {
    if (manifest) return Promise.resolve(manifest);
    var path = indexPath();
    base = path.slice(0, path.lastIndexOf("/") + 1);
    return load(path, "manifest").then(function (m) {
      if (m.version !== 16 || m.tokenizer !== "sitegen-char-2") throw new Error("unsupported index " + m.version + " " + m.tokenizer);
      manifest = m;
      return m;
    });
  }

  /* ---- segments: [start, count, shards, positionShards, generation, {year, province, type: [value, count, ...]}, patch?] ---- */
  var columns = {}, layerColumns = {}, layerRows = {};
  function segmentOf(doc) {
    var low = 0, high = manifest.segments.length - 1;
    while (low < high) {
      var middle = (low + high + 1) >> 1;
      if (manifest.segments[middle][0] <= doc) low = middle; else high = middle - 1;
    }
    return low;
  }
  /* The files that hold a segment's documents: its own (which 0), or a patched segment's base (0) and delta (1), the
     delta's documents replacing the base's at `ids` (FORMAT.md, Patches). */
  function layerOf(s, which) {
    var seg = manifest.segments[s], p = seg[6];
    if (!p) return { shards: seg[2], positionShards: seg[3], generation: seg[4], ids: null };
    return which === 0 ? { shards: p[0], positionShards: p[1], generation: p[2], ids: null } : { shards: p[3], positionShards: p[4], generation: p[5], ids: p[6] };
  }
  /* The lengths a columns file's codes stand for (Bm25.Lengths: exact to 64, then steps of a sixteenth). */
  var LENGTHS = (function () {
    var t = [];
    for (var c = 0; c < 256; c++) t.push(c <= 64 ? c : t[c - 1] + Math.floor(t[c - 1] / 16));
    return t;
  })();
  /* One layer's columns file: each document {year, province, type, len: [title, meta, body]}. */
  function loadLayerColumns(s, which) {
    var key = s + "/" + which;
    if (!layerColumns[key]) {
      var layer = layerOf(s, which), file = "m-" + layer.generation, n = layer.ids ? layer.ids.length : manifest.segments[s][1];
      layerColumns[key] = load(base + file + ".js", file).then(function (data) {
        var c = decodeColumns(data, true), docs = [];
        for (var d = 0; d < n; d++) {
          var doc = { len: [LENGTHS[c.len[3 * d]], LENGTHS[c.len[3 * d + 1]], LENGTHS[c.len[3 * d + 2]]] };
          ["year", "province", "type"].forEach(function (name) { doc[name] = c.values[name][c.columns[name][d]]; });
          docs.push(doc);
        }
        return (layerRows[key] = docs);
      }).catch(function (e) { delete layerColumns[key]; throw e; });
    }
    return layerColumns[key];
  }
  /* A segment's documents: its columns file's, or its base's with its delta's in the places they replace. */
  function loadColumns(s) {
    if (columns[s]) return Promise.resolve(columns[s]);
    var p = manifest.segments[s][6];
    return Promise.all(p ? [loadLayerColumns(s, 0), loadLayerColumns(s, 1)] : [loadLayerColumns(s, 0)]).then(function (layers) {
      var docs = layers[0];
      if (p) { docs = docs.slice(); p[6].forEach(function (local, i) { docs[local] = layers[1][i]; }); }
      return (columns[s] = docs);
    });
  }
  /* A document of a segment already read. */
  function docOf(doc) { var s = segmentOf(doc); return columns[s][doc - manifest.segments[s][0]]; }
  function valueName(column, number) { var v = manifest.values[column][number]; return v === null || v === undefined ? null : String(v); }

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
  /* Binary data as a string (IndexFormat.Literal): 15 bits a character, low bit first, the character's two bytes being
     0x21 + value / 182 and 0x21 + value % 182; a last character of value 32768 or more holds value - 32768 in 7 bits
     or fewer, and its padding is not one more byte. */
  function literalValue(c) { return ((c >> 8) - 0x21) * 182 + (c & 0xff) - 0x21; }
  function bytesOf(text) {
    var last = text.length - 1, isShort = last >= 0 && literalValue(text.charCodeAt(last)) >= 32768;
    var bytes = new Uint8Array(Math.floor((text.length * 15 - (isShort ? 8 : 0)) / 8)), pending = 0, bits = 0, n = 0;
    for (var i = 0; i <= last; i++) {
      pending |= (literalValue(text.charCodeAt(i)) - (isShort && i === last ? 32768 : 0)) << bits;
      for (bits += 15; bits >= 8 && n < bytes.length; bits -= 8) { bytes[n++] = pending & 0xff; pending >>>= 8; }
    }
    return bytes;
  }
  /* Packed data (IndexFormat.Packed): raw DEFLATE (RFC 1951), inflated here rather than by DecompressionStream, which
     browsers before 2023 (Safari 16.4, Firefox 113, Chrome 103) lack for "deflate-raw", and which takes several tasks
     a file where this takes one call. */
  var LENGTH_BASE = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258];
  var LENGTH_EXTRA = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0];
  var DISTANCE_BASE = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577];
  var CODE_LENGTH_ORDER = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15];
  /* A canonical Huffman code as one table indexed by the next `bits` bits of input (low bit first): symbol << 4 | length. */
  function huffman(lengths) {
    var bits = 0, count = [], next = [], code = 0, i;
    for (i = 0; i <= 15; i++) count[i] = 0;
    lengths.forEach(function (l) { count[l]++; if (l > bits) bits = l; });
    count[0] = 0;
    for (i = 1; i <= 15; i++) { code = (code + count[i - 1]) << 1; next[i] = code; }
    var table = new Int32Array(1 << bits);
    lengths.forEach(function (l, symbol) {
      if (!l) return;
      var c = next[l]++, reversed = 0;
      for (var k = 0; k < l; k++) { reversed = (reversed << 1) | (c & 1); c >>= 1; }
      for (var at = reversed; at < table.length; at += 1 << l) table[at] = (symbol << 4) | l;
    });
    return { table: table, bits: bits };
  }
  var FIXED = (function () {
    var lengths = [];
    for (var i = 0; i < 288; i++) lengths.push(i < 144 ? 8 : i < 256 ? 9 : i < 280 ? 7 : 8);
    var distances = [];
    for (i = 0; i < 30; i++) distances.push(5);
    return [huffman(lengths), huffman(distances)];
  })();
  function inflate(input) {
    // .NET's DeflateStream writes nothing at all for nothing, and reads nothing back as nothing.
    if (!input.length) return input;
    var out = new Uint8Array(Math.max(1024, input.length * 4)), n = 0, at = 0, buffer = 0, held = 0;
    // Past the end reads zeros: a code may look ahead of the last one. Far past it, the data is damaged (and would loop).
    function need(k) {
      while (held < k) {
        if (at >= input.length + 4) throw new Error("damaged index file");
        buffer |= (at < input.length ? input[at] : 0) << held; at++; held += 8;
      }
    }
    function take(k) { need(k); var v = buffer & ((1 << k) - 1); buffer >>>= k; held -= k; return v; }
    function decode(code) {
      need(code.bits);
      var entry = code.table[buffer & ((1 << code.bits) - 1)], l = entry & 15;
      if (!l) throw new Error("damaged index file");
      buffer >>>= l; held -= l;
      return entry >> 4;
    }
    function room(k) {
      if (n + k <= out.length) return;
      var grown = new Uint8Array(Math.max(out.length * 2, n + k));
      grown.set(out.subarray(0, n));
      out = grown;
    }
    var last;
    do {
      last = take(1);
      var type = take(2), codes;
      if (type === 0) {
        take(held & 7);
        var length = take(16);
        take(16);
        room(length);
        for (var i = 0; i < length; i++) out[n++] = take(8);
        continue;
      }
      if (type === 1) codes = FIXED;
      else if (type === 2) codes = dynamicCodes();
      else throw new Error("damaged index file");
      for (;;) {
        var symbol = decode(codes[0]);
        if (symbol < 256) { room(1); out[n++] = symbol; continue; }
        if (symbol === 256) break;
        symbol -= 257;
        var len = LENGTH_BASE[symbol] + take(LENGTH_EXTRA[symbol]);
        var d = decode(codes[1]);
        var distance = DISTANCE_BASE[d] + take(d < 4 ? 0 : (d >> 1) - 1);
        if (distance > n) throw new Error("damaged index file");
        room(len);
        for (var j = 0; j < len; j++, n++) out[n] = out[n - distance];
      }
    } while (!last);
    return out.subarray(0, n);
    function dynamicCodes() {
      var literals = take(5) + 257, distances = take(5) + 1, lengthCodes = take(4) + 4, lengths = [], i;
      for (i = 0; i < 19; i++) lengths[i] = 0;
      for (i = 0; i < lengthCodes; i++) lengths[CODE_LENGTH_ORDER[i]] = take(3);
      var lengthCode = huffman(lengths), all = [];
      while (all.length < literals + distances) {
        var symbol = decode(lengthCode);
        if (symbol < 16) all.push(symbol);
        else {
          var repeat = symbol === 16 ? 3 + take(2) : symbol === 17 ? 3 + take(3) : 11 + take(7);
          var value = symbol === 16 ? all[all.length - 1] : 0;
          while (repeat--) all.push(value);
        }
      }
      return [huffman(all.slice(0, literals)), huffman(all.slice(literals))];
    }
  }
  function unpack(text) { return inflate(bytesOf(text)); }
  /* Packed text (heads, texts, columns' values) is coded text (TextCode.cs): one byte for each of the alphabet's first
     160 characters, two for its others and the characters of TEXT_ZONES, else 255 and a code point in three bytes. The
     alphabet (Format/alphabet.json) takes the place of the placeholder below as the site is built (SearchRuntime.cs). */
  var ALPHABET = "$ALPHABET", TEXT_ZONES = [0x4E00, 0xA000, 0x3000, 0x3040, 0xFF00, 0xFFF0, 0x2000, 0x2070, 0xA0, 0x100, 0x2460, 0x2500];
  var textChars = null;
  function textOf(bytes) {
    if (!textChars) {
      textChars = [];
      for (var a = 0; a < ALPHABET.length; a++) textChars.push(ALPHABET.charCodeAt(a));
      for (var z = 0; z < TEXT_ZONES.length; z += 2) for (var c = TEXT_ZONES[z]; c < TEXT_ZONES[z + 1]; c++) textChars.push(c);
    }
    var out = "", units = [], i = 0, n = bytes.length;
    while (i < n) {
      var b = bytes[i++], code;
      if (b < 160) units.push(textChars[b]);
      else if (b < 255) {
        code = i < n ? 160 + ((b - 160) << 8 | bytes[i++]) : Infinity;
        if (!(code < textChars.length)) throw new Error("damaged index file");
        units.push(textChars[code]);
      } else {
        code = i + 3 <= n ? bytes[i] << 16 | bytes[i + 1] << 8 | bytes[i + 2] : Infinity;
        if (!(code <= 0x10FFFF)) throw new Error("damaged index file");
        i += 3;
        if (code > 0xFFFF) units.push(0xD800 + ((code - 0x10000) >> 10), 0xDC00 + ((code - 0x10000) & 0x3FF));
        else units.push(code);
      }
      if (units.length >= 4096) { out += String.fromCharCode.apply(null, units); units = []; }
    }
    return out + String.fromCharCode.apply(null, units);
  }
  function unpackJson(text) { return codedJson(unpack(text)); }
  function codedJson(bytes) { return JSON.parse(textOf(bytes)); }
  /* A columns file's packed data (ColumnsCode.cs): its values as JSON, each column's numbers in turn, and in a
     segment's file (scored) three length codes a document. */
  function decodeColumns(text, scored) {
    var bytes = unpack(text), at = { i: 0 }, size = varint(bytes, at);
    var values = codedJson(bytes.subarray(at.i, at.i + size));
    at.i += size;
    var count = varint(bytes, at), columns = {};
    Object.keys(values).forEach(function (name) {
      var column = columns[name] = [];
      for (var d = 0; d < count; d++) column.push(varint(bytes, at));
    });
    if (scored ? at.i + 3 * count !== bytes.length : at.i !== bytes.length) throw new Error("damaged index file");
    return { values: values, columns: columns, len: scored ? bytes.subarray(at.i) : null };
  }
  /* A term as the files hold it: UTF-8 bytes. */
  function utf8(text) {
    var out = [];
    for (var ch of text) {
      var c = ch.codePointAt(0);
      if (c < 0x80) out.push(c);
      else if (c < 0x800) out.push(0xc0 | c >> 6, 0x80 | c & 63);
      else if (c < 0x10000) out.push(0xe0 | c >> 12, 0x80 | c >> 6 & 63, 0x80 | c & 63);
      else out.push(0xf0 | c >> 18, 0x80 | c >> 12 & 63, 0x80 | c >> 6 & 63, 0x80 | c & 63);
    }
    return out;
  }
  /* Terms in ordinal order, each followed by data that `skip` passes over and `entry` reads (IndexFormat.Terms).
     A file holds hundreds of terms and a query asks it for one or two: each is found by comparing its UTF-8 bytes as
     the file is scanned, and only the terms asked for are decoded (decoding every term of every file a cold query
     loads took 10–60 ms of the page's thread at 10,000 reports, and left that much garbage). */
  function termTable(bytes, skip, entry) {
    var found = new Map();
    function lookup(term) {
      var want = utf8(term), at = { i: 0 }, count = varint(bytes, at);
      for (var t = 0; t < count; t++) {
        var len = varint(bytes, at), same = len === want.length;
        for (var k = 0; same && k < len; k++) same = bytes[at.i + k] === want[k];
        at.i += len;
        if (same) return entry(bytes, at);
        skip(bytes, at);
      }
      return undefined;
    }
    return {
      get: function (term) {
        if (!found.has(term)) found.set(term, lookup(term));
        return found.get(term);
      },
      has: function (term) { return this.get(term) !== undefined; }
    };
  }
  function decodeShard(bytes) {
    return termTable(bytes, function (bytes, at) {
      varint(bytes, at);
      var size = varint(bytes, at); // read before at.i is: `at.i += varint(…)` would add to the old offset
      at.i += size;
    }, function (bytes, at) {
      var df = varint(bytes, at), size = varint(bytes, at);
      return { df: df, bytes: bytes, start: at.i, end: at.i + size };
    });
  }
  /* A dictionary shard: per term, per segment that has it, [segment, documents, stored bound]. */
  function decodeDictionary(bytes) {
    return termTable(bytes, function (bytes, at) {
      for (var k = varint(bytes, at) * 3; k > 0; k--) varint(bytes, at);
    }, function (bytes, at) {
      var n = varint(bytes, at), list = [], segment = 0;
      for (var k = 0; k < n; k++) { segment += varint(bytes, at); list.push([segment, varint(bytes, at), varint(bytes, at)]); }
      return list;
    });
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
  /* Positions' bits (PositionCode.cs): Rice-coded gaps, low bit first, k from the count and the field's kept length. */
  function riceParameter(count, length) { return length < count ? 0 : 31 - Math.clz32(Math.floor(length / count)); }
  function bitReader(bytes, start) {
    var at = start * 8;
    return function (k) {
      var ones = 0, rest = 0, got = 0, off, bits;
      // The 1 bits a byte at a time: those left in the byte, low first, until a 0.
      for (;;) {
        off = at & 7; bits = ~(bytes[at >>> 3] >>> off) & (0xff >>> off);
        if (bits) { var run = 31 - Math.clz32(bits & -bits); ones += run; at += run + 1; break; }
        ones += 8 - off; at += 8 - off;
      }
      for (; got < k; got += bits) {
        off = at & 7; bits = Math.min(8 - off, k - got);
        rest |= ((bytes[at >>> 3] >>> off) & ((1 << bits) - 1)) << got;
        at += bits;
      }
      return ones * Math.pow(2, k) + rest;
    };
  }
  /* One document's positions of a pair: per field with a count, that many gaps. */
  function readPositions(counts, lengths, read) {
    var fields = [null, null, null];
    for (var f = 0; f < 3; f++) {
      if (!counts[f]) continue;
      var pos = new Array(counts[f]), p = 0, k = riceParameter(counts[f], lengths[f]);
      for (var n = 0; n < pos.length; n++) { p += read(k); pos[n] = p; }
      fields[f] = pos;
    }
    return fields;
  }
  /* Any file laid out as a shard: s<k>- (packed counts), p<k>- (a segment's position shard) or c<hash>-<chunk>- (IndexFormat.cs). */
  function shardFile(key) {
    if (!shards[key]) {
      shards[key] = load(base + key + ".js", key).then(function (data) {
        return (key[0] === "s" ? unpack(data) : bytesOf(data));
      }).then(decodeShard).catch(function (e) { delete shards[key]; throw e; });
    }
    return shards[key];
  }
  /* A layer's shard of a term: s<k>-<generation> (counts) or p<k>-<generation> (positions). */
  function shardName(kind, count, generation, term) { return kind[0] + (fnv(term) % count) + "-" + generation; }
  /* How a pair's documents in a segment are cut into chunks, or null when its positions stay in the position shard
     (IndexFormat.Chunks): best score first, ties by lower id, a chunk closing once it holds chunkPositions unless
     fewer than half that many are left, which the last chunk takes. */
  function chunks(positions, score, chunkPositions) {
    var total = positions.reduce(function (a, b) { return a + b; }, 0);
    if (total <= chunkPositions) return null;
    var order = positions.map(function (_, i) { return i; }), scores = order.map(score);
    order.sort(function (a, b) { return scores[b] - scores[a] || a - b; });
    var chunkOf = [], chunk = 0, held = 0, left = total;
    order.forEach(function (i) {
      chunkOf[i] = chunk;
      held += positions[i];
      left -= positions[i];
      if (held >= chunkPositions && left * 2 >= chunkPositions) { chunk++; held = 0; }
    });
    return { order: order, chunkOf: chunkOf };
  }
  function hex8(h) { return ("0000000" + h.toString(16)).slice(-8); }
  /* A term's entry in the dictionary: per segment, its documents there and the best score before idf one gets (0: none).
     A patched index's override of a term (manifest.dictionary[2], [3]) stands in for the dictionary's entry. */
  var dictionaries = {}, stats = {};
  function dictionaryShard(shards, generation, term) {
    var file = "dict" + (fnv(term) % shards) + "-" + generation;
    if (!dictionaries[file]) {
      dictionaries[file] = load(base + file + ".js", file).then(unpack).then(decodeDictionary)
        .catch(function (e) { delete dictionaries[file]; throw e; });
    }
    return dictionaries[file];
  }
  function termStats(term) {
    if (stats[term]) return Promise.resolve(stats[term]);
    var d = manifest.dictionary;
    if (!d[0] && manifest.segments.length === 1) {
      // An index of one segment has no dictionary: the segment's count shard tells the term's documents.
      return postings(term, 0).then(function (list) {
        var n = list.postings.length;
        return (stats[term] = { docCounts: [n], bounds: [0], documents: n });
      });
    }
    var overridden = d.length > 2 ? dictionaryShard(d[2], d[3], term) : Promise.resolve(new Map());
    return overridden.then(function (terms) {
      return terms.has(term) || !d[0] ? terms : dictionaryShard(d[0], d[1], term);
    }).then(function (terms) {
      var n = manifest.segments.length, st = { docCounts: new Array(n).fill(0), bounds: new Array(n).fill(0), documents: 0 };
      (terms.get(term) || []).forEach(function (e) { st.docCounts[e[0]] = e[1]; st.bounds[e[0]] = e[2]; st.documents += e[1]; });
      return (stats[term] = st);
    });
  }
  /* A term's postings in one segment, with the groups of postings whose positions share a file, each in the file's order.
     A patched segment's groups name the files a cold build makes (what a query counts); its postings' positions are
     read from its base's or delta's (`source`). */
  var lists = {};
  function postings(term, s) {
    var key = term + "\n" + s, seg = manifest.segments[s], p = seg[6];
    if (lists[key]) return lists[key];
    var logical = { shards: seg[2], positionShards: seg[3], generation: seg[4] };
    function lengthOf(doc) { return docOf(doc).len; }
    var made = !p ? layerPostings(term, s, 0, lengthOf, function () { return loadColumns(s); }) : Promise.all([
      layerPostings(term, s, 0, function (doc) { return layerRows[s + "/0"][doc - seg[0]].len; }, function () { return loadLayerColumns(s, 0); }),
      layerPostings(term, s, 1, function (doc) { return layerRows[s + "/1"][p[6].indexOf(doc - seg[0])].len; }, function () { return loadLayerColumns(s, 1); })
    ]).then(function (layers) {
      var all = [];
      layers.forEach(function (list, which) {
        list.postings.forEach(function (x) {
          if (which === 1 || p[6].indexOf(x.doc - seg[0]) < 0) all.push({ doc: x.doc, counts: x.counts, fields: null, source: list });
        });
      });
      all.sort(function (a, b) { return a.doc - b.doc; });
      return grouped(term, all, logical, lengthOf, function () { return loadColumns(s); });
    });
    return (lists[key] = made.catch(function (e) { delete lists[key]; throw e; }));
  }
  /* A term's postings in one layer of a segment, their ids counted from the segment's start. */
  function layerPostings(term, s, which, lengthOf, ensure) {
    var layer = layerOf(s, which), first = manifest.segments[s][0];
    return (layer.shards ? shardFile(shardName("shard", layer.shards, layer.generation, term)) : Promise.resolve(null)).then(function (found) {
      var entry = found && found.get(term), all = entry ? decodePostings(entry, 0) : [];
      all.forEach(function (x) { x.doc = first + (layer.ids ? layer.ids[x.doc] : x.doc); });
      return grouped(term, all, layer, lengthOf, ensure);
    });
  }
  /* Postings grouped by the file of `files` that holds their positions; `ensure` loads the columns `lengthOf` reads.
     The groups are worked out when first asked for (groupsOf): only a covering pair of a part of three or more units
     ever reads positions, and a chunked pair's order scores and sorts every posting of it in the segment. */
  function grouped(term, all, files, lengthOf, ensure) {
    var list = { term: term, postings: all, index: new Map(), groups: null, files: files, lengthOf: lengthOf, ensure: ensure };
    list.postings.forEach(function (p, i) { list.index.set(p.doc, i); });
    var chunked = 0;
    list.postings.forEach(function (p) { chunked += p.counts[0] + p.counts[1] + p.counts[2]; });
    // A chunked pair's order needs its documents' lengths: the segment's columns, which reading it loads anyway.
    return (chunked > manifest.chunkPositions ? ensure() : Promise.resolve()).then(function () { return list; });
  }
  function groupsOf(list) {
    if (list.groups) return list.groups;
    var term = list.term, files = list.files, groups = list.groups = [];
    var positions = list.postings.map(function (p) { return p.counts[0] + p.counts[1] + p.counts[2]; });
    var layout = chunks(positions, function (i) { var p = list.postings[i]; return beforeIdf(p.counts, list.lengthOf(p.doc)); }, manifest.chunkPositions);
    (layout ? layout.order : positions.map(function (_, i) { return i; })).forEach(function (i) {
      var chunk = layout ? layout.chunkOf[i] : -1, last = groups[groups.length - 1];
      if (!last || last.chunk !== chunk) {
        groups.push({ chunk: chunk, members: [],
          file: chunk < 0 ? shardName("positions", files.positionShards, files.generation, term) : "c" + hex8(fnv(term)) + "-" + chunk + "-" + files.generation });
      }
      groups[groups.length - 1].members.push(i);
      list.postings[i].group = groups.length - 1;
    });
    return groups;
  }
  /* The group of the file holding a posting's positions. */
  function groupOf(list, posting) { return groupsOf(list)[posting.group]; }
  function find(list, doc) { var i = list.index.get(doc); return i === undefined ? null : list.postings[i]; }
  /* Reads the positions of a group's documents from its file. */
  function loadGroup(list, group) {
    // Reading positions takes the documents' lengths: the columns beside the file.
    return Promise.all([shardFile(group.file), list.ensure()]).then(function (loaded) {
      var entry = loaded[0].get(list.term), read = bitReader(entry.bytes, entry.start);
      group.members.forEach(function (i) { var p = list.postings[i]; p.fields = readPositions(p.counts, list.lengthOf(p.doc), read); });
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
      var p = part(text, quoted), list = negative ? parsed.excludes : parsed.parts;
      // A part without units (punctuation only) asks nothing; a repeated part asks nothing new.
      if (p.units.length === 0 || list.some(function (q) { return q.key === p.key; })) continue;
      list.push(p);
    }
    return parsed;
  }
  api.parse = parse;
  /* The algorithms C# shares with this file, for tests/vectors/format.json. */
  api.contract = {
    fnv: fnv, length: function (code) { return LENGTHS[code]; }, round4: round4, idf: idfOf, bm25: bm25,
    varint: function (bytes) { return varint(Uint8Array.from(bytes), { i: 0 }); }, bytesOf: function (text) { return Array.from(bytesOf(text)); },
    columns: function (literal, scored) { var c = decodeColumns(literal, scored); return { values: c.values, columns: c.columns, len: c.len && Array.from(c.len) }; },
    text: function (bytes) { return textOf(Uint8Array.from(bytes)); },
    inflate: function (literal) { return Array.prototype.map.call(unpack(literal), function (b) { return (b < 16 ? "0" : "") + b.toString(16); }).join(""); },
    positions: function (bytes, docs) {
      var read = bitReader(Uint8Array.from(bytes), 0);
      return docs.map(function (d) { return readPositions(d.counts, d.lengths, read); });
    },
    chunks: function (positions, scores, chunkPositions) { return chunks(positions, function (i) { return scores[i]; }, chunkPositions); },
    terms: function (bytes, kind, lookups) {
      var table = (kind === "dictionary" ? decodeDictionary : decodeShard)(Uint8Array.from(bytes));
      return lookups.map(function (term) {
        var e = table.get(term);
        return e === undefined ? null : kind === "dictionary" ? e : [e.start, e.end];
      });
    }
  };
  /* A query part (QueryPart.cs): its units, whether a break stands before each, and its key (a space for each break). */
  function part(text, quoted) {
    var u = units(text);
    return { text: text, quoted: quoted, units: u.map(function (x) { return x.t; }), breaks: u.map(function (x) { return x.b; }),
      key: u.map(function (x) { return (x.b ? " " : "") + x.t; }).join("") };
  }
  /* Whether the text's units from i on match the part's: the same units, and no break in the text where the query has none (TextUnits.Matches). */
  function matchesFrom(at, i, p, n) {
    for (var k = 0; k < n; k++) {
      var u = at(i + k);
      if (!u || u.t !== p.units[k] || (k > 0 && u.b && !p.breaks[k])) return false;
    }
    return true;
  }
  /* The terms a part reads, pair by pair: its tight pair and, where the query has a break, its broken one too (IndexFormat.PartTerms). */
  function partTerms(p) {
    var u = p.units, out = [];
    if (u.length === 1) return [[u[0]]];
    for (var i = 0; i < u.length - 1; i++) out.push(p.breaks[i + 1] ? [u[i] + u[i + 1], u[i] + " " + u[i + 1]] : [u[i] + u[i + 1]]);
    return out;
  }
  /* ---- matching: where a part's units stand in a row, per document and field ---- */
  /* The pairs that pin down a run of n units: every other pair, and the last one (QueryEngine.CoveringPairs). */
  function coveringPairs(n) {
    var out = [];
    for (var i = 0; i < n - 1; i++) if (i % 2 === 0 || i === n - 2) out.push(i);
    return out;
  }
  /* A part read from the index (PartMatcher.cs): from the dictionary, its document frequency and per segment how many
     documents may hold it and the best score before idf; per segment read, its candidates, the documents holding every
     pair of its units in one field, each with a bound on its count per field (exact for one or two units), and the
     covering pairs whose positions count it exactly in the documents a query checks. */
  function matcher(part) {
    var slots = partTerms(part);
    return Promise.all(slots.map(function (terms) { return Promise.all(terms.map(termStats)).then(sumStats); })).then(function (st) {
      function least(f) { return Math.min.apply(null, st.map(f)); }
      var m = {
        documents: Math.min(manifest.count, least(function (x) { return x.documents; })),
        documentsIn: function (s) { return least(function (x) { return x.docCounts[s]; }); },
        boundIn: function (s) { return least(function (x) { return x.bounds[s]; }); },
        bounds: new Map(), covering: {}, offsets: part.units.length > 2 ? coveringPairs(part.units.length) : [], exact: new Map(),
        terms: [].concat.apply([], slots)
      };
      /* Reads the part's counts in a segment; resolves to the segment's candidates, in id order. */
      m.read = function (s) {
        return Promise.all(slots.map(function (terms) { return Promise.all(terms.map(function (t) { return postings(t, s); })); })).then(function (pairs) {
          if (m.offsets.length) m.covering[s] = m.offsets.map(function (o) { return pairs[o]; });
          var counts = pairs.map(pairCounts), found = [];
          var rarest = counts.reduce(function (a, b) { return a.size <= b.size ? a : b; });
          rarest.docs().forEach(function (doc) {
            var bound = rarest.get(doc).slice();
            counts.forEach(function (pair) {
              var other = pair.get(doc);
              for (var f = 0; f < 3; f++) bound[f] = other ? Math.min(bound[f], other[f]) : 0;
            });
            if (bound[0] || bound[1] || bound[2]) { m.bounds.set(doc, bound); found.push(doc); }
          });
          return found;
        });
      };
      return m;
    });
  }
  /* A pair matched by either of its terms: documents and bounds added up (TermStats.Sum says why that bounds it). */
  function sumStats(st) {
    if (st.length === 1) return st[0];
    var n = manifest.segments.length, sum = { docCounts: new Array(n).fill(0), bounds: new Array(n).fill(0), documents: 0 };
    st.forEach(function (x) {
      for (var s = 0; s < n; s++) { sum.docCounts[s] += x.docCounts[s]; sum.bounds[s] += x.bounds[s]; }
      sum.documents += x.documents;
    });
    return sum;
  }
  /* A pair's count per field in each document that has it (PartMatcher.PairCounts): its term's postings as they
     are, or for a pair read as two terms, their sums. {size, docs() in id order, get(doc)}. */
  function pairCounts(lists) {
    if (lists.length === 1) {
      var list = lists[0];
      return { size: list.postings.length, docs: function () { return list.postings.map(function (p) { return p.doc; }); },
        get: function (doc) { var p = find(list, doc); return p ? p.counts : undefined; } };
    }
    var sums = new Map();
    lists.forEach(function (list) {
      list.postings.forEach(function (p) {
        var sum = sums.get(p.doc);
        if (!sum) sums.set(p.doc, sum = [0, 0, 0]);
        for (var f = 0; f < 3; f++) sum[f] += p.counts[f];
      });
    });
    return { size: sums.size, docs: function () { return Array.from(sums.keys()).sort(function (a, b) { return a - b; }); },
      get: function (doc) { return sums.get(doc); } };
  }
  function coveringOf(m, doc) { return m.covering[segmentOf(doc)]; }
  function needsPositions(m, doc) { return m.offsets.length > 0 && m.bounds.has(doc); }
  function needsChunk(m, doc) {
    return needsPositions(m, doc) && coveringOf(m, doc).some(function (pair) {
      return pair.some(function (list) { var p = find(list, doc); return p && groupOf(list, p).chunk >= 0; });
    });
  }
  /* The files counting the part in the document reads, read before or not (PartMatcher.PositionFiles). */
  function positionFiles(m, doc, out) {
    if (!needsPositions(m, doc)) return;
    coveringOf(m, doc).forEach(function (pair) {
      pair.forEach(function (list) { var p = find(list, doc); if (p) out.add(groupOf(list, p).file); });
    });
  }
  /* Reads, in one batch, the positions counting the matchers in these documents need. */
  function loadPositions(matchers, docs) {
    var wanted = new Map(), patched = [];
    docs.forEach(function (doc) {
      matchers.forEach(function (m) {
        if (!needsPositions(m, doc)) return;
        coveringOf(m, doc).forEach(function (pair) {
          pair.forEach(function (list) {
            var posting = find(list, doc);
            if (!posting || posting.fields) return;
            // A patched segment's positions are in its base's or its delta's files.
            var source = posting.source, held = source ? find(source, doc) : posting;
            if (source) patched.push([posting, held]);
            if (!held.fields) wanted.set(groupOf(source || list, held), source || list);
          });
        });
      });
    });
    return Promise.all(Array.from(wanted.entries()).map(function (w) { return loadGroup(w[1], w[0]); })).then(function () {
      patched.forEach(function (p) { p[0].fields = p[1].fields; });
    });
  }
  /* Where a pair (any of its terms) starts in each field of the document, as sets. */
  function pairPositions(pair, doc) {
    var fields = [new Set(), new Set(), new Set()];
    pair.forEach(function (list) {
      var posting = find(list, doc);
      if (!posting) return;
      for (var f = 0; f < 3; f++) if (posting.fields[f]) posting.fields[f].forEach(function (p) { fields[f].add(p); });
    });
    return fields;
  }
  /* How often the part's units stand in a row in each field of the document (its positions loaded). */
  function count(m, doc) {
    var bound = m.bounds.get(doc);
    if (!bound) return [0, 0, 0];
    if (!m.offsets.length) return bound;
    if (m.exact.has(doc)) return m.exact.get(doc);
    var positions = coveringOf(m, doc).map(function (pair) { return pairPositions(pair, doc); }), fields = [0, 0, 0];
    for (var f = 0; f < 3; f++) {
      if (positions.some(function (p) { return !p[f].size; })) continue;
      positions[0][f].forEach(function (p) {
        for (var k = 1; k < positions.length; k++) if (!positions[k][f].has(p + m.offsets[k])) return;
        fields[f]++;
      });
    }
    m.exact.set(doc, fields);
    return fields;
  }

  /* ---- filters (Filters.cs): which documents pass; for segments not read, what share would ---- */
  var COUNTED = ["year", "type", "province"];
  function passes(doc, filters, skip) {
    var d = docOf(doc);
    for (var key in filters) {
      if (key === skip) continue;
      var want = filters[key];
      if (key === "year" && String(d.year) !== String(want)) return false;
      if (key === "type" && d.type !== want) return false;
      if (key === "province" && d.province !== want) return false;
      if (key === "region" && !(filterValue("region", doc) || "").split(" ").some(function (r) { return r === want || r.indexOf(want) === 0; })) return false;
      if (key === "publisher" && (filterValue("publisher", doc) || "").indexOf(want) < 0) return false;
    }
    return true;
  }
  function estimable(filters) { return !("region" in filters) && !("publisher" in filters); }
  function valueShare(s, column, value) {
    var segment = manifest.segments[s], counts = segment[5][column];
    for (var i = 0; i < counts.length; i += 2) if (valueName(column, counts[i]) === value) return counts[i + 1] / segment[1];
    return 0;
  }
  function filterShare(s, filters, skip) {
    var share = 1.0;
    COUNTED.forEach(function (key) { if (key !== skip && key in filters) share *= valueShare(s, key, String(filters[key])); });
    return share;
  }

  function idf(df) { return idfOf(manifest.count, df); }
  function idfOf(n, df) { return Math.log(1 + (n - df + 0.5) / (df + 0.5)); }

  function round4(x) { return Math.floor(x * 10000 + 0.5) / 10000; }
  /* One field's share of a part's score (Bm25.Field: the same operations in the same order, so the same doubles). */
  function field(f, partIdf, tf, len) { return bm25(manifest.weights[f], partIdf, tf, len, manifest.avgLength[f]); }
  function bm25(weight, partIdf, tf, len, typical) {
    var norm = K1 * (1 - B + B * len / (typical || 1));
    return weight * partIdf * tf * (K1 + 1) / (tf + norm);
  }
  /* BM25 with field weights over each part's count per field (Bm25.cs). */
  function score(doc, counts, idfs) {
    var d = docOf(doc), total = 0;
    counts.forEach(function (c, p) {
      for (var f = 0; f < 3; f++) if (c[f]) total += field(f, idfs[p], c[f], d.len[f]);
    });
    return round4(total);
  }
  /* A term's score in a document before idf (Bm25.BeforeIdf), which orders its chunks. */
  function beforeIdf(counts, len) {
    var total = 0;
    for (var f = 0; f < 3; f++) if (counts[f]) total += field(f, 1, counts[f], len[f]);
    return total;
  }

  /* The documents a query may match, read segment by segment and checked only as far as the page needs (Evaluation.cs
     says why this gives an exhaustive evaluation's page, and how the total is estimated when some stay unread or unchecked). */
  var BOUND_SCALE = 1000;
  function evaluation(parts, excludes) {
    return Promise.all(parts.concat(excludes).map(matcher)).then(function (all) {
      var positive = all.slice(0, parts.length), negative = all.slice(parts.length);
      var idfs = positive.map(function (m) { return idf(m.documents); });
      var n = manifest.segments.length, viable = [], read = [], segmentBound = [];
      for (var s = 0; s < n; s++) {
        viable[s] = positive.every(function (m) { return m.documentsIn(s) > 0; });
        read[s] = false;
        var b = 0;
        if (positive.length) {
          for (var p = 0; p < positive.length; p++) b += idfs[p] * positive[p].boundIn(s) / BOUND_SCALE;
          b = round4(b + 1e-9);
        }
        segmentBound[s] = b;
      }
      var candidates = [], bound = new Map(), checked = new Map(), checkedMatches = 0;
      function check(doc) {
        var counts = positive.map(function (m) { return count(m, doc); });
        var match = counts.every(function (c) { return c[0] || c[1] || c[2]; }) &&
          !negative.some(function (m) { var c = count(m, doc); return c[0] || c[1] || c[2]; });
        calibrated = null;
        checked.set(doc, match ? { doc: doc, score: score(doc, counts, idfs), inBody: counts.some(function (c) { return c[2] > 0; }) } : null);
        if (match) checkedMatches++;
      }
      /* Reads a segment: its columns and its parts' counts, and checks the candidates whose positions came with them. */
      function readSegment(s) {
        read[s] = true;
        calibrated = null;
        var segment = manifest.segments[s];
        var reads = positive.map(function (m) { return m.read(s); });
        var excluding = negative.filter(function (m) { return m.documentsIn(s) > 0; });
        return Promise.all([loadColumns(s), Promise.all(reads), Promise.all(excluding.map(function (m) { return m.read(s); }))]).then(function (r) {
          var found = r[1], docs = [];
          if (positive.length) {
            var smallest = found.reduce(function (a, b) { return a.length <= b.length ? a : b; });
            docs = smallest.filter(function (doc) { return positive.every(function (m) { return m.bounds.has(doc); }); });
          } else {
            for (var d = 0; d < segment[1]; d++) docs.push(segment[0] + d);
          }
          docs = docs.filter(function (doc) { return !negative.some(function (m) { return m.bounds.has(doc) && !needsPositions(m, doc); }); });
          docs.forEach(function (doc) {
            candidates.push(doc);
            calibrated = sorted = null;
            bound.set(doc, score(doc, positive.map(function (m) { return m.bounds.get(doc); }), idfs));
          });
          var free = docs.filter(function (doc) { return !all.some(function (m) { return needsChunk(m, doc); }); });
          return loadPositions(all, free).then(function () { free.forEach(check); });
        });
      }
      function share() { return checked.size ? checkedMatches / checked.size : 1.0; }
      /* What the dictionary alone predicts a segment holds (Evaluation.Predicted). */
      function predicted(s) {
        var count = manifest.segments[s][1], e = count;
        positive.forEach(function (m) { e *= m.documentsIn(s) / count; });
        negative.forEach(function (m) { e *= 1 - m.documentsIn(s) / count; });
        return e;
      }
      /* The segments read: their matches over what the dictionary predicts of them (Evaluation.Calibration). */
      var calibrated = null, sorted = null;
      function calibration() {
        if (calibrated === null) calibrated = calibrate();
        return calibrated;
      }
      function calibrate() {
        var p = 0;
        for (var s = 0; s < n; s++) if (read[s]) p += predicted(s);
        if (p === 0) return share();
        var open = candidates.filter(function (d) { return !checked.has(d); }).length;
        return (checkedMatches + open * share()) / p;
      }
      /* The first `need` candidates that pass and have not failed a check: checked ones by score, the others by bound. */
      function rank(filters, need, byDate) {
        // Kept in order as it goes: every round ranks all candidates, and sorting them all was a tenth of a query.
        var first = [], before = byDate ? function (a, b) { return a.doc < b.doc; } : function (a, b) { return a.key > b.key || (a.key === b.key && a.doc < b.doc); };
        candidates.forEach(function (d) {
          var c = checked.get(d);
          if (c === null || !passes(d, filters)) return;
          var r = { doc: d, key: c ? c.score : bound.get(d) };
          if (first.length === need && !before(r, first[need - 1])) return;
          var i = first.length === need ? need - 1 : first.length;
          while (i > 0 && before(r, first[i - 1])) { first[i] = first[i - 1]; i--; }
          first[i] = r;
        });
        return first;
      }
      /* How many of the ranked stand before any document of the segment could: with `need` of them, it places none
         (Evaluation.Blocking). */
      function blocking(s, first, byDate) {
        var start = manifest.segments[s][0], n = 0;
        first.forEach(function (r) { if (byDate ? r.doc < start : r.key > segmentBound[s] || (r.key === segmentBound[s] && r.doc < start)) n++; });
        return n;
      }
      /* At most how many candidates reading the segment adds (Evaluation.Most). */
      function most(s) {
        return positive.length ? Math.min.apply(null, positive.map(function (m) { return m.documentsIn(s); })) : manifest.segments[s][1];
      }
      var ev = {
        candidates: function () {
          if (!sorted) sorted = candidates.slice().sort(function (a, b) { return a - b; });
          return sorted;
        },
        /* The first `need` matches under the filters: each round checks the best-placed unchecked documents and reads
           the next segment that could still place one among them, and every segment after it that the rounds to come
           would read whatever they find, until neither is left (Evaluation.Top says why). */
        top: function (filters, need, byDate) {
          var order = [];
          for (var s = 0; s < n; s++) if (viable[s]) order.push(s);
          if (!byDate) order.sort(function (a, b) { return segmentBound[b] - segmentBound[a] || a - b; });
          var whole = !estimable(filters);
          function round() {
            var first = rank(filters, need, byDate);
            var open = first.filter(function (r) { return !checked.has(r.doc); }).map(function (r) { return r.doc; });
            var next = [], ahead = 0;
            for (var i = 0; i < order.length; i++) {
              var s = order[i];
              if (read[s] || (!whole && !(filterShare(s, filters) > 0))) continue;
              if (!whole && blocking(s, first, byDate) + ahead >= need) break;
              next.push(s);
              ahead += most(s);
            }
            if (!open.length && !next.length) return Promise.resolve(first.map(function (r) { return checked.get(r.doc); }));
            var checking = loadPositions(all, open).then(function () { open.forEach(check); });
            return Promise.all([checking].concat(next.map(readSegment))).then(round);
          }
          return round();
        },
        /* How many more files counting every match exactly would read, counted only until past limit (Evaluation.CountingCost). */
        countingCost: function (limit) {
          var files = new Set();
          for (var s = 0; s < n; s++) {
            if (read[s] || !viable[s]) continue;
            var segment = manifest.segments[s];
            files.add("m-" + segment[4]);
            positive.concat(negative.filter(function (m) { return m.documentsIn(s) > 0; })).forEach(function (m) {
              m.terms.forEach(function (t) { if (segment[2]) files.add(shardName("shard", segment[2], segment[4], t)); });
            });
          }
          for (var i = 0; i < candidates.length && files.size <= limit; i++)
            if (!checked.has(candidates[i])) all.forEach(function (m) { positionFiles(m, candidates[i], files); });
          return files.size;
        },
        /* Reads every segment that may hold a match and checks every candidate: totals and facets are then exact. */
        complete: function () {
          var unread = [];
          for (var s = 0; s < n; s++) if (!read[s] && viable[s]) unread.push(s);
          return Promise.all(unread.map(readSegment)).then(function () {
            var open = candidates.filter(function (d) { return !checked.has(d); });
            return loadPositions(all, open).then(function () { open.forEach(check); });
          });
        },
        /* Whether any document matches, with no filters: reads and checks until one does or none can. */
        possible: function () { return ev.top({}, 1, false).then(function (t) { return t.length > 0; }); },
        /* The matches expected in the segments not read that hold every part (Evaluation.Unread). */
        unread: function (filters, skip, column, value) {
          var expected = 0, any = false, c = calibration();
          for (var s = 0; s < n; s++) {
            if (read[s] || !viable[s]) continue;
            var fs = filterShare(s, filters, skip);
            if (fs === 0) continue;
            var e = predicted(s);
            e *= c;
            e *= fs;
            if (column !== undefined) e *= valueShare(s, column, value);
            expected += e;
            any = true;
          }
          return { expected: expected, any: any };
        },
        unreadValues: function (column) {
          var out = [];
          for (var s = 0; s < n; s++) {
            if (read[s] || !viable[s]) continue;
            var counts = manifest.segments[s][5][column];
            for (var i = 0; i < counts.length; i += 2) out.push(valueName(column, counts[i]));
          }
          return out;
        },
        /* How many of the documents (of the segments read) and of the segments not read match (Evaluation.Estimate). */
        estimate: function (list, unread) {
          var matches = 0, open = 0;
          list.forEach(function (d) { if (!checked.has(d)) open++; else if (checked.get(d)) matches++; });
          if (!open && !unread.any) return { count: matches, estimated: false };
          return { count: Math.floor(matches + open * share() + unread.expected + 0.5), estimated: true };
        }
      };
      return ev;
    });
  }

  /* Words of a part, for when the exact text is not found: the same ICU engine .NET uses. */
  function words(text) {
    if (typeof Intl === "undefined" || !Intl.Segmenter) return [];
    var seg = new Intl.Segmenter("zh", { granularity: "word" }), out = [];
    for (var s of seg.segment(text)) if (s.isWordLike && units(s.segment).length) out.push(s.segment);
    return out;
  }

  /* Matches per value under every filter but the facet's own, in the segments read and (estimated) in the others. */
  function facet(ev, filters, key, valueOf) {
    var groups = new Map();
    ev.candidates().forEach(function (doc) {
      if (!passes(doc, filters, key)) return;
      var v = valueOf(docOf(doc));
      if (v === null || v === undefined) return;
      v = String(v);
      if (!groups.has(v)) groups.set(v, []);
      groups.get(v).push(doc);
    });
    ev.unreadValues(key).forEach(function (v) { if (!groups.has(v)) groups.set(v, []); });
    var out = [];
    groups.forEach(function (docs, v) { var c = ev.estimate(docs, ev.unread(filters, key, key, v)).count; if (c > 0) out.push({ value: v, count: c }); });
    return out.sort(function (a, b) { return b.count - a.count || (a.value < b.value ? -1 : 1); });
  }

  /* Region and publisher names are many; only region: and publisher: filters load them. */
  var filterValues = null;
  function loadFilterValues(filters) {
    if (filterValues || !(filters.region || filters.publisher)) return Promise.resolve();
    return load(base + manifest.filterValues, stem(manifest.filterValues)).then(function (data) { filterValues = decodeColumns(data, false); });
  }
  function filterValue(column, doc) { return filterValues.values[column][filterValues.columns[column][doc]]; }

  api.search = function (query, options) {
    options = options || {};
    var parsed, filters;
    return ready().then(function () {
      parsed = parse(query);
      filters = Object.assign({}, parsed.filters, options.filters || {});
      return loadFilterValues(filters);
    }).then(function () {
      if (!parsed.parts.length && !Object.keys(filters).length) return { query: query, total: 0, estimated: false, exact: true, results: [], facets: {}, words: [] };
      var size = Math.max(1, options.pageSize | 0 || PAGE_SIZE);
      var page = Math.max(1, options.page | 0 || 1);
      return evaluation(parsed.parts, parsed.excludes).then(function (ev) {
        return ev.top(filters, page * size, options.sort === "date").then(function (top) {
          // Asked only when the page is empty (QueryEngine.cs): a page with a match says as much.
          if (top.length || !parsed.parts.some(function (p) { return !p.quoted && p.units.length > 1; })) return finish(ev, top, parsed.parts, true);
          return ev.possible().then(function (possible) {
            if (possible) return finish(ev, top, parsed.parts, true);
            var split = [], seen = {};
            parsed.parts.forEach(function (p) {
              (p.quoted ? [p.text] : words(p.text)).forEach(function (w) {
                var p = part(w, false);
                if (seen[p.key]) return;
                seen[p.key] = true;
                split.push(p);
              });
            });
            if (split.length <= parsed.parts.length) return finish(ev, top, parsed.parts, true);
            return evaluation(split, parsed.excludes).then(function (e) {
              return e.top(filters, page * size, options.sort === "date").then(function (t) { return finish(e, t, split, false); });
            });
          });
        });
      });

      function finish(ev, top, used, exact) {
        var counting = options.counts === "exact" || (options.counts !== "estimate" && ev.countingCost(manifest.countingBudget) <= manifest.countingBudget);
        // The page's results need nothing counting reads: their heads go out in the same round as its files.
        var results = Promise.all(top.slice((page - 1) * size, page * size).map(function (s) { return result(s, used); }));
        return Promise.all([results, counting ? ev.complete() : null]).then(function (done) { return finished(ev, done[0], used, exact); });
      }
      function finished(ev, results, used, exact) {
        var pool = ev.candidates().filter(function (d) { return passes(d, filters); });
        var total = ev.estimate(pool, ev.unread(filters));
        var facets = {
          year: facet(ev, filters, "year", function (d) { return d.year; }),
          province: facet(ev, filters, "province", function (d) { return d.province; }),
          type: facet(ev, filters, "type", function (d) { return d.type; })
        };
        return { query: query, total: total.count, estimated: total.estimated, exact: exact, page: page, pageSize: size,
          words: used.map(function (p) { return p.text; }), results: results, facets: facets };
      }
    });
  };

  /* ---- results and snippets ---- */
  /* What a result shows, and the head of its text: h<local>-<generation>, local being the id less the segment's start. */
  function loadDisplay(doc) {
    if (heads[doc]) return Promise.resolve(heads[doc]);
    var segment = manifest.segments[segmentOf(doc)], local = doc - segment[0], p = segment[6], inDelta = p ? p[6].indexOf(local) : -1;
    var file = inDelta >= 0 ? "h" + inDelta + "-" + p[5] : "h" + local + "-" + (p ? p[2] : segment[4]);
    return load(base + file + ".js", file).then(unpackJson).then(function (row) { return (heads[doc] = row); });
  }
  /* A document's fields for a snippet: the text file holds the body after the head, the head the rest. */
  function loadText(doc, display) {
    if (texts[doc]) return Promise.resolve(texts[doc]);
    return load(base + display[4], stem(display[4])).then(unpackJson).then(function (rest) {
      return (texts[doc] = [display[2], display[7], display[8] + rest]);
    });
  }
  function escapeHtml(s) {
    return s.replace(/[&<>"']/g, function (c) { return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c]; });
  }
  /* Character ranges of every occurrence of every part in a text. */
  function ranges(text, used) {
    var at = unitReader(text), out = [];
    for (var i = 0; at(i); i++) matchesAt(at, i, used, out);
    return merge(out);
  }
  /* The ranges of the parts that occur from unit i. */
  function matchesAt(at, i, used, out) {
    used.forEach(function (part) {
      var n = part.units.length;
      if (matchesFrom(at, i, part, n)) out.push([at(i).s, at(i + n - 1).e]);
    });
  }
  /* Ranges in order, overlapping ones made one. */
  function merge(out) {
    out.sort(function (a, b) { return a[0] - b[0] || b[1] - a[1]; });
    var merged = [];
    out.forEach(function (r) {
      var last = merged[merged.length - 1];
      if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]); else merged.push(r.slice());
    });
    return merged;
  }
  /* Where a query's parts occur in a text, as merged [start, end) ranges: a report page opened from a result marks them (report-find.js). */
  api.ranges = function (text, query) { return ranges(text, parse(query).parts); };
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
  function snippet(text, used) {
    var body = text.replace(/\s+/g, " "), at = unitReader(body), out = [], end = -1;
    // Taken apart only up to the window's end, which the first match fixes: a whole text is 30,000 characters, and
    // matches starting past the window cannot change what it shows (QueryEngine.Snippet reads all; same result).
    for (var i = 0; at(i) && (end < 0 || at(i).s < end); i++) {
      matchesAt(at, i, used, out);
      if (end < 0 && out.length) end = Math.min(body.length, Math.max(0, out[0][0] - SNIPPET / 2) + SNIPPET * 2);
    }
    var marks = merge(out), first = marks.length ? marks[0][0] : 0;
    var from = Math.max(0, first - SNIPPET / 2), to = Math.min(body.length, from + SNIPPET * 2);
    return (from > 0 ? "…" : "") + highlight(body, marks, from, to) + (to < body.length ? "…" : "");
  }
  function snippetFromText(fields, inBody, used) {
    return inBody ? snippet(fields[2], used) : fields[1] ? metaSnippet(fields[1], used) : snippet(fields[2], used);
  }
  /* The meta field's items (one a line) that hold a match, joined by " · "; all of them when none does (QueryEngine.MetaSnippet). */
  function metaSnippet(meta, used) {
    var matched = meta.split("\n").filter(function (item) { return ranges(item, used).length > 0; });
    return snippet(matched.length ? matched.join(" · ") : meta, used);
  }
  /* The same snippet from the head of the text, or null when the head cannot be sure of it (QueryEngine.cs
     does the same): the window must end before the head does, and no match starting in it may run past. */
  function snippetFromHead(head, inBody, used) {
    if (!head[3]) return snippetFromText(head, inBody, used);
    if (!inBody) return head[1] ? metaSnippet(head[1], used) : null;
    var body = head[2].replace(/\s+/g, " "), marks = ranges(body, used);
    if (!marks.length) return null;
    var from = Math.max(0, marks[0][0] - SNIPPET / 2), to = from + SNIPPET * 2;
    if (to >= body.length || cutMatchStart(body, used) < to) return null;
    return (from > 0 ? "…" : "") + highlight(body, marks, from, to) + "…";
  }
  function cutMatchStart(text, used) {
    var at = unitReader(text), earliest = Infinity;
    for (var i = 0; at(i); i++);
    var u = at.list;
    used.forEach(function (part) {
      for (var k = Math.min(part.units.length - 1, u.length); k >= 1; k--)
        if (matchesFrom(at, u.length - k, part, k)) earliest = Math.min(earliest, u[u.length - k].s);
    });
    return earliest;
  }
  function result(s, used) {
    var d = docOf(s.doc), shown;
    return loadDisplay(s.doc).then(function (display) {
      shown = { slug: display[0], url: display[1], title: display[2], date: display[3], region: display[5], publisher: display[6] };
      var fromHead = snippetFromHead(["", display[7], display[8], display[9]], s.inBody, used);
      return fromHead !== null ? fromHead : loadText(s.doc, display).then(function (fields) { return snippetFromText(fields, s.inBody, used); });
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
