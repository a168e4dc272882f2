using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace SiteGen.Yaml;

/// <summary>
/// What a YAML text may ask of the loader, checked on its events before any node is built. YamlDotNet's
/// loader builds nested nodes by recursion (30,000 '[' overflowed the stack and killed the process) and
/// hashes a mapping's keys whole (aliases nested 19 deep, each naming the last four times, made one key of
/// 4^19 nodes: minutes of hashing, then gigabytes). Front matter needs none of that: a few levels, plain keys.
/// </summary>
internal static class YamlLimits
{
    /// <summary>Mappings and sequences inside one another; front matter uses two (region: code:).</summary>
    public const int MaxDepth = 32;
    /// <summary>Nodes the text stands for once every alias is expanded: far beyond any real front matter.</summary>
    public const int MaxExpandedNodes = 10_000;

    /// <summary>Throws a <see cref="YamlException"/> at the first place the text asks too much.</summary>
    public static void Check(string yaml)
    {
        var parser = new Parser(new StringReader(yaml));
        var sizes = new Dictionary<string, long>(StringComparer.Ordinal);
        var open = new Stack<Collection>();
        long nodes = 0;
        while (Next(parser, open))
        {
            var current = parser.Current!;
            if (current is NodeEvent or AnchorAlias)
            {
                // An alias is not a NodeEvent in YamlDotNet, but it stands where a node does.
                if (open.TryPeek(out var parent) && parent.IsMapping && (parent.AtKey = !parent.AtKey) && current is not Scalar)
                    throw new YamlException(current.Start, current.End, "a key must be plain text, not a list, a mapping or an alias");
                nodes += current is AnchorAlias alias ? sizes.GetValueOrDefault(alias.Value.Value, 1) : 1;
                if (current is MappingStart or SequenceStart)
                {
                    if (open.Count >= MaxDepth)
                        throw new YamlException(current.Start, current.End, $"nested more than {MaxDepth} levels deep");
                    var anchor = ((NodeEvent)current).Anchor;
                    open.Push(new Collection(anchor.IsEmpty ? null : anchor.Value, nodes, current is MappingStart, current.Start));
                }
                else if (current is Scalar { Anchor.IsEmpty: false } scalar) sizes[scalar.Anchor.Value] = 1;
            }
            else if (current is MappingEnd or SequenceEnd && open.Pop() is { Anchor: { } name } ended)
                sizes[name] = nodes - ended.StartCount + 1;
            if (nodes > MaxExpandedNodes)
                throw new YamlException(current.Start, current.End, $"aliases expand to more than {MaxExpandedNodes:N0} values");
        }
    }

    /// <summary>
    /// The next event. YamlDotNet's parser throws InvalidOperationException, not a YamlException, when the text
    /// ends inside a flow collection ("title: [a, b" followed by other lines in site.yml): exit 2 with no place.
    /// </summary>
    private static bool Next(Parser parser, Stack<Collection> open)
    {
        try
        {
            return parser.MoveNext();
        }
        catch (InvalidOperationException)
        {
            var start = open.TryPeek(out var unclosed) ? unclosed.Start : Mark.Empty;
            throw new YamlException(start, start, "this list or mapping is never closed (a ] or } is missing)");
        }
    }

    /// <summary>An open mapping or sequence: the anchor it defines, the node count when it opened, whether it is a mapping, and where it opens.</summary>
    private sealed class Collection(string? anchor, long startCount, bool isMapping, Mark start)
    {
        public Mark Start { get; } = start;
        public string? Anchor { get; } = anchor;
        public long StartCount { get; } = startCount;
        public bool IsMapping { get; } = isMapping;
        /// <summary>Flips at each node of the mapping: true while that node is a key.</summary>
        public bool AtKey { get; set; }
    }
}
