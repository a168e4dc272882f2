using System.Text;
using FluentAssertions;
using SiteGen.Content;
using SiteGen.Diagnostics;
using SiteGen.Import;
using SiteGen.Rendering;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Hardening;

/// <summary>
/// Thousands of mutated reports and raw pages (fixed seeds, so a failure replays) through the
/// front-matter parser, the Markdown path and the importer: bad input may give diagnostics and
/// warnings, never an unhandled exception.
/// </summary>
public class FuzzTests
{
    private static readonly string[] Reports = Directory.GetFiles(Path.Combine(TestSite.RepoRoot, "content/reports"), "*.md")
        .Order(StringComparer.Ordinal).Select(File.ReadAllText).ToArray();
    private static readonly string[] Pages = Directory.GetFiles(Path.Combine(TestSite.RepoRoot, "seeds"))
        .Order(StringComparer.Ordinal).Select(File.ReadAllText).ToArray();

    // Fragments that have broken parsers before: YAML indicators, Markdown and HTML syntax, odd Unicode.
    private static readonly string[] Splinters =
    [
        "---", "\n---\n", ": ", "- ", "? ", "&anchor ", "*alias", "!!binary ", "|\n", ">\n", "{", "}", "[", "]", "\"", "'", "#",
        "\t", "\r", "\r\n", "\u0000", "\u001B", "\uFEFF", "\uD800", "\uDC00", "\u200B", "\u202E", "𠀀", "<script>", "</div>",
        "<!--", "```", "~~~", "|---|", "[x](javascript:1)", "![](x)", "**", "__", "\\", "&#x0;", "\n\n\n", "　", "〔", "〕",
        "一、", "（一）", "2021年2月30日", "9999-99-99", "year: ", "title: ", "region:\n  code: ", "\n    ", "一是", "。",
    ];

    private static string Mutate(string text, Random random)
    {
        var builder = new StringBuilder(text);
        var edits = random.Next(1, 8);
        for (var i = 0; i < edits; i++)
        {
            var at = builder.Length == 0 ? 0 : random.Next(builder.Length);
            switch (random.Next(6))
            {
                case 0: builder.Insert(at, Splinters[random.Next(Splinters.Length)]); break;
                case 1: builder.Remove(at, Math.Min(random.Next(1, 200), builder.Length - at)); break;
                case 2: builder.Insert(at, (char)random.Next(0, 0x3000)); break;
                case 3: builder.Length = at; break;
                case 4:
                    var from = random.Next(builder.Length + 1);
                    var piece = builder.ToString(from, Math.Min(random.Next(1, 300), builder.Length - from));
                    builder.Insert(at, piece);
                    break;
                default: if (builder.Length > 0) builder[at] = (char)(builder[at] ^ (1 << random.Next(16))); break;
            }
        }
        return builder.ToString();
    }

    [Fact]
    public void Mutated_reports_give_diagnostics_never_exceptions()
    {
        var random = new Random(7001);
        var read = 0;
        for (var i = 0; i < 2000; i++)
        {
            var text = Mutate(Reports[i % Reports.Length], random);
            var bag = new DiagnosticBag();
            var report = ReportReader.Read($"content/reports/fuzz-{i}.md", text, bag);
            if (report is null)
            {
                bag.HasErrors.Should().BeTrue($"case {i} was refused without saying why");
                bag.ToSortedList().Should().OnlyContain(d => d.Line >= 1 && d.Column >= 1 && d.File == $"content/reports/fuzz-{i}.md");
                continue;
            }
            read++;
            var body = MarkdownRenderer.Render(report.Body);
            body.Html.Should().NotContain("<script", $"case {i}");
        }
        read.Should().BeGreaterThan(300, "the mutations leave many reports readable, so the Markdown path is exercised too");
    }

    [Fact]
    public void Mutated_raw_pages_import_without_exceptions()
    {
        var random = new Random(7002);
        for (var i = 0; i < 1000; i++)
        {
            var text = Mutate(Pages[i % Pages.Length], random);
            var report = ReportImporter.Import(text);
            report.Title.Should().NotBeNullOrEmpty($"case {i}");
            var bag = new DiagnosticBag();
            ReportReader.Read("content/reports/x.md", ReportFile.Write(report, "seeds/x.txt"), bag);
            bag.ToSortedList().Should().BeEmpty($"case {i}: the importer writes only valid reports");
        }
    }

    [Fact]
    public void Random_bytes_decode_or_are_refused_without_exceptions()
    {
        var random = new Random(7003);
        for (var i = 0; i < 2000; i++)
        {
            var bytes = new byte[random.Next(0, 2000)];
            random.NextBytes(bytes);
            var decoded = TextDecoder.Decode(bytes);
            (decoded.Text is null).Should().Be(decoded.Error is not null, $"case {i}");
            if (decoded.Text is not null) ReportImporter.Import(decoded.Text);
        }
    }
}
