using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using SiteGen.Cache;
using SiteGen.Content;
using SiteGen.Site;
using SiteGen.Search.Format;

namespace SiteGen.Search.Writer;

/// <summary>Where the index writer puts its files, and finds the ones the last build made.</summary>
internal interface IIndexOutput
{
    /// <param name="key">The fingerprint of everything the file was made from.</param>
    void Write(string path, string text, string key);

    /// <summary>Takes every one of <paramref name="paths"/> from the last build if each was made from <paramref name="key"/>; else none.</summary>
    bool TryReuse(IReadOnlyList<string> paths, string key);
}

/// <summary>
/// Builds the search index the browser and <c>sitegen search</c> both read (see FORMAT.md): a manifest, each
/// document's text, and in segments of documents, what results show of each document, what the segment's
/// documents are scored and filtered by, and the postings of every character and character pair in shards
/// by term hash; then a dictionary of which segments hold each term and how well it scores there.
/// Documents stream through: only the current segment's postings are held in memory. A segment whose
/// documents are those of the last build is taken from it whole, and so is a document's text.
/// </summary>
internal sealed class SearchIndexWriter
{
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly ThreadLocal<DocumentTerms> Scratch = new(() => new DocumentTerms());

    private readonly IIndexOutput _output;
    private readonly IReadOnlyList<Entry> _entries;
    private readonly Segment[] _segments;
    private readonly int[] _segmentOf;
    private readonly SegmentFiles?[] _files;
    private readonly SegmentCache? _records;
    private readonly TermsCache? _terms;
    private readonly SearchLayout _layout;
    private readonly double[] _typicalLengths;
    private readonly DocumentColumns _columns = new();
    private int _added;
    private SegmentWriter? _current, _delta;
    private DocumentColumns _currentColumns = new(), _deltaColumns = new();

    /// <summary>A report to index, newest first, with the fingerprint of everything its index entry is made from.</summary>
    public sealed record Entry(Report Report, string Key);

    /// <summary>A document ready to add: its terms when its segment is made again, else nothing more than its id.</summary>
    public sealed record Prepared(int Id, DocumentTerms.Encoded? Terms);

    /// <param name="Reused">The segment's record when its files are the last build's (a patched segment's: the cold build's shard counts and terms).</param>
    /// <param name="Patch">Set when the segment is kept as a base and a delta rather than made whole.</param>
    private sealed record Segment(SegmentRange Range, string Key, string SlugsKey, SegmentRecord? Reused, SegmentPatch? Patch)
    {
        public string Generation => Key[..10];
        public string DeltaKey => SegmentPatch.DeltaKey(Key);
        public string DeltaGeneration => DeltaKey[..10];
    }

    /// <param name="cache">
    /// Where the index keeps what earlier builds made: each segment's record and each document as it was taken apart.
    /// Null makes everything afresh.
    /// </param>
    /// <param name="bodyUnits">The bodies' unit counts, made as the reports were loaded.</param>
    public SearchIndexWriter(IIndexOutput output, IReadOnlyList<Entry> entries, BuildCache? cache, BodyUnitCounts bodyUnits, SearchLayout layout)
    {
        (_output, _entries, _layout) = (output, entries, layout);
        (_records, _terms) = cache is null ? (null, null) : (new SegmentCache(cache), new TermsCache(cache));
        _typicalLengths = TypicalLengths(entries, bodyUnits.Of(entries.Select(e => e.Report).ToList()));
        var ranges = IndexSegments.Plan(entries.Select(e => e.Report.Slug).ToList(), layout.SegmentSize);
        _segments = ranges.Select(Open).ToArray();
        _files = _segments.Select(s => s.Reused is { } r ? new SegmentFiles(r.Shards, r.PositionShards, r.Chunks, r.Terms) : null).ToArray();
        _segmentOf = new int[entries.Count];
        for (var s = 0; s < ranges.Count; s++)
            for (var id = ranges[s].Start; id < ranges[s].End; id++) _segmentOf[id] = s;
    }

    /// <summary>The fingerprints this index's cache records are kept by: each segment's, its run of reports', its base's.</summary>
    public IEnumerable<string> SegmentKeys => _segments.SelectMany(s => s.Patch is { } patch ? [s.Key, s.SlugsKey, patch.BaseKey] : new[] { s.Key, s.SlugsKey });

    /// <summary>The fingerprint of a document's index entry: SiteGen, the report's slug and its file.</summary>
    public static string KeyOf(Report report) => Fingerprint.Of(BuildCache.ProgramVersion, report.Slug, report.SourceKey);

