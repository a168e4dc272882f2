using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SiteGen.Search;

/// <summary>A document as the manifest lists it.</summary>
/// <summary>
/// What the manifest holds of every document: enough to score, filter and count it. Region and publisher,
/// which only region: and publisher: filters read, are in a file of their own (see <see cref="SearchIndexReader.FilterValue"/>).
/// </summary>
public sealed record IndexedDoc(int Id, int? Year, string? Province, string? Type, int[] Length);

/// <summary>What a result shows of a document, read from its block only when it is shown.</summary>
public sealed record DocDisplay(string Slug, string Url, string Title, string? Date, string TextFile, string? Region, string? Publisher, string HeadFile);

/// <summary>The start of a document's text, enough for most snippets: the meta field and the body's first characters.</summary>
public sealed record TextHead(string Meta, string Body, bool Truncated);

/// <summary>
/// Reads a built site's search index — the very files the browser loads — for <c>sitegen search</c>.
/// Shards and texts are read only when a query needs them, as in the browser.
/// </summary>
public sealed class SearchIndexReader
{
    private readonly string _folder;
    private readonly IndexSegment[] _segments;
    private readonly Dictionary<string, Dictionary<string, (byte[] Bytes, int Start, int End)>> _shards = [];
    private readonly Dictionary<string, PostingList> _postings = new(StringComparer.Ordinal);
    private readonly string[] _blockFiles;
    private readonly int _blockSize;
    private readonly int _chunkPositions;
    private readonly Dictionary<int, DocDisplay[]> _blocks = [];
    private readonly string _filterValuesFile;
    private JsonObject? _filterValues;

    public IReadOnlyList<IndexedDoc> Docs { get; }
    public double[] Weights { get; }
    public double[] AverageLength { get; }
    /// <summary>The index files read so far, as the browser would download them.</summary>
    public IReadOnlyList<string> FilesRead => _filesRead;
    private readonly List<string> _filesRead = [];

    private SearchIndexReader(string folder, JsonObject manifest)
    {
        _folder = folder;
        _filesRead.Add(Path.GetFileName(IndexFormat.Manifest));
        _segments = manifest["segments"]!.AsArray().Select(s => new IndexSegment(s![0]!.GetValue<int>(), s[1]!.GetValue<int>(),
            s[2]!.GetValue<int>(), s[3]!.GetValue<int>(), s[4]!.GetValue<string>())).ToArray();
        Weights = manifest["weights"]!.AsArray().Select(w => w!.GetValue<double>()).ToArray();
        AverageLength = manifest["avgLength"]!.AsArray().Select(w => w!.GetValue<double>()).ToArray();
        _blockFiles = manifest["blocks"]!.AsArray().Select(b => b!.GetValue<string>()).ToArray();
        _blockSize = manifest["blockSize"]!.GetValue<int>();
        _chunkPositions = manifest["chunkPositions"]!.GetValue<int>();
        var values = manifest["values"]!.AsObject();
        var columns = manifest["columns"]!.AsObject();
        _filterValuesFile = manifest["filterValues"]!.GetValue<string>();
        JsonNode? Value(string name, int doc) => values[name]![columns[name]![doc]!.GetValue<int>()];
        var lengths = columns["len"]!.AsArray().Select(l => l!.GetValue<int>()).ToArray();
        Docs = Enumerable.Range(0, manifest["count"]!.GetValue<int>()).Select(d => new IndexedDoc(d,
            Value("year", d)?.GetValue<int>(), Value("province", d)?.GetValue<string>(), Value("type", d)?.GetValue<string>(),
            lengths[(3 * d)..(3 * d + 3)])).ToList();
    }

    /// <summary>A document's region or publisher, from the file only these filters load.</summary>
    public string? FilterValue(string column, int doc)
    {
        if (_filterValues is null)
        {
            _filterValues = JsonNode.Parse(LoadNamed(_filterValuesFile, "values"))!.AsObject();
        }
        return _filterValues["values"]![column]![_filterValues["columns"]![column]![doc]!.GetValue<int>()]?.GetValue<string>();
    }

