using System.Text.Json;

namespace SiteGen.Tests.Support;

/// <summary>tests/vectors/tokenizer.json: what both tokenizers, C# and JavaScript, must produce.</summary>
public static class TokenizerVectors
{
    public sealed record Case(string Input, string Normalized, IReadOnlyList<(string Unit, int Start, int End)> Units);

    public static IReadOnlyList<Case> All { get; } = Load();

    private static List<Case> Load()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "vectors", "tokenizer.json")));
        return json.RootElement.GetProperty("cases").EnumerateArray().Select(c => new Case(
            c.GetProperty("input").GetString()!,
            c.GetProperty("normalized").GetString()!,
            c.GetProperty("units").EnumerateArray().Select(u => (u[0].GetString()!, u[1].GetInt32(), u[2].GetInt32())).ToList())).ToList();
    }
}
