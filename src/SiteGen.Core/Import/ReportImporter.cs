using System.Text.RegularExpressions;
using SiteGen.Diagnostics;
using SiteGen.Content;
using SiteGen.Import.Divisions;
using SiteGen.Search.Reader;

namespace SiteGen.Import;

/// <summary>
/// Turns the text of a page copied or scraped from a government website into a report: strips the
/// site's chrome, lifts the labelled metadata, the title and the signature block, lays the body out
/// as Markdown and lists the defects of the copy. The body keeps every word of the document.
/// </summary>
internal static partial class ReportImporter
{
    public static ImportedReport Import(string text) => Import(text, RegionResolver.Shared);

    public static ImportedReport Import(string text, RegionResolver regions)
    {
        var warnings = new List<string>();
        // Invisible junk from a scrape or a word processor, not text of the report: removed, and said so. The same
        // characters a report may not hold, so what the importer writes always loads.
        text = ControlCharacters.Remove(TextFile.Normalize(text), out var controls);
        if (controls > 0) warnings.Add($"原文含 {controls} 个不可见的控制字符，已删除。");
        var page = RawPage.Read(text);

        var title = FindTitle(page, warnings);
        var evidence = new Dictionary<string, Evidence>();
        var titleLine = title.Labelled ? page.Origin(Field.Title).Line : page.LineOf(title.Parts.FirstOrDefault());
        if (!title.Missing) evidence["title"] = new(titleLine, title.Labelled ? $"label {page.Origin(Field.Title).Label}" : "title line");

        var docNumber = First(evidence, "doc_number",
            Labelled(page, Field.DocNumber),
            Found.Of(page.DocNumberLine, page.LineOf(page.DocNumberLine), "文号 line under the title"),
            Found.Of(title.Parts.Select(TitleChrome.DocNumberBefore).FirstOrDefault(n => n is not null), titleLine, "文号 in brackets after the title"));
        var header = page.HeaderText.Where(l => !SameText(l, title.Text) && !title.Parts.Contains(l)).ToList();
        var body = header.Concat(page.Body).ToList();

        var signature = SignatureFinder.Find(body);
        if (signature is not null)
        {
            body = body.Take(signature.FirstLine).Concat(TrailingNotes(body, signature)).ToList();
            if (signature.KeptPrefix is not null) body.Insert(signature.FirstLine, signature.KeptPrefix);
        }
        var paragraphs = body.Where(l => l.Length > 0 && !SameText(l, title.Text)).ToList();
        var opening = string.Join("\n", paragraphs.Take(3));

        // The order of evidence: who signed it, who the title says issues it, the page's labelled fields; last the site's host.
        var publisher = First(evidence, "publisher",
            Found.Of(signature?.Publisher, page.LineOf(signature?.Issuers.FirstOrDefault(), fromEnd: true), "signature (落款)"),
            Found.Of(TitleIssuer(title.Text), titleLine, "issuer named in the title"),
            Labelled(page, Field.Publisher),
            page.Value(Field.Source) is { } source && SignatureFinder.IsIssuer(source) ? Labelled(page, Field.Source) : null,
            Found.Of(page.HeaderIssuer, page.HeaderIssuerLine, "issuer's name alone on a line after the 索引号"),
            Found.Of(page.FooterHost, page.FooterHostLine, "the site's 主办 footer"));
        if (evidence.TryGetValue("publisher", out var from) && from.Rule == "the site's 主办 footer")
            warnings.Add($"原文无落款，发布机构取自网站主办单位“{publisher}”，请核对。");
        var region = regions.Resolve(title.Text, publisher, string.Join("\n", paragraphs));
        if (region.Warning is not null) warnings.Add(region.Warning);
        if (region.Name is not null) evidence["region"] = new(page.LineOf(region.Name), region.Rule!);

        var docType = Classification.DocType(title.Missing ? null : title.Text, opening);
        evidence["doc_type"] = new(title.Missing ? null : titleLine, title.Missing ? "the body's opening words" : "the title's wording");
        var dateWritten = First(evidence, "date_written",
            Labelled(page, Field.DateWritten, page.Date(Field.DateWritten)),
            Found.Of(signature?.Date?.Date, page.LineOf(signature?.DateLine, fromEnd: true), "signature (落款) date"));
        var year = First(evidence, "year",
            Found.Of(Classification.Year(title.Text, ""), titleLine, "the title"),
            Found.Of(Classification.Year("", opening), page.LineOf(paragraphs.FirstOrDefault()), "the body's opening paragraphs"),
            Found.Of(Classification.IssueYear(docType, docNumber, dateWritten), null, "the year of the notice's 文号 or date"));
        if (year is null) warnings.Add("未能从标题或正文开头确定报告所涉年度。");
        warnings.InsertRange(0, Defects.Find(paragraphs, signature));
        if (page.Value(Field.Abstract) is { } summary && !Defects.EndsSentence().IsMatch(summary))
            warnings.Add("内容概述不完整：原网页的摘要在句中截断。");

        // Jointly issued documents take the level of the first (leading) issuer.
        var level = Classification.Level(publisher?.Split('、')[0], region.Unit);
        if (level is not null) evidence["level"] = new(null, "the publisher's name and the region's level");
        var keywords = Keywords(page.Value(Field.Keywords));
        if (keywords.Count > 0) Labelled(page, Field.Keywords)!.Note(evidence, "keywords");

        return new ImportedReport
        {
            Title = title.Text,
            HasTitle = !title.Missing,
            DocType = docType,
            Publisher = publisher,
            Region = region.Region,
            Level = level,
            Year = year,
            DateWritten = dateWritten,
            DatePublished = First(evidence, "date_published",
                Labelled(page, Field.DatePublished, page.Date(Field.DatePublished)),
                Found.Of(page.HeaderDate, page.HeaderDateLine, "date line above the text"),
                Found.Of(title.Parts.Select(TitleChrome.DateAfter).FirstOrDefault(d => d is not null), titleLine, "date printed after the title")),
            DocNumber = docNumber is null ? null : Whitespace().Replace(docNumber, ""),
            // An 索引号 has no spaces: what follows one is another label (公开方式 主动公开, | 文件编号).
            IndexNumber = First(evidence, "index_number", Labelled(page, Field.IndexNumber,
                page.Value(Field.IndexNumber)?.Split([' ', '\u3000', '|', '｜'], StringSplitOptions.RemoveEmptyEntries).FirstOrDefault())),
            Keywords = keywords,
            Abstract = First(evidence, "abstract", Labelled(page, Field.Abstract)),
            Source = First(evidence, "source", page.Value(Field.Source) is { } site && !LocalSource().IsMatch(site) ? Labelled(page, Field.Source) : null)
                is { } sourceSite ? new SourceInfo(sourceSite, null, null) : SourceInfo.None,
            Body = MarkdownBody.Write(paragraphs),
            Warnings = warnings.Distinct().ToList(),
            Evidence = evidence,
        };
    }

