using System.Globalization;
using System.Text.RegularExpressions;
using SiteGen.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace SiteGen.Yaml;

/// <summary>
/// Typed, validating access to one YAML mapping. Every problem becomes a diagnostic that names
/// the file, the line and column in that file, and the field, so front matter and site.yml
/// report errors the same way.
/// </summary>
internal sealed partial class YamlMap
{
    private readonly YamlMappingNode _node;
    private readonly string _file;
    private readonly int _lineOffset;
    private readonly string _prefix;
    private readonly DiagnosticBag _diagnostics;

    private YamlMap(YamlMappingNode node, string file, int lineOffset, string prefix, DiagnosticBag diagnostics)
    {
        _node = node;
        _file = file;
        _lineOffset = lineOffset;
        _prefix = prefix;
        _diagnostics = diagnostics;
    }

    /// <summary>Parses YAML text whose first line is line <paramref name="lineOffset"/>+1 of the file.</summary>
    public static YamlMap? Parse(string yaml, string file, int lineOffset, DiagnosticBag diagnostics)
    {
        if (LineSeparator(yaml) is { } separator)
        {
            // YAML counts NEL, U+2028 and U+2029 as line breaks and every line after one would be misnumbered.
            diagnostics.Add(new Diagnostic(file, separator.Line + lineOffset, separator.Column,
                $"line separator U+{separator.Code:X4} in front matter; use an ordinary line break, or delete it"));
            return null;
        }
        var stream = new YamlStream();
        try
        {
            YamlLimits.Check(yaml);
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            diagnostics.Add(FromYamlException(e, yaml, file, lineOffset));
            return null;
        }

        var root = stream.Documents.Count == 0 ? null : stream.Documents[0].RootNode;
        if (root is YamlMappingNode mapping)
            return new YamlMap(mapping, file, lineOffset, "", diagnostics);
        if (root is null || root is YamlScalarNode { Value: null or "" })
            return new YamlMap(new YamlMappingNode(), file, lineOffset, "", diagnostics);

        diagnostics.Add(new Diagnostic(file, (int)root.Start.Line + lineOffset, (int)root.Start.Column,
            "expected a mapping of 'key: value' lines"));
        return null;
    }

    private static (int Line, int Column, int Code)? LineSeparator(string yaml)
    {
        var at = yaml.AsSpan().IndexOfAny('\u0085', '\u2028', '\u2029');
        if (at < 0) return null;
        var lineStart = at == 0 ? 0 : yaml.LastIndexOf('\n', at - 1) + 1;
        return (yaml.AsSpan(0, at).Count('\n') + 1, at - lineStart + 1, yaml[at]);
    }

    public string File => _file;

    /// <summary>The line in the file where <paramref name="key"/> is written, or the mapping's own line.</summary>
    public (int Line, int Column) PositionOf(string key)
    {
        var entry = Find(key);
        var mark = entry?.Key.Start ?? _node.Start;
        return ((int)mark.Line + _lineOffset, (int)mark.Column);
    }

    public bool Has(string key) => Find(key) is { } e && !IsNull(e.Value);

    public void RejectUnknownKeys(IReadOnlyCollection<string> known)
    {
        foreach (var (key, _) in _node.Children)
        {
            var name = (key as YamlScalarNode)?.Value ?? "";
            if (!known.Contains(name))
                Error(key, $"unknown field '{_prefix}{name}'; known fields are: {string.Join(", ", known)}");
        }
    }

    public string? Text(string key, bool required = false)
    {
        var value = Value(key, required);
        if (value is null) return null;
        if (value is not YamlScalarNode scalar)
        {
            Error(value, $"field '{_prefix}{key}' must be text, not a {Describe(value)}");
            return null;
        }
        var text = scalar.Value!.Trim();
        if (Forbidden(value, key, text)) return null;
        if (required && text.Length == 0)
        {
            Error(value, $"field '{_prefix}{key}' must not be empty");
            return null;
        }
        return text.Length == 0 ? null : text;
    }

    /// <summary>A control character in a value (a YAML escape such as "\e" writes one the file-wide check cannot see) is an error.</summary>
    private bool Forbidden(YamlNode node, string key, string text)
    {
        if (ControlCharacters.First(text) is not { } found) return false;
        Error(node, $"field '{_prefix}{key}' holds control character U+{found.CodePoint:X4} (a YAML escape?); front matter text may not hold control characters");
        return true;
    }

    public string? OneOf(string key, IReadOnlyCollection<string> allowed)
    {
        var text = Text(key);
        if (text is null || allowed.Contains(text)) return text;
        Error(Find(key)!.Value.Value, $"field '{_prefix}{key}' is '{text}'; it must be one of: {string.Join(", ", allowed)}");
        return null;
    }

