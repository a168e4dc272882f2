using System.Text.RegularExpressions;

namespace SiteGen.Import;

/// <summary>
/// A raw page read into lines and sorted out: chrome dropped, labelled metadata collected, and the
/// remaining text split into the header (title, document number, dates) and the body.
/// </summary>
internal sealed partial class RawPage
{
    private readonly Dictionary<Field, (string Value, string Label, int Line)> _fields = [];
    private List<string> _lines = [];
    /// <summary>A label whose value a page puts on the next line (索 引 号: / 640501001/2022-00153).</summary>
    private LabelledValue? _valueOnNextLine;

    /// <summary>Text lines above the body, in order: title candidates, attachment titles, addressees.</summary>
    public List<string> HeaderText { get; } = [];
    /// <summary>The body's lines from its first paragraph on; blank lines are empty strings.</summary>
    public List<string> Body { get; } = [];
    public string? DocNumberLine { get; private set; }
    public DateOnly? HeaderDate { get; private set; }
    public int? HeaderDateLine { get; private set; }
    /// <summary>An issuing body's name alone on a line above the document (an unlabelled 发布机构).</summary>
    public string? HeaderIssuer { get; private set; }
    public int? HeaderIssuerLine { get; private set; }
    /// <summary>The site's 主办 organisation, from the footer: a last resort for the publisher.</summary>
    public string? FooterHost { get; private set; }
    public int? FooterHostLine { get; private set; }

    public string? Value(Field field) => _fields.TryGetValue(field, out var v) && v.Value.Length > 0 ? v.Value : null;

    /// <summary>Where a labelled field's value was read: the page's line (1-based) and the label it went by.</summary>
    public (int Line, string Label) Origin(Field field) => (_fields[field].Line, _fields[field].Label);

    /// <summary>The first line (1-based) of the page holding <paramref name="text"/>, searched from the top or from the bottom.</summary>
    public int? LineOf(string? text, bool fromEnd = false)
    {
        if (string.IsNullOrEmpty(text)) return null;
        var range = Enumerable.Range(0, _lines.Count);
        foreach (var i in fromEnd ? range.Reverse() : range)
            if (_lines[i].Contains(text, StringComparison.Ordinal)) return i + 1;
        return null;
    }

    public DateOnly? Date(Field field) => Value(field) is { } v ? DateText.First(v)?.Date : null;