    /// <summary>A value the importer found, with the line it was read from and the rule that read it.</summary>
    private sealed record Found<T>(T Value, int? Line, string Rule)
    {
        public void Note(Dictionary<string, Evidence> evidence, string key) => evidence[key] = new Evidence(Line, Rule);
    }

    private static class Found
    {
        public static Found<string>? Of(string? value, int? line, string rule) => value is null ? null : new(value, line, rule);
        public static Found<DateOnly>? Of(DateOnly? value, int? line, string rule) => value is null ? null : new(value.Value, line, rule);
        public static Found<int>? Of(int? value, int? line, string rule) => value is null ? null : new(value.Value, line, rule);
    }

    private static Found<string>? Labelled(RawPage page, Field field) =>
        page.Value(field) is { } value ? new(value, page.Origin(field).Line, $"label {page.Origin(field).Label}".TrimEnd()) : null;

    private static Found<T>? Labelled<T>(RawPage page, Field field, T? value) where T : struct =>
        value is null ? null : new(value.Value, page.Origin(field).Line, LabelRule(page, field));

    private static Found<string>? Labelled(RawPage page, Field field, string? value) =>
        value is null ? null : new(value, page.Origin(field).Line, LabelRule(page, field));

    // An unlabelled 索引号 line keeps an empty label.
    private static string LabelRule(RawPage page, Field field) =>
        page.Origin(field).Label is { Length: > 0 } label ? $"label {label}" : "unlabelled 索引号 line";

    /// <summary>The first value found, in the order of evidence given; its line and rule become the field's evidence.</summary>
    private static string? First(Dictionary<string, Evidence> evidence, string key, params Found<string>?[] options)
    {
        var found = options.FirstOrDefault(o => o is not null);
        found?.Note(evidence, key);
        return found?.Value;
    }

    private static T? First<T>(Dictionary<string, Evidence> evidence, string key, params Found<T>?[] options) where T : struct
    {
        var found = options.FirstOrDefault(o => o is not null);
        found?.Note(evidence, key);
        return found?.Value;
    }

    private sealed record TitleFound(string Text, IReadOnlyList<string> Parts, bool Missing = false, bool Labelled = false);

