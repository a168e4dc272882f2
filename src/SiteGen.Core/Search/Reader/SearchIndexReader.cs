using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using SiteGen.Search.Format;

namespace SiteGen.Search.Reader;

/// <summary>What a segment's columns file holds of a document: enough to score, filter and count it.</summary>
internal sealed record DocumentRow(int Id, int? Year, string? Province, string? Type, int[] Length);

/// <summary>A term's entry in the dictionary: per segment, how many documents have it and the best score before idf one gets (0 where none has it).</summary>
internal sealed record TermStats(int[] DocCounts, int[] Bounds)
{
    internal int Documents => DocCounts.Sum();

    /// <summary>
    /// The entry of a pair matched by either of its terms: documents and bounds added up, which counts a document
    /// with both twice but never too few, and bounds it (BM25's gain from a count is concave, so the score of a sum
    /// of counts is at most the sum of their scores).
    /// </summary>
    internal static TermStats Sum(IEnumerable<TermStats> terms)
    {
        var all = terms.ToList();
        if (all.Count == 1) return all[0];
        var segments = all[0].DocCounts.Length;
        return new TermStats(
            Enumerable.Range(0, segments).Select(s => all.Sum(t => t.DocCounts[s])).ToArray(),
            Enumerable.Range(0, segments).Select(s => all.Sum(t => t.Bounds[s])).ToArray());
    }
}

/// <summary>
/// A run of documents with files of its own (see <see cref="IndexSegments"/>), and how many of them have each year, province and type.
/// A patched segment's shard counts and generation are those of the segment a cold build makes, which name the files a query
/// counts; its files are its base's and its delta's.
/// </summary>
internal sealed record IndexSegment(int Start, int Count, int Shards, int PositionShards, string Generation, IReadOnlyDictionary<string, int[]> ValueCounts, PatchedLayers? Patch)
{
    /// <summary>The segment's files as a cold build makes them: those it reads, unless it is patched; those a query counts.</summary>
    internal SegmentLayer Own => new(Shards, PositionShards, Generation, null);
}

/// <summary>A set of files laid out as a segment's: the whole segment, a patch's base, or its delta (<see cref="Ids"/>: the places in the segment of its documents).</summary>
internal sealed record SegmentLayer(int Shards, int PositionShards, string Generation, int[]? Ids);

/// <summary>A patched segment (FORMAT.md, Patches): its base, and its delta, whose documents replace the base's at <see cref="Replaced"/>.</summary>
internal sealed record PatchedLayers(SegmentLayer Base, SegmentLayer Delta)
{
    internal int[] Replaced => Delta.Ids!;
}

/// <summary>What a result shows of a document, read from its head file only when it is shown.</summary>
internal sealed record DocumentDisplay(string Slug, string Url, string Title, string? Date, string TextFile, string? Region, string? Publisher, TextHead Head);

/// <summary>
/// Reads a built site's search index — the very files the browser loads — for <c>sitegen search</c>.
/// Shards and texts are read only when a query needs them, as in the browser.
/// </summary>
public sealed class SearchIndexReader
{
    private readonly string _folder;
    private readonly Dictionary<string, Dictionary<string, (byte[] Bytes, int Start, int End)>> _shards = [];
    private readonly Dictionary<(string, int), PostingList> _postings = [];
    private readonly Dictionary<string, TermStats> _stats = new(StringComparer.Ordinal);
    private readonly (int Shards, string Generation) _dictionary;
    private readonly (int Shards, string Generation)? _overrides;
    private readonly int _chunkPositions;
    private readonly Dictionary<int, DocumentDisplay> _display = [];
    private readonly DocumentRow[]?[] _docs;
    private readonly Dictionary<(int, int), DocumentRow[]> _layerRows = [];
    private readonly string _filterValuesFile;
    private readonly JsonObject _values;
    private ColumnsCode.Decoded? _filterValues;

    internal IReadOnlyList<IndexSegment> Segments { get; }
    internal int SegmentCount => Segments.Count;
    /// <summary>How many documents the index holds: ids 0…Count−1, newest first.</summary>
    internal int Count { get; }

    /// <summary>Files a query reads beyond its page to count exactly without being asked (<see cref="SearchLayout.CountingBudget"/>).</summary>
    internal int CountingBudget { get; }
    internal double[] Weights { get; }
    internal double[] AverageLength { get; }
    /// <summary>The index files read so far, as the browser would download them.</summary>
    internal IReadOnlyList<string> FilesRead => _filesRead;
    private readonly List<string> _filesRead = [];