    public static RawPage Read(string text)
    {
        var page = new RawPage();
        var lines = page._lines = text.Split('\n').Select(Clean).ToList();
        var bodyStart = lines.FindIndex(IsBodyStart);
        if (bodyStart < 0) bodyStart = lines.Count;

        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (line.Length == 0) { if (i >= bodyStart) page.Body.Add(""); continue; }
            // Metadata first: a line such as "来源:本网 浏览量:- 发布时间:…" holds a date among the chrome.
            if (page.TakeMetadata(line, i + 1, inHeader: i < bodyStart)) continue;
            if (Chrome.IsChrome(line)) { page.NoteFooterHost(line, i + 1); continue; }
            if (i >= bodyStart) page.Body.Add(line);
            else page.TakeHeaderLine(line, i + 1);
        }
        TrimBlankEnds(page.Body);
        return page;
    }

    private static string Clean(string line) =>
        Chrome.CutTrailing(line.Replace('\u00A0', ' ').Trim().Trim('\u3000', '\uFEFF', '\u200B').Trim());

    /// <summary>The first paragraph of the document itself: a long line of prose or a section heading.</summary>
    private static bool IsBodyStart(string line)
    {
        if (line.Length == 0 || Chrome.IsChrome(line)) return false;
        if (LabelledFields.IsMetadataLine(line, LabelledFields.Find(line))) return false;
        return (line.Length >= 50 && Prose().IsMatch(line)) || SectionHeading().IsMatch(line);
    }

    private bool TakeMetadata(string line, int number, bool inHeader)
    {
        // Inside the body only a short "label: value" line is metadata (公开方式：主动公开); prose stays prose.
        if (!inHeader && line.Length > MaxBodyMetadataLine) return false;
        // A page that lists its fields as bullets (- 发布时间: 2026-02-24).
        if (inHeader) line = Bullet().Replace(line, "");
        // A date that leads a line of labels (2023-03-27 17:05 来源: 海南省人民政府网) is the page's date.
        if (inHeader && DateText.First(line) is { Index: 0 } leading && !line.Contains("星期"))
        {
            var rest = Time().Replace(line[leading.Length..], "").Trim();
            if (rest.Length > 0 && LabelledFields.IsMetadataLine(rest, LabelledFields.Find(rest)))
            {
                if (HeaderDate is null) (HeaderDate, HeaderDateLine) = (leading.Date, number);
                line = rest;
            }
        }
        var found = LabelledFields.Find(line);
        if (!LabelledFields.IsMetadataLine(line, found)) return false;
        if (!inHeader && !line.Contains(':') && !line.Contains('：')) return false;
        foreach (var value in found)
            if (value.Field != Field.Ignored && !_fields.ContainsKey(value.Field) && value.Value.Length > 0)
                _fields[value.Field] = (value.Value, value.Label, number);
        _valueOnNextLine = inHeader && found[^1] is { Value.Length: 0, Field: not Field.Ignored } last && !_fields.ContainsKey(last.Field) ? last : null;
        return true;
    }

    private void TakeHeaderLine(string line, int number)
    {
        if (_valueOnNextLine is { } label && line.Length <= MaxBodyMetadataLine && !line.EndsWith(':') && !line.EndsWith('：'))
        {
            _fields[label.Field] = (line, label.Label, number);
            _valueOnNextLine = null;
            return;
        }
        _valueOnNextLine = null;
        if (IndexNumberLine().IsMatch(line)) { _fields.TryAdd(Field.IndexNumber, (line, "", number)); return; }
        // After an 索引号, a body's name alone on a line is the page's unlabelled 发布机构.
        if (_fields.ContainsKey(Field.IndexNumber) && HeaderIssuer is null && SignatureFinder.IsIssuer(line)) { (HeaderIssuer, HeaderIssuerLine) = (line, number); return; }
        if (DocNumber().IsMatch(line)) { DocNumberLine ??= line; return; }
        if (DateText.IsDateLine(line)) { if (HeaderDate is null) (HeaderDate, HeaderDateLine) = (DateText.First(line)!.Date, number); return; }
        HeaderText.Add(line);
    }

    private void NoteFooterHost(string line, int number)
    {
        var m = FooterHostPattern().Match(line);
        if (m.Success && FooterHost is null && SignatureFinder.IsIssuer(m.Groups[1].Value)) (FooterHost, FooterHostLine) = (m.Groups[1].Value, number);
    }

    private const int MaxBodyMetadataLine = 40;

    private static void TrimBlankEnds(List<string> lines)
    {
        while (lines.Count > 0 && lines[^1].Length == 0) lines.RemoveAt(lines.Count - 1);
        while (lines.Count > 0 && lines[0].Length == 0) lines.RemoveAt(0);
    }

    [GeneratedRegex(@"[。，,；;：:]")]
    private static partial Regex Prose();

    [GeneratedRegex(@"^[-•·*]\s+")]
    private static partial Regex Bullet();

    // 11371202004358421D/2025-6640947, 640501001/2022-00153: an 索引号 on a line of its own, unlabelled.
    [GeneratedRegex(@"^[0-9A-Z]{6,20}/(19|20)\d{2}-\d{3,8}$")]
    private static partial Regex IndexNumberLine();

    [GeneratedRegex(@"^\s*\d{1,2}[:：时]\d{1,2}(?:[:：分]\d{1,2}秒?)?分?")]
    private static partial Regex Time();

    [GeneratedRegex(@"^[一二三四五六七八九十]+、")]
    private static partial Regex SectionHeading();

    // 安经开〔2018〕 7号, 粤府办〔2021〕12号, 某府函[2020]3号
    [GeneratedRegex(@"^[\p{IsCJKUnifiedIdeographs}]{1,12}\s*[〔\[［(（]\s*(19|20)\d{2}\s*[〕\]］)）]\s*第?\s*\d+\s*号$")]
    private static partial Regex DocNumber();

    [GeneratedRegex(@"主办(?:单位)?\s*[:：]\s*([^\s|｜]+?)(?=\s|承办|$|\||｜)")]
    private static partial Regex FooterHostPattern();
}
