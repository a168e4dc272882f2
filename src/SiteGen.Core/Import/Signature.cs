using System.Text.RegularExpressions;

namespace SiteGen.Import;

/// <summary>The 落款 at the end of a document: who issued it and when.</summary>
/// <param name="DateLine">The line the date was read from, to say where the signature is.</param>
internal sealed record Signature(IReadOnlyList<string> Issuers, FoundDate? Date, int FirstLine, string? KeptPrefix, string DateLine)
{
    public string? Publisher => Issuers.Count == 0 ? null : string.Join("、", Issuers);
}

/// <summary>
/// Finds the signature block: issuer lines then a date line; issuer and date on one line; or, in a
/// page whose paragraphs ran together, issuer and date glued after the last sentence.
/// </summary>
internal static partial class SignatureFinder
{
    /// <param name="lines">Body lines, chrome already removed; empty strings are blank lines.</param>
    public static Signature? Find(IReadOnlyList<string> lines)
    {
        var last = LastTextLine(lines, lines.Count - 1);
        if (last < 0) return null;

        // Notes that follow a signature, such as (此件公开发布), stay in the body; look above them.
        var dateLine = Note().IsMatch(lines[last]) ? LastTextLine(lines, last - 1) : last;
        if (dateLine < 0) return null;
        var text = lines[dateLine];

        if (DateText.IsDateLine(text))
        {
            var issuers = new List<string>();
            var first = dateLine;
            for (var i = LastTextLine(lines, dateLine - 1); i >= 0 && issuers.Count < 4 && IsIssuer(lines[i]); i = LastTextLine(lines, i - 1))
            {
                issuers.Insert(0, lines[i].Trim());
                first = i;
            }
            return new Signature(issuers.SelectMany(Split).ToList(), DateText.First(text), first, null, text);
        }

        // Issuer and date at the end of the same line, after the last sentence if any.
        var tail = TrailingSignature().Match(text);
        if (tail.Success && DateText.First(tail.Groups["date"].Value) is { } date && IsIssuer(tail.Groups["issuer"].Value))
        {
            var prefix = text[..tail.Index].TrimEnd();
            return new Signature(Split(tail.Groups["issuer"].Value.Trim()).ToList(), date, dateLine, prefix.Length > 0 ? prefix : null, text);
        }
        return null;
    }

    /// <summary>A line that names an organisation and nothing else.</summary>
    /// <param name="shortest">A signature line needs four characters to be told from text; a title's issuer, before 关于, three (司法部).</param>
    public static bool IsIssuer(string line, int shortest = 4)
    {
        var text = line.Trim();
        return text.Length >= shortest && text.Length <= 80 && !SentencePunctuation().IsMatch(text) && OrganisationEnd().IsMatch(text);
    }

    /// <summary>Splits issuers written one after another without separators (jointly issued documents).</summary>
    public static IEnumerable<string> Split(string issuers)
    {
        foreach (var part in issuers.Split(['、', ' ', '\u3000', '\t'], StringSplitOptions.RemoveEmptyEntries))
        {
            var pieces = Organisation().Matches(part).Select(m => m.Value).ToList();
            if (pieces.Count > 1 && string.Concat(pieces) == part) foreach (var p in pieces) yield return p;
            else yield return part;
        }
    }

    private static int LastTextLine(IReadOnlyList<string> lines, int from)
    {
        for (var i = from; i >= 0; i--)
            if (lines[i].Trim().Length > 0) return i;
        return -1;
    }

    private const string Suffix = "(?:办公室|办公厅|委员会|管委会|人民政府|政府办|政府|司法局|局|厅|委|院|部|处|中心|办事处|党政办|领导小组|工作组|公司|所|站)";

    [GeneratedRegex("^.{2,60}?" + Suffix + "$")]
    private static partial Regex OrganisationEnd();

    // One organisation: as few characters as possible up to a suffix that is not the start of a longer one
    // (人民政府 before 办公室 makes 人民政府办公室).
    [GeneratedRegex(".+?" + Suffix + "(?!办公室|办公厅|委员会|管委会|党政办|办事处|公室|公厅|员会)")]
    private static partial Regex Organisation();

    [GeneratedRegex(@"[。，,；;！？!?“”""]")]
    private static partial Regex SentencePunctuation();

    [GeneratedRegex(@"^[（(]此件.{0,12}[)）]$|^[（(].{0,12}公开.{0,6}[)）]$")]
    private static partial Regex Note();

    [GeneratedRegex(@"(?:(?<=[。！？”])|^)\s*(?<issuer>[^。！？”]{4,80}?)\s*(?<date>(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日?(?:\s*印发)?|[〇零○一二三四五六七八九]{4}年[一二三四五六七八九十]{1,2}月[一二三四五六七八九十]{1,3}日)\s*$")]
    private static partial Regex TrailingSignature();
}