    private SearchIndexReader(string folder, JsonObject manifest)
    {
        _folder = folder;
        _filesRead.Add(Path.GetFileName(IndexFormat.Manifest));
        Segments = manifest["segments"]!.AsArray().Select(s => new IndexSegment(s![0]!.GetValue<int>(), s[1]!.GetValue<int>(),
            s[2]!.GetValue<int>(), s[3]!.GetValue<int>(), s[4]!.GetValue<string>(),
            s[5]!.AsObject().ToDictionary(c => c.Key, c => c.Value!.AsArray().Select(n => n!.GetValue<int>()).ToArray()),
            s.AsArray().Count > 6 ? PatchOf(s[6]!.AsArray()) : null)).ToArray();
        var dictionary = manifest["dictionary"]!.AsArray();
        _dictionary = (dictionary[0]!.GetValue<int>(), dictionary[1]!.GetValue<string>());
        if (dictionary.Count > 2) _overrides = (dictionary[2]!.GetValue<int>(), dictionary[3]!.GetValue<string>());
        Weights = manifest["weights"]!.AsArray().Select(w => w!.GetValue<double>()).ToArray();
        AverageLength = manifest["avgLength"]!.AsArray().Select(w => w!.GetValue<double>()).ToArray();
        _chunkPositions = manifest["chunkPositions"]!.GetValue<int>();
        CountingBudget = manifest["countingBudget"]!.GetValue<int>();
        _values = manifest["values"]!.AsObject();
        _filterValuesFile = manifest["filterValues"]!.GetValue<string>();
        Count = manifest["count"]!.GetValue<int>();
        _docs = new DocumentRow[]?[Segments.Count];
    }

    /// <summary>Value <paramref name="number"/> of a column (year, province or type) across the archive, as text; null for none.</summary>
    internal string? Value(string column, int number) => _values[column]![number]?.ToString();

    /// <summary>The segment a document is in.</summary>
    internal int SegmentOf(int doc)
    {
        int low = 0, high = Segments.Count - 1;
        while (low < high)
        {
            var middle = (low + high + 1) / 2;
            if (Segments[middle].Start <= doc) low = middle; else high = middle - 1;
        }
        return low;
    }

    /// <summary>A document's columns, reading its segment's columns file if no query has yet.</summary>
    internal DocumentRow Row(int doc)
    {
        var segment = SegmentOf(doc);
        return Columns(segment)[doc - Segments[segment].Start];
    }

    private static PatchedLayers PatchOf(JsonArray p) => new(
        new SegmentLayer(p[0]!.GetValue<int>(), p[1]!.GetValue<int>(), p[2]!.GetValue<string>(), null),
        new SegmentLayer(p[3]!.GetValue<int>(), p[4]!.GetValue<int>(), p[5]!.GetValue<string>(), p[6]!.AsArray().Select(n => n!.GetValue<int>()).ToArray()));

    /// <summary>A segment's documents' columns: its columns file's, or its base's with its delta's in the places they replace.</summary>
    internal DocumentRow[] Columns(int segment)
    {
        if (_docs[segment] is { } known) return known;
        var info = Segments[segment];
        var rows = LayerRows(segment, info.Patch?.Base ?? info.Own);
        if (info.Patch is not { } patch) return _docs[segment] = rows;
        rows = (DocumentRow[])rows.Clone();
        for (var i = 0; i < patch.Replaced.Length; i++) rows[patch.Replaced[i]] = LayerRows(segment, patch.Delta)[i];
        return _docs[segment] = rows;
    }

    /// <summary>The columns file of a segment's files (its own or its base's; or its delta's), each row with the id it stands for.</summary>
    private DocumentRow[] LayerRows(int segment, SegmentLayer files)
    {
        var layer = files.Ids is null ? 0 : 1;
        if (_layerRows.TryGetValue((segment, layer), out var known)) return known;
        var info = Segments[segment];
        var file = LoadColumns(IndexFormat.ColumnsName(files.Generation), IndexFormat.Columns, scored: true);
        JsonNode? Value(string name, int d) => file.Values[name]![file.Columns[name][d]];
        var lengths = file.LengthCodes.Select(l => Bm25.CodedLength(l)).ToArray();
        var count = files.Ids?.Length ?? info.Count;
        return _layerRows[(segment, layer)] = Enumerable.Range(0, count).Select(d => new DocumentRow(info.Start + (files.Ids?[d] ?? d),
            Value("year", d)?.GetValue<int>(), Value("province", d)?.GetValue<string>(), Value("type", d)?.GetValue<string>(),
            lengths[(3 * d)..(3 * d + 3)])).ToArray();
    }

