using System.Text.Json;
using System.Text.Json.Nodes;

namespace SiteGen.Search.Format;

/// <summary>
/// A columns file's data, packed (FORMAT.md, Files): its values as JSON (coded text, as heads and texts pack theirs), then
/// the documents' value numbers as varints, column after column, then in a segment's file the three length codes a
/// document. As JSON numbers a segment's columns were 26 KB from <c>file://</c>, the most of any file a query reads;
/// packed, 7 KB (over HTTP gzip made them about that already).
/// </summary>
internal static class ColumnsCode
{
    /// <summary>A columns file's content, its value numbers by column name (in the order of <paramref name="Values"/>).</summary>
    public sealed record Decoded(JsonObject Values, IReadOnlyDictionary<string, int[]> Columns, byte[] LengthCodes);

    /// <param name="values">Each column's values by name, item 0 null: the columns follow in this order.</param>
    /// <param name="columns">Each column's value numbers, one a document, in the order of <paramref name="values"/>.</param>
    /// <param name="lengthCodes">Three a document (title, meta, body), or none in a file that does not score.</param>
    public static string Packed(JsonObject values, IReadOnlyList<IReadOnlyList<int>> columns, IReadOnlyList<byte> lengthCodes, JsonSerializerOptions json)
    {
        using var bytes = new MemoryStream();
        var text = TextCode.Bytes(values.ToJsonString(json));
        IndexFormat.WriteVarint(bytes, text.Length);
        bytes.Write(text);
        IndexFormat.WriteVarint(bytes, columns.Count == 0 ? 0 : columns[0].Count);
        foreach (var column in columns)
            foreach (var number in column) IndexFormat.WriteVarint(bytes, number);
        foreach (var code in lengthCodes) bytes.WriteByte(code);
        return IndexFormat.Packed(bytes.GetBuffer().AsSpan(0, (int)bytes.Length));
    }

    /// <param name="literal">What stands between the quotes of the file's literal.</param>
    /// <param name="scored">Whether the file holds length codes (a segment's does, the filter values' do not).</param>
    /// <exception cref="InvalidDataException">Data that does not add up.</exception>
    public static Decoded Read(ReadOnlySpan<char> literal, bool scored)
    {
        var bytes = IndexFormat.Unpacked(literal);
        var at = 0;
        var textLength = IndexFormat.ReadVarint(bytes, ref at);
        var values = JsonNode.Parse(TextCode.Text(bytes.AsSpan(at, textLength)))!.AsObject();
        at += textLength;
        var count = IndexFormat.ReadVarint(bytes, ref at);
        var columns = new Dictionary<string, int[]>(StringComparer.Ordinal);
        foreach (var (name, _) in values)
        {
            var column = columns[name] = new int[count];
            for (var d = 0; d < count; d++) column[d] = IndexFormat.ReadVarint(bytes, ref at);
        }
        var lengthCodes = scored ? bytes[at..] : [];
        if (lengthCodes.Length != (scored ? 3 * count : 0) || (!scored && at != bytes.Length))
            throw new InvalidDataException("a columns file whose parts do not add up");
        return new Decoded(values, columns, lengthCodes);
    }
}