    private static TitleFound FindTitle(RawPage page, List<string> warnings)
    {
        if (page.Value(Field.Title) is { } labelled) return new TitleFound(TitleChrome.Strip(Despace(labelled)), [labelled], Labelled: true);

        var lines = page.HeaderText;
        var best = (Text: (string?)null, Parts: (IReadOnlyList<string>)[], Score: int.MinValue);
        for (var i = 0; i < lines.Count; i++)
        {
            Consider(TitleChrome.Strip(Despace(lines[i])), [lines[i]]);
            // A title split over two lines: the first has no document word, the second ends with one.
            if (i + 1 < lines.Count && lines[i].Length <= 40 && !TitleWord().IsMatch(lines[i]) && TitleWord().IsMatch(lines[i + 1]))
                Consider(TitleChrome.Strip(Despace(lines[i] + lines[i + 1])), [lines[i], lines[i + 1]]);
        }
        if (best.Text is not null) return new TitleFound(best.Text, best.Parts);

        warnings.Add("未找到标题，请编辑补上。");
        return new TitleFound("（无标题）", [], Missing: true);

        void Consider(string text, IReadOnlyList<string> parts)
        {
            var score = TitleScore(text);
            if (score > best.Score && score > 0) best = (text, parts, score);
        }
    }

    private static int TitleScore(string text)
    {
        if (text.Length is < 6 or > 90 || Addressee().IsMatch(text) || text.Contains('。') || DateText.IsDateLine(text)) return 0;
        var score = 1;
        if (TitleWord().IsMatch(text)) score += 4;
        if (Classification.Year(text, "") is not null) score += 1;
        if (text.Contains("关于")) score += 1;
        return score;
    }

    private static IEnumerable<string> TrailingNotes(IReadOnlyList<string> body, Signature signature) =>
        body.Skip(signature.FirstLine).Where(l => l.Length > 0 && !SignatureFinder.IsIssuer(l) && !DateText.IsDateLine(l)
            && SignatureFinder.Find([l]) is null);

    /// <summary>
    /// The issuer a title names before what it issues: 广东省人民政府关于…的报告 → 广东省人民政府; joint issuers
    /// written one after another (中共海南省委海南省人民政府关于…) are split apart.
    /// </summary>
    internal static string? TitleIssuer(string title)
    {
        var match = IssuerInTitle().Match(title);
        if (!match.Success || !SignatureFinder.IsIssuer(match.Groups["issuer"].Value, shortest: 3)) return null;
        return string.Join(" ", SignatureFinder.Split(match.Groups["issuer"].Value));
    }

    [GeneratedRegex(@"^(?<issuer>[^\s，。：:]{3,40}?)(?:关于|印发|(?:19|20)\d{2}\s*年|[〇零○一二]{4}年)")]
    private static partial Regex IssuerInTitle();

    /// <summary>主题词 as listed; a run of words with no separators (法治政府依法行政) is split into words by ICU.</summary>
    private static IReadOnlyList<string> Keywords(string? value)
    {
        if (value is null) return [];
        var listed = value.Split([' ', '　', ',', '，', '、', ';', '；'], StringSplitOptions.RemoveEmptyEntries);
        return listed.Length == 1 && listed[0].Length > 6 ? Search.Reader.WordSegmenter.Words(listed[0]).Distinct().ToList() : listed;
    }

    private static bool SameText(string a, string b) => Despace(a) == Despace(b);

    /// <summary>Removes spacing inside Chinese text (法 治 政 府 → 法治政府), keeping spaces between Latin words.</summary>
    internal static string Despace(string text)
    {
        text = text.Trim();
        // A line spaced out letter by letter (法 治 政 府 2 0 2 1) loses every gap not between two Latin words.
        var gaps = text.Count(c => c is ' ' or '\u3000');
        if (gaps * 3 >= text.Length - gaps && gaps >= 3) return SpacedOutGap().Replace(text, "");
        return SpaceBetweenHan().Replace(text, "");
    }

    [GeneratedRegex(@"(?<![A-Za-z])[ \u3000]+|[ \u3000]+(?![A-Za-z])")]
    private static partial Regex SpacedOutGap();

    [GeneratedRegex(@"(?<=[\p{IsCJKUnifiedIdeographs}\p{IsCJKSymbolsandPunctuation}\uFF00-\uFFEF\d])[ \t\u3000]+(?=[\p{IsCJKUnifiedIdeographs}\p{IsCJKSymbolsandPunctuation}\uFF00-\uFFEF])|(?<=[\p{IsCJKUnifiedIdeographs}\p{IsCJKSymbolsandPunctuation}\uFF00-\uFFEF])[ \t\u3000]+(?=\d)")]
    private static partial Regex SpaceBetweenHan();

    [GeneratedRegex(@"(报告|汇报|要点|总结|通知|意见|方案|计划|规划|决定|办法|规定|批复|公告|通报|纲要|细则|函)$")]
    private static partial Regex TitleWord();

    // 国务院: / 县委、县人民政府： — a letter's addressee, never its title.
    [GeneratedRegex(@"[:：]$")]
    private static partial Regex Addressee();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex("^(本网|本站|网站|原创)$")]
    private static partial Regex LocalSource();
}