    /// <summary>
    /// A term's entry in the dictionary: which segments have it, how often, and how well it can score there.
    /// An index of one segment has no dictionary: the segment's count shard tells the term's documents.
    /// </summary>
    internal TermStats Stats(string term)
    {
        if (_stats.TryGetValue(term, out var known)) return known;
        var (docCounts, bounds) = (new int[Segments.Count], new int[Segments.Count]);
        if (_dictionary.Shards == 0 && Segments.Count == 1) docCounts[0] = Postings(term, 0).Postings.Count;
        if (_dictionary.Shards > 0 && DictionaryEntry(term) is { } entry)
        {
            foreach (var (segment, documents, bound) in IndexFormat.DictionaryEntry(entry.Bytes, entry.Start))
                (docCounts[segment], bounds[segment]) = (documents, bound);
        }
        return _stats[term] = new TermStats(docCounts, bounds);
    }

    /// <summary>A term's dictionary entry: a patched index's override of it, else the dictionary's (null: no segment has it).</summary>
    private (byte[] Bytes, int Start, int End)? DictionaryEntry(string term)
    {
        foreach (var (shards, generation) in new[] { _overrides, _dictionary }.OfType<(int, string)>())
        {
            if (Dictionary(IndexFormat.DictionaryName(IndexFormat.ShardOf(term, shards), generation)).TryGetValue(term, out var entry)) return entry;
        }
        return null;
    }

    /// <summary>A document's region or publisher, from the file only these filters load.</summary>
    internal string? FilterValue(string column, int doc)
    {
        _filterValues ??= LoadColumns(_filterValuesFile, "values", scored: false);
        return _filterValues.Values[column]![_filterValues.Columns[column][doc]]?.GetValue<string>();
    }

    /// <summary>A document's slug, URL, title, date, text file and head, from its head file.</summary>
    internal DocumentDisplay Display(int doc)
    {
        if (_display.TryGetValue(doc, out var known)) return known;
        var segment = Segments[SegmentOf(doc)];
        var local = doc - segment.Start;
        var inDelta = segment.Patch is { } patch ? Array.BinarySearch(patch.Replaced, local) : -1;
        var head = inDelta >= 0 ? IndexFormat.HeadName(inDelta, segment.Patch!.Delta.Generation) : IndexFormat.HeadName(local, segment.Patch?.Base.Generation ?? segment.Generation);
        var d = JsonNode.Parse(LoadPacked(head, IndexFormat.Head))!.AsArray();
        return _display[doc] = new DocumentDisplay(d[0]!.GetValue<string>(), d[1]!.GetValue<string>(), d[2]!.GetValue<string>(),
            d[3]?.GetValue<string>(), d[4]!.GetValue<string>(), d[5]?.GetValue<string>(), d[6]?.GetValue<string>(),
            new TextHead(d[7]!.GetValue<string>(), d[8]!.GetValue<string>(), d[9]!.GetValue<bool>()));
    }

    /// <summary>Opens the index of the site in <paramref name="site"/> (the folder <c>sitegen build</c> wrote).</summary>
    public static SearchIndexReader Open(string site)
    {
        var file = Path.Combine(site, IndexFormat.Manifest);
        if (!File.Exists(file))
            throw new InvalidOperationException($"{file} is missing; build the site first (sitegen build)");
        var manifest = JsonNode.Parse(Arguments(File.ReadAllText(file), "manifest"))!.AsObject();
        if (manifest["version"]!.GetValue<int>() != IndexFormat.Version || manifest["tokenizer"]!.GetValue<string>() != TextUnits.Name)
            throw new InvalidOperationException($"{file}: index format {manifest["version"]} / {manifest["tokenizer"]} is not the one this sitegen reads");
        return new SearchIndexReader(Path.Combine(site, IndexFormat.Folder), manifest);
    }