    /// <summary>
    /// A segment is made from its documents, in order; with its record and files from the last build it is reused. A
    /// segment of the same reports as one made whole earlier, a few of them edited since, is patched (<see cref="SegmentPatch"/>).
    /// </summary>
    /// <remarks>Its bounds are scored against the typical lengths, so they are part of what it is made from.</remarks>
    private Segment Open(SegmentRange range)
    {
        string KeyOf(Func<Entry, string> part)
        {
            var key = new Fingerprint().Add(BuildCache.ProgramVersion).Add(string.Join(",", _typicalLengths.Select(l => l.ToString("R", CultureInfo.InvariantCulture))));
            for (var id = range.Start; id < range.End; id++) key.Add(part(_entries[id]));
            return key.Finish();
        }
        var (segmentKey, slugsKey) = (KeyOf(e => e.Key), KeyOf(e => e.Report.Slug));
        if (_records is null) return new Segment(range, segmentKey, slugsKey, null, null);
        var record = _records.Get(segmentKey);
        if (record is not null && record.Documents == range.Count && _output.TryReuse(SegmentFileNames(record, segmentKey[..10]), segmentKey))
            return new Segment(range, segmentKey, slugsKey, record, null);
        var patch = Patch(range, segmentKey, slugsKey);
        return new Segment(range, segmentKey, slugsKey, patch?.Logical, patch);
    }

    /// <summary>
    /// The patch of a segment: the one the last build made of these very documents, with its files; else a new one over
    /// the segment last made whole of the same reports, if few of them have changed since and its files are still there.
    /// </summary>
    private SegmentPatch? Patch(SegmentRange range, string segmentKey, string slugsKey)
    {
        if (_records!.GetBase(slugsKey) is not { } made || made.Documents.Length != range.Count) return null;
        var replaced = Enumerable.Range(0, range.Count).Where(local => made.Documents[local] != _entries[range.Start + local].Key).ToArray();
        if (replaced.Length == 0 || replaced.Length > SegmentPatch.MaxReplaced(range.Count)) return null;
        if (_records.Get(made.Key) is not { } baseRecord || baseRecord.Documents != range.Count
            || !_output.TryReuse(SegmentFileNames(baseRecord, made.Key[..10]), made.Key)) return null;
        var patch = new SegmentPatch(made.Key, baseRecord, replaced);
        var deltaKey = SegmentPatch.DeltaKey(segmentKey);
        if (_records.GetPatch(segmentKey) is { } kept && kept.BaseKey == made.Key && kept.Replaced.SequenceEqual(replaced)
            && _output.TryReuse(SegmentFileNames(kept.Delta, deltaKey[..10]), deltaKey))
            (patch.Delta, patch.Logical) = (kept.Delta, kept.Logical);
        return patch;
    }

    private static List<string> SegmentFileNames(SegmentRecord record, string generation) =>
        Enumerable.Range(0, record.Shards).Select(k => IndexFormat.ShardName(IndexFormat.Shard, k, generation))
            .Concat(Enumerable.Range(0, record.PositionShards).Select(k => IndexFormat.ShardName(IndexFormat.PositionShard, k, generation)))
            .Concat(record.Chunks)
            .Append(IndexFormat.ColumnsName(generation))
            .Concat(Enumerable.Range(0, record.Documents).Select(local => IndexFormat.HeadName(local, generation)))
            .Select(name => $"{IndexFormat.Folder}/{name}").ToList();

    /// <summary>
    /// Each field's typical length (<see cref="Bm25.TypicalLength"/>), from every report before any is indexed:
    /// a segment's bounds are scored with it as it is written. The body is counted in its Markdown, which
    /// differs from the rendered text only by what markup spells in letters, such as links' addresses.
    /// </summary>
    private static double[] TypicalLengths(IReadOnlyList<Entry> entries, int[] bodyUnits)
    {
        var sums = new long[3];
        for (var i = 0; i < entries.Count; i++)
        {
            sums[0] += TextUnits.Count(entries[i].Report.Title);
            sums[1] += TextUnits.Count(SearchDocument.MetaOf(entries[i].Report));
            sums[2] += bodyUnits[i];
        }
        return sums.Select(sum => Bm25.TypicalLength(entries.Count == 0 ? 0 : sum / (double)entries.Count)).ToArray();
    }