    public string? Matching(string key, Regex pattern, string expected)
    {
        var text = Text(key);
        if (text is null || pattern.IsMatch(text)) return text;
        Error(Find(key)!.Value.Value, $"field '{_prefix}{key}' is '{text}'; {expected}");
        return null;
    }

    public int? Integer(string key, int min, int max)
    {
        var text = Text(key);
        if (text is null) return null;
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max)
            return n;
        Error(Find(key)!.Value.Value, $"field '{_prefix}{key}' is '{text}'; it must be a whole number from {min} to {max}");
        return null;
    }

    public bool? Boolean(string key)
    {
        var text = Text(key);
        if (text is null) return null;
        if (text is "true" or "yes" or "on") return true;
        if (text is "false" or "no" or "off") return false;
        Error(Find(key)!.Value.Value, $"field '{_prefix}{key}' is '{text}'; it must be true or false");
        return null;
    }

    public DateOnly? Date(string key)
    {
        var text = Text(key);
        if (text is null) return null;
        var node = Find(key)!.Value.Value;
        if (!IsoDate().IsMatch(text))
        {
            Error(node, $"field '{_prefix}{key}' is '{text}'; write a date as YYYY-MM-DD, e.g. 2022-02-23");
            return null;
        }
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            return date;
        Error(node, $"field '{_prefix}{key}' is '{text}', which is not a real date");
        return null;
    }

    public IReadOnlyList<string> TextList(string key)
    {
        var value = Value(key, required: false);
        switch (value)
        {
            case null:
                return [];
            case YamlScalarNode:
                return Text(key) is { } one ? [one] : [];
            case YamlSequenceNode sequence:
                var items = new List<string>();
                foreach (var item in sequence.Children)
                {
                    if (item is YamlScalarNode { Value: { } s } && s.Trim().Length > 0) { if (!Forbidden(item, key, s)) items.Add(s.Trim()); }
                    else if (!IsNull(item)) Error(item, $"each item of '{_prefix}{key}' must be text, not a {Describe(item)}");
                }
                return items;
            default:
                Error(value, $"field '{_prefix}{key}' must be a list of text, not a {Describe(value)}");
                return [];
        }
    }

    public YamlMap? Map(string key)
    {
        var value = Value(key, required: false);
        if (value is null) return null;
        if (value is YamlMappingNode mapping)
            return new YamlMap(mapping, _file, _lineOffset, $"{_prefix}{key}.", _diagnostics);
        Error(value, $"field '{_prefix}{key}' must be a mapping of 'key: value' lines, not a {Describe(value)}");
        return null;
    }

    public void Error(string key, string message)
    {
        var (line, column) = PositionOf(key);
        _diagnostics.Add(new Diagnostic(_file, line, column, message));
    }

    private YamlNode? Value(string key, bool required)
    {
        var entry = Find(key);
        if (entry is null || IsNull(entry.Value.Value))
        {
            if (required) Error(_node, $"missing required field '{_prefix}{key}'");
            return null;
        }
        return entry.Value.Value;
    }

    private KeyValuePair<YamlNode, YamlNode>? Find(string key)
    {
        foreach (var pair in _node.Children)
            if (pair.Key is YamlScalarNode { Value: var name } && name == key)
                return pair;
        return null;
    }

    private void Error(YamlNode node, string message) =>
        _diagnostics.Add(new Diagnostic(_file, (int)node.Start.Line + _lineOffset, (int)node.Start.Column, message));

    private static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: ScalarStyle.Plain, Value: null or "" or "~" or "null" or "Null" or "NULL" };

    private static string Describe(YamlNode node) => node switch
    {
        YamlSequenceNode => "list",
        YamlMappingNode => "mapping",
        _ => "value",
    };

    private static Diagnostic FromYamlException(YamlException e, string yaml, string file, int lineOffset)
    {
        var line = (int)e.Start.Line;
        var column = (int)e.Start.Column;
        var message = e.Message;
        if (message.Contains("tab", StringComparison.OrdinalIgnoreCase))
            (line, column) = FirstTab(yaml) ?? (line, column);
        return new Diagnostic(file, line + lineOffset, column, "invalid YAML: " + Clean(message));
    }

    private static (int, int)? FirstTab(string yaml)
    {
        var lines = yaml.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var at = lines[i].IndexOf('\t');
            if (at >= 0) return (i + 1, at + 1);
        }
        return null;
    }

    // YamlDotNet appends its own "Line: x, Col: y" position, which would contradict ours.
    private static string Clean(string message) => YamlPosition().Replace(message, "").Trim();

    [GeneratedRegex(@"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")]
    private static partial Regex IsoDate();

    [GeneratedRegex(@"\(?Line: \d+, Col: \d+, Idx: \d+\)?( - \(?Line: \d+, Col: \d+, Idx: \d+\)?)?:?")]
    private static partial Regex YamlPosition();
}