    /// <summary>A document's slug, URL, title, date and text file, from its block.</summary>
    public DocDisplay Display(int doc)
    {
        var number = doc / _blockSize;
        if (!_blocks.TryGetValue(number, out var block))
        {
            _blocks[number] = block = JsonNode.Parse(LoadNamed(_blockFiles[number], "docs"))!.AsArray()
                .Select(d => new DocDisplay(d![0]!.GetValue<string>(), d[1]!.GetValue<string>(), d[2]!.GetValue<string>(),
                    d[3]?.GetValue<string>(), d[4]!.GetValue<string>(), d[5]?.GetValue<string>(), d[6]?.GetValue<string>(), d[7]!.GetValue<string>()))
                .ToArray();
        }
        return block[doc % _blockSize];
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

    /// <summary>A term's documents with its counts per field, in every segment.</summary>
    public PostingList Postings(string term)
    {
        if (_postings.TryGetValue(term, out var cached)) return cached;
        var all = new List<TermPosting>();
        var groups = new List<PositionGroup>();
        foreach (var segment in _segments)
        {
            if (Entry(IndexFormat.Shard, segment.Shards, segment, term) is not { } entry) continue;
            var counts = Decode(entry.Bytes, entry.Start, entry.End, segment.Start);
            var chunkOf = IndexFormat.Chunks(counts.Select(c => c.Counts.Sum()).ToList(), _chunkPositions);
            for (var i = 0; i < counts.Count; i++)
            {
                var chunk = chunkOf?[i] ?? -1;
                if (i == 0 || chunk != (chunkOf?[i - 1] ?? -1)) groups.Add(Group(term, segment, chunk, all.Count));
                groups[^1].End++;
                all.Add(new TermPosting(counts[i].Doc, counts[i].Counts) { Group = groups.Count - 1 });
            }
        }
        return _postings[term] = new PostingList(term, all, groups);
    }

    /// <summary>The file holding a run of a pair's documents' positions: its position shard, or one of its chunks.</summary>
    private static PositionGroup Group(string term, IndexSegment segment, int chunk, int first) => chunk < 0
        ? new PositionGroup(IndexFormat.ShardName(IndexFormat.PositionShard, IndexFormat.ShardOf(term, segment.PositionShards), segment.Generation), IndexFormat.PositionShard, -1, first)
        : new PositionGroup(IndexFormat.ChunkName(term, chunk, segment.Generation), IndexFormat.Chunk, chunk, first);

    /// <summary>Where a pair starts in each field of a document (null where absent), reading its group's file if no query has yet.</summary>
    public int[]?[] Positions(PostingList list, int doc)
    {
        var posting = list.Find(doc) ?? throw new ArgumentException($"{list.Term} is not in document {doc}");
        if (posting.Positions is null)
        {
            var group = list.Groups[posting.Group];
            var (bytes, at, _) = Shard(group.File, group.Kind)[list.Term];
            for (var i = group.First; i < group.End; i++) list.Postings[i].Positions = ReadPositions(list.Postings[i].Counts, bytes, ref at);
        }
        return posting.Positions!;
    }

    /// <summary>The three field texts of a document, for snippets.</summary>
    public string[] Texts(int doc)
    {
        return JsonSerializer.Deserialize<string[]>(LoadNamed(Display(doc).TextFile, "text"))!;
    }

    /// <summary>The head of a document's text (see <see cref="TextHead"/>).</summary>
    public TextHead Head(int doc)
    {
        var head = JsonNode.Parse(LoadNamed(Display(doc).HeadFile, "head"))!.AsArray();
        return new TextHead(head[0]!.GetValue<string>(), head[1]!.GetValue<string>(), head[2]!.GetValue<bool>());
    }

    /// <summary>A run of documents with shards of its own (see <see cref="IndexSegments"/>).</summary>
    private sealed record IndexSegment(int Start, int Count, int Shards, int PositionShards, string Generation);

    private (byte[] Bytes, int Start, int End)? Entry(string kind, int count, IndexSegment segment, string term) =>
        count > 0 && Shard(IndexFormat.ShardName(kind, IndexFormat.ShardOf(term, count), segment.Generation), kind).TryGetValue(term, out var entry) ? entry : null;

    private Dictionary<string, (byte[] Bytes, int Start, int End)> Shard(string file, string kind)
    {
        if (_shards.TryGetValue(file, out var terms)) return terms;
        terms = new Dictionary<string, (byte[], int, int)>(StringComparer.Ordinal);
        var args = LoadNamed(file, kind);
        var bytes = Convert.FromBase64String(args[(args.IndexOf('"') + 1)..args.LastIndexOf('"')]);
        var at = 0;
        var count = IndexFormat.ReadVarint(bytes, ref at);
        for (var t = 0; t < count; t++)
        {
            var length = IndexFormat.ReadVarint(bytes, ref at);
            var term = Encoding.UTF8.GetString(bytes, at, length);
            at += length;
            IndexFormat.ReadVarint(bytes, ref at); // document count, for readers that want it without decoding
            var size = IndexFormat.ReadVarint(bytes, ref at);
            terms[term] = (bytes, at, at + size);
            at += size;
        }
        return _shards[file] = terms;
    }

    /// <summary>One document's positions of a pair: per field with a count, that many deltas.</summary>
    private static int[]?[] ReadPositions(int[] counts, byte[] bytes, ref int at)
    {
        var fields = new int[]?[3];
        for (var f = 0; f < 3; f++)
        {
            if (counts[f] == 0) continue;
            var positions = fields[f] = new int[counts[f]];
            var p = 0;
            for (var k = 0; k < positions.Length; k++) positions[k] = p += IndexFormat.ReadVarint(bytes, ref at);
        }
        return fields;
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