    /// <summary>
    /// The costly part of adding a document: writes its text file unless the last build did, and unless its
    /// segment is reused, takes it apart and writes its head. Safe on any thread and in any order.
    /// </summary>
    /// <param name="document">The document, made (rendering its body) only if it is needed.</param>
    public Prepared Prepare(int id, Func<SearchDocument> document)
    {
        var entry = _entries[id];
        var text = IndexFormat.TextName(entry.Key);
        SearchDocument? made = null;
        SearchDocument Document() => made ??= document();
        if (!_output.TryReuse([$"{IndexFormat.Folder}/{text}"], entry.Key))
            _output.Write($"{IndexFormat.Folder}/{text}", IndexFormat.NamedScript(IndexFormat.Text, text, IndexFormat.Packed(JsonSerializer.Serialize(Document().Rest, Json))), entry.Key);
        var segment = _segments[_segmentOf[id]];
        if (segment.Reused is not null) return new Prepared(id, null);
        var indexed = Index(entry.Key, Document);
        // A segment's heads are made, and reused, with it: their names follow from its generation. A patch writes
        // only its delta's, numbered in the delta.
        var local = id - segment.Range.Start;
        var (head, key) = segment.Patch is { } patch
            ? (Array.BinarySearch(patch.Replaced, local) is var inDelta and >= 0 ? (IndexFormat.HeadName(inDelta, segment.DeltaGeneration), segment.DeltaKey) : (null, null))
            : (IndexFormat.HeadName(local, segment.Generation), segment.Key);
        if (head is not null)
            _output.Write($"{IndexFormat.Folder}/{head}", IndexFormat.NamedScript(IndexFormat.Head, head, IndexFormat.Packed(Display(entry, indexed.Head).ToJsonString(Json))), key!);
        return new Prepared(id, indexed.Terms);
    }

    /// <summary>A document's terms and head, from the cache when an earlier build took the same report apart: its body is then not even rendered.</summary>
    private InvertedDocument Index(string key, Func<SearchDocument> document)
    {
        if (_terms?.Get(key) is { } cached) return cached;
        var doc = document();
        var indexed = new InvertedDocument(Scratch.Value!.Encode(doc.FieldTexts), doc.Head());
        _terms?.Put(key, indexed);
        return indexed;
    }

    /// <summary>Adds a prepared document; documents must come in id order, so the index does not depend on threads.</summary>
    public void Add(Prepared document)
    {
        var id = document.Id;
        if (id != _added++) throw new InvalidOperationException($"document {id} added out of order");
        var segment = _segments[_segmentOf[id]];
        var local = id - segment.Range.Start;
        var report = _entries[id].Report;
        _columns.Add(report);
        if (segment.Reused is not null) return;
        (_current ??= new SegmentWriter(_layout.ChunkPositions, _typicalLengths)).Add(document.Terms!);
        if (segment.Patch is null) _currentColumns.Add(report, document.Terms!.Lengths);
        else if (Array.BinarySearch(segment.Patch.Replaced, local) >= 0)
        {
            (_delta ??= new SegmentWriter(_layout.ChunkPositions, _typicalLengths)).Add(document.Terms!);
            _deltaColumns.Add(report, document.Terms!.Lengths);
        }
        if (local == segment.Range.Count - 1)
        {
            if (segment.Patch is { } patch) FinishPatch(segment, patch);
            else FinishSegment(segment);
        }
    }

    private void FinishSegment(Segment segment)
    {
        var files = _current!.Finish((path, text) => _output.Write(path, text, segment.Key), segment.Generation);
        WriteColumns(_currentColumns, segment.Generation, segment.Key);
        _records?.Put(segment.Key, new SegmentRecord(segment.Range.Count, files.Shards, files.PositionShards, files.Chunks, files.Terms));
        _records?.PutBase(segment.SlugsKey, segment.Key, Enumerable.Range(segment.Range.Start, segment.Range.Count).Select(id => _entries[id].Key).ToList());
        _files[_segmentOf[segment.Range.Start]] = files;
        (_current, _currentColumns) = (null, new DocumentColumns());
    }

    /// <summary>Writes a patched segment's delta, and works out, writing nothing, the segment a cold build makes of its documents.</summary>
    private void FinishPatch(Segment segment, SegmentPatch patch)
    {
        var logical = _current!.Measure();
        var delta = _delta!.Finish((path, text) => _output.Write(path, text, segment.DeltaKey), segment.DeltaGeneration);
        WriteColumns(_deltaColumns, segment.DeltaGeneration, segment.DeltaKey);
        patch.Delta = new SegmentRecord(patch.Replaced.Length, delta.Shards, delta.PositionShards, delta.Chunks, delta.Terms);
        patch.Logical = new SegmentRecord(segment.Range.Count, logical.Shards, logical.PositionShards, [], logical.Terms);
        _records!.PutPatch(segment.Key, patch);
        _files[_segmentOf[segment.Range.Start]] = logical;
        (_current, _delta, _deltaColumns) = (null, null, new DocumentColumns());
    }

    private void WriteColumns(DocumentColumns columns, string generation, string key)
    {
        var name = IndexFormat.ColumnsName(generation);
        _output.Write($"{IndexFormat.Folder}/{name}", IndexFormat.NamedScript(IndexFormat.Columns, name, columns.Packed(filterOnly: false, Json)), key);
    }