    /// <summary>
    /// A term's documents in one segment, with its counts per field, and which of its files hold their positions
    /// (for a patched segment, the files a cold build makes: what a query counts; it reads its base's and delta's).
    /// </summary>
    internal PostingList Postings(string term, int segment)
    {
        if (_postings.TryGetValue((term, segment), out var cached)) return cached;
        var info = Segments[segment];
        int[] LengthOf(int doc) => Row(doc).Length;
        if (info.Patch is not { } patch) return _postings[(term, segment)] = LayerPostings(term, segment, info.Own, LengthOf);
        // Positions are coded with the lengths of the columns beside them: a base's its own, a delta's its own.
        var base_ = LayerPostings(term, segment, patch.Base, doc => LayerRows(segment, patch.Base)[doc - info.Start].Length);
        var delta = LayerPostings(term, segment, patch.Delta, doc => LayerRows(segment, patch.Delta)[Array.BinarySearch(patch.Replaced, doc - info.Start)].Length);
        var all = base_.Postings.Where(p => Array.BinarySearch(patch.Replaced, p.Doc - info.Start) < 0).Select(p => (Posting: p, List: base_))
            .Concat(delta.Postings.Select(p => (Posting: p, List: delta))).OrderBy(p => p.Posting.Doc)
            .Select(p => new TermPosting(p.Posting.Doc, p.Posting.Counts) { Source = p.List }).ToList();
        return _postings[(term, segment)] = Grouped(term, all, info.Own, LengthOf);
    }

    /// <summary>A term's documents in some of a segment's files, grouped by the file that holds their positions.</summary>
    private PostingList LayerPostings(string term, int segment, SegmentLayer files, Func<int, int[]> lengthOf)
    {
        var info = Segments[segment];
        var all = new List<TermPosting>();
        if (Entry(IndexFormat.Shard, files.Shards, files.Generation, term) is { } entry)
            all.AddRange(Decode(entry.Bytes, entry.Start, entry.End, 0).Select(c => new TermPosting(info.Start + (files.Ids?[c.Doc] ?? c.Doc), c.Counts)));
        return Grouped(term, all, files, lengthOf);
    }

    /// <summary>A term's postings in id order, with the groups whose positions share a file of <paramref name="files"/>, each in the file's order.</summary>
    /// <param name="lengthOf">A document's field lengths, which order a chunked pair's documents and decode their positions.</param>
    private PostingList Grouped(string term, List<TermPosting> all, SegmentLayer files, Func<int, int[]> lengthOf) => new(term, all, postings =>
    {
        var groups = new List<PositionGroup>();
        var layout = IndexFormat.Chunks(postings.Select(p => p.Counts.Sum()).ToList(),
            i => Bm25.BeforeIdf(Weights, postings[i].Counts, lengthOf(postings[i].Doc), AverageLength), _chunkPositions);
        var order = layout?.Order ?? Enumerable.Range(0, postings.Count).ToArray();
        foreach (var i in order)
        {
            var chunk = layout?.ChunkOf[i] ?? -1;
            if (groups.Count == 0 || groups[^1].Chunk != chunk) groups.Add(Group(term, files, chunk));
            groups[^1].Members.Add(i);
            postings[i].Group = groups.Count - 1;
        }
        return groups;
    }, lengthOf);

    /// <summary>The file holding some of a pair's documents' positions: its position shard, or one of its chunks.</summary>
    private static PositionGroup Group(string term, SegmentLayer files, int chunk) => chunk < 0
        ? new PositionGroup(IndexFormat.ShardName(IndexFormat.PositionShard, IndexFormat.ShardOf(term, files.PositionShards), files.Generation), IndexFormat.PositionShard, -1)
        : new PositionGroup(IndexFormat.ChunkName(term, chunk, files.Generation), IndexFormat.Chunk, chunk);

    /// <summary>Where a pair starts in each field of a document (null where absent), reading its group's file if no query has yet.</summary>
    internal int[]?[] Positions(PostingList list, int doc)
    {
        var posting = list.Find(doc) ?? throw new ArgumentException($"{list.Term} is not in document {doc}");
        if (posting.Positions is null && posting.Source is { } source) posting.Positions = Positions(source, doc);
        if (posting.Positions is null)
        {
            var group = list.GroupOf(posting);
            var (bytes, at, _) = Shard(group.File, group.Kind)[list.Term];
            var bits = new PositionCode.Reader(bytes, at);
            foreach (var i in group.Members) list.Postings[i].Positions = bits.Document(list.Postings[i].Counts, list.LengthOf(list.Postings[i].Doc));
        }
        return posting.Positions!;
    }

