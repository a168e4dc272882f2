using SiteGen.Search.Format;

namespace SiteGen.Search.Reader;

/// <summary>A term in a document: how often in each field and, once read, where (pairs of units only).</summary>
internal sealed class TermPosting(int doc, int[] counts)
{
    public int Doc { get; } = doc;
    public int[] Counts { get; } = counts;

    /// <summary>The group that holds this document's positions, once its list's groups are worked out (<see cref="PostingList.GroupOf"/>).</summary>
    internal int Group { get; set; }

    /// <summary>Per field, the unit positions where the pair starts (null where absent); null until its group is read.</summary>
    internal int[]?[]? Positions { get; set; }

    /// <summary>In a patched segment, the list of its base or its delta whose file holds this document's positions.</summary>
    internal PostingList? Source { get; set; }
}

/// <summary>
/// A term's documents in one segment, in id order, and where their positions are: either the segment's
/// position shard (the pair is rare there) or chunks of a few documents each (see <see cref="IndexFormat.Chunks"/>).
/// A query reads positions only for the documents it checks, so only their groups.
/// </summary>
internal sealed class PostingList
{
    private readonly Dictionary<int, int> _indexOf = [];
    private readonly List<TermPosting> _postings;
    private readonly Func<List<TermPosting>, List<PositionGroup>> _layOut;
    private List<PositionGroup>? _groups;

    /// <param name="layOut">Groups the postings by the file that holds their positions (setting each one's <see cref="TermPosting.Group"/>).</param>
    /// <param name="lengthOf">A document's field lengths as its positions were coded with (its segment's, or its base's or delta's, columns).</param>
    internal PostingList(string term, List<TermPosting> postings, Func<List<TermPosting>, List<PositionGroup>> layOut, Func<int, int[]> lengthOf)
    {
        (Term, _postings, _layOut, LengthOf) = (term, postings, layOut, lengthOf);
        for (var i = 0; i < postings.Count; i++) _indexOf[postings[i].Doc] = i;
    }

    internal Func<int, int[]> LengthOf { get; }

    public string Term { get; }
    public IReadOnlyList<TermPosting> Postings => _postings;

    /// <summary>
    /// Worked out when first asked for, as search.js does: only a covering pair of a part of three or more units reads
    /// positions, and a chunked pair's order scores and sorts every posting of it in the segment.
    /// </summary>
    private List<PositionGroup> Groups => _groups ??= _layOut(_postings);

    /// <summary>The group of the file that holds a posting's positions.</summary>
    internal PositionGroup GroupOf(TermPosting posting) => Groups[posting.Group];

    public TermPosting? Find(int doc) => _indexOf.TryGetValue(doc, out var i) ? Postings[i] : null;

    /// <summary>Whether the document's positions are in a chunk, which costs a file of its own to read.</summary>
    public bool InChunk(int doc) => Find(doc) is { } posting && GroupOf(posting).Chunk >= 0;
}

/// <summary>
/// Postings of a list whose positions sit together in one file, by their index in the list, in the file's order:
/// a segment's position shard (Chunk −1: id order) or one chunk (best score first, see <see cref="IndexFormat.Chunks"/>).
/// </summary>
internal sealed class PositionGroup(string file, string kind, int chunk)
{
    public string File { get; } = file;
    public string Kind { get; } = kind;
    public int Chunk { get; } = chunk;
    public List<int> Members { get; } = [];
}
