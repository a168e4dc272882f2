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
        while (parser.MoveNext())
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
                    open.Push(new Collection(anchor.IsEmpty ? null : anchor.Value, nodes, current is MappingStart));
                }
                else if (current is Scalar { Anchor.IsEmpty: false } scalar) sizes[scalar.Anchor.Value] = 1;
            }
            else if (current is MappingEnd or SequenceEnd && open.Pop() is { Anchor: { } name } ended)
                sizes[name] = nodes - ended.StartCount + 1;
            if (nodes > MaxExpandedNodes)
                throw new YamlException(current.Start, current.End, $"aliases expand to more than {MaxExpandedNodes:N0} values");
        }
    }

    /// <summary>An open mapping or sequence: the anchor it defines, the node count when it opened, and (a mapping) whether a key comes next.</summary>
    private sealed class Collection(string? anchor, long startCount, bool isMapping)
    {
        public string? Anchor { get; } = anchor;
        public long StartCount { get; } = startCount;
        public bool IsMapping { get; } = isMapping;
        /// <summary>Flips at each node of the mapping: true while that node is a key.</summary>
        public bool AtKey { get; set; }
    }
}