    /// <summary>The three field texts of a document, for snippets.</summary>
    internal string[] Texts(int doc)
    {
        // A text file holds the body after the head: the title, meta field and the body's start are the head's.
        var display = Display(doc);
        return [display.Title, display.Head.Meta, display.Head.Body + JsonSerializer.Deserialize<string>(LoadPacked(display.TextFile, IndexFormat.Text))];
    }

    private (byte[] Bytes, int Start, int End)? Entry(string kind, int count, string generation, string term) =>
        count > 0 && Shard(IndexFormat.ShardName(kind, IndexFormat.ShardOf(term, count), generation), kind).TryGetValue(term, out var entry) ? entry : null;

    private Dictionary<string, (byte[] Bytes, int Start, int End)> Shard(string file, string kind) => Terms(file, kind);

    private Dictionary<string, (byte[] Bytes, int Start, int End)> Dictionary(string file) => Terms(file, IndexFormat.Dictionary);

    /// <summary>A file of terms, each with where its entry's data is (<see cref="IndexFormat.Terms"/>).</summary>
    private Dictionary<string, (byte[] Bytes, int Start, int End)> Terms(string file, string kind)
    {
        if (_shards.TryGetValue(file, out var terms)) return terms;
        var literal = LoadLiteral(file, kind);
        var bytes = IndexFormat.IsPacked(kind) ? IndexFormat.Unpacked(literal) : IndexFormat.BytesOf(literal);
        terms = new Dictionary<string, (byte[], int, int)>(StringComparer.Ordinal);
        foreach (var (term, start, end) in IndexFormat.Terms(bytes, kind == IndexFormat.Dictionary)) terms[term] = (bytes, start, end);
        return _shards[file] = terms;
    }

    /// <param name="first">The id of the segment's first document: ids in a segment count from it.</param>
    private static List<(int Doc, int[] Counts)> Decode(byte[] bytes, int start, int end, int first)
    {
        var list = new List<(int, int[])>();
        var at = start;
        var doc = first;
        while (at < end)
        {
            doc += IndexFormat.ReadVarint(bytes, ref at);
            var mask = IndexFormat.ReadVarint(bytes, ref at);
            var counts = new int[3];
            for (var f = 0; f < 3; f++)
                if ((mask & (1 << f)) != 0) counts[f] = IndexFormat.ReadVarint(bytes, ref at);
            list.Add((doc, counts));
        }
        return list;
    }

    /// <summary>Reads an index file as the browser would, noting it; returns its callback's arguments.</summary>
    private string Load(string file, string callback)
    {
        var script = File.ReadAllText(Path.Combine(_folder, file));
        _filesRead.Add(file);
        return Arguments(script, callback);
    }

    /// <summary>The data of a file whose callback names the file first ("SiteGenSearch.text("t-…", [...])").</summary>
    private string LoadNamed(string file, string callback)
    {
        var args = Load(file, callback);
        var name = $"\"{file[..^3]}\",";
        if (!args.StartsWith(name, StringComparison.Ordinal)) throw new InvalidDataException($"{file} does not name itself");
        return args[name.Length..];
    }

    /// <summary>A columns file: a segment's (<paramref name="scored"/>, with length codes) or the filter values'.</summary>
    private ColumnsCode.Decoded LoadColumns(string file, string callback, bool scored) => ColumnsCode.Read(LoadLiteral(file, callback), scored);

    /// <summary>The packed text (JSON) of a file whose callback names the file first.</summary>
    private string LoadPacked(string file, string callback) => IndexFormat.TextOf(LoadLiteral(file, callback));

    /// <summary>What stands between the quotes of the literal a file hands its callback after its name.</summary>
    private ReadOnlySpan<char> LoadLiteral(string file, string callback)
    {
        var args = LoadNamed(file, callback);
        return args.AsSpan((args.IndexOf('"') + 1)..args.LastIndexOf('"'));
    }

    /// <summary>The argument text of a script "SiteGenSearch.name(ARGS);".</summary>
    private static string Arguments(string script, string callback)
    {
        var prefix = $"{IndexFormat.Global}.{callback}(";
        var start = script.IndexOf(prefix, StringComparison.Ordinal);
        var end = script.LastIndexOf(");", StringComparison.Ordinal);
        if (start < 0 || end < start) throw new InvalidDataException($"not a {callback} script");
        return script[(start + prefix.Length)..end];
    }
}
