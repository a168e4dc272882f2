using System.Text.Json;

namespace SiteGen.Tests.Support;

/// <summary>tests/vectors/tokenizer.json: what both tokenizers, C# and JavaScript, must produce.</summary>
public static class TokenizerVectors
{
    public sealed record Case(string Input, string Normalized, IReadOnlyList<(string Unit, int Start, int End, bool Break)> Units);

    public static IReadOnlyList<Case> All { get; } = Load();

    private static List<Case> Load()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "vectors", "tokenizer.json")));
        return json.RootElement.GetProperty("cases").EnumerateArray().Select(c => new Case(
            c.GetProperty("input").GetString()!,
            c.GetProperty("normalized").GetString()!,
            c.GetProperty("units").EnumerateArray().Select(u => (u[0].GetString()!, u[1].GetInt32(), u[2].GetInt32(), u[3].GetInt32() == 1)).ToList())).ToList();
    }
}

/// <summary>tests/vectors/matching.json: where a query matches a text, punctuation breaks and all, in both engines.</summary>
public static class MatchingVectors
{
    public sealed record Case(string Text, string Query, IReadOnlyList<(int Start, int End)> Ranges);

    public static IReadOnlyList<Case> All { get; } = Load();

    private static List<Case> Load()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "vectors", "matching.json")));
        return json.RootElement.GetProperty("cases").EnumerateArray().Select(c => new Case(
            c.GetProperty("text").GetString()!,
            c.GetProperty("query").GetString()!,
            c.GetProperty("ranges").EnumerateArray().Select(r => (r[0].GetInt32(), r[1].GetInt32())).ToList())).ToList();
    }
}