    /// <summary>What a result shows, kept out of the manifest: only the results shown load their head.</summary>
    private static JsonArray Display(Entry entry, TextHead head)
    {
        var report = entry.Report;
        return
        [
            report.Slug, SitePaths.ReportPath(report.Slug), report.Title, PagePlanner.IsoDate(report.Date), IndexFormat.TextName(entry.Key),
            report.Region.IsKnown ? report.Region.Display : null, string.IsNullOrEmpty(report.Publisher) ? null : report.Publisher,
            head.Meta, head.Body, head.Truncated,
        ];
    }

    /// <summary>Writes a file named by a hash of its data (or takes it from the last build); returns its name.</summary>
    private string WriteHashed(string stem, string callback, string data)
    {
        var name = IndexFormat.HashedName(stem, data);
        var path = $"{IndexFormat.Folder}/{name}";
        if (!_output.TryReuse([path], name)) _output.Write(path, IndexFormat.NamedScript(callback, name, data), name);
        return name;
    }

    /// <summary>Writes the filter values and the manifest; returns the manifest's path.</summary>
    public string Finish()
    {
        var filterFile = WriteHashed("v", "values", _columns.Packed(filterOnly: true, Json));
        var dictionary = WriteDictionary();
        var manifest = new JsonObject
        {
            ["version"] = IndexFormat.Version,
            ["tokenizer"] = TextUnits.Name,
            ["fields"] = new JsonArray(IndexFormat.Fields.Select(f => (JsonNode)f).ToArray()),
            ["weights"] = new JsonArray(IndexFormat.Weights.Select(w => (JsonNode)w).ToArray()),
            ["avgLength"] = new JsonArray(_typicalLengths.Select(l => (JsonNode)l).ToArray()),
            ["count"] = _entries.Count,
            ["segments"] = new JsonArray(_segments.Select((s, i) => (JsonNode)new JsonArray(
                new JsonNode?[] { s.Range.Start, s.Range.Count, _files[i]!.Shards, _files[i]!.PositionShards, s.Generation, SegmentCounts(s.Range) }
                    .Concat(s.Patch is { } patch ? [patch.Describe(s.DeltaGeneration)] : []).ToArray())).ToArray()),
            ["dictionary"] = dictionary,
            ["chunkPositions"] = _layout.ChunkPositions,
            ["countingBudget"] = _layout.CountingBudget,
            ["values"] = _columns.Values(filterOnly: false),
            ["filterValues"] = filterFile,
        };
        var script = IndexFormat.Script("manifest", manifest.ToJsonString(Json));
        var key = Fingerprint.Of(script);
        if (!_output.TryReuse([IndexFormat.Manifest], key)) _output.Write(IndexFormat.Manifest, script, key);
        return IndexFormat.Manifest;
    }

    /// <summary>
    /// Writes the term dictionary of the segments' bases (so that a patch leaves it as it was) and, when any segment
    /// is patched, the entries a cold build's dictionary has and it lacks: every term whose documents or bound in a
    /// patched segment differ from its base's, with its cold entry for every segment. Returns the manifest's entry.
    /// </summary>
    private JsonArray WriteDictionary()
    {
        // With one segment there is nothing to choose between, and its count shards tell each term's documents.
        if (_segments.Length <= 1) return [0, Fingerprint.Of(BuildCache.ProgramVersion)[..10]];
        var bases = _segments.Select((s, i) => s.Patch?.Base.Terms ?? _files[i]!.Terms).ToList();
        var baseKey = new Fingerprint().Add(BuildCache.ProgramVersion).Add(string.Join(",", _segments.Select(s => s.Patch?.BaseKey ?? s.Key))).Finish();
        var shards = TermDictionary.Write(bases, baseKey[..10], paths => _output.TryReuse(paths, baseKey), (path, text) => _output.Write(path, text, baseKey));
        var changed = _segments.Where(s => s.Patch is not null).SelectMany(s => TermSummary.Changed(s.Patch!.Base.Terms, s.Patch.Logical!.Terms))
            .Distinct().Order().ToList();
        if (changed.Count == 0) return [shards, baseKey[..10]];
        var key = new Fingerprint().Add(baseKey).Add(string.Join(",", _segments.Select(s => s.Key))).Finish();
        var overrides = TermDictionary.Write(_files.Select(f => f!.Terms).ToList(), key[..10], paths => _output.TryReuse(paths, key), (path, text) => _output.Write(path, text, key), changed);
        return [shards, baseKey[..10], overrides, key[..10]];
    }

    /// <summary>How many of a segment's documents have each year, province and type (see <see cref="DocumentColumns.Counts"/>).</summary>
    private JsonObject SegmentCounts(SegmentRange range) =>
        new(DocumentColumns.Names.Except(DocumentColumns.FilterOnly).Select(n => KeyValuePair.Create(n, (JsonNode?)_columns.Counts(n, range.Start, range.Count))));
}
