using FluentAssertions;
using SiteGen.Build;
using SiteGen.Diagnostics;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Hardening;

/// <summary>
/// A corpus of hostile and broken content files in one site, each with the exact error expected:
/// one run of check names every one of them, and build leaves the previous site untouched.
/// </summary>
public class HostileInputTests
{
    private static readonly (string File, byte[] Bytes, string Expected)[] Corpus =
    [
        ("malformed.md", Utf8("---\ntitle: [甲\n---\n"), "content/reports/malformed.md:3:1: invalid YAML"),
        ("tabs.md", Utf8("---\ntitle: 甲\nregion:\n\tprovince: 广东省\n---\n"), "content/reports/tabs.md:4:1: invalid YAML"),
        ("duplicate-key.md", Utf8("---\ntitle: 甲\ntitle: 乙\n---\n"), "content/reports/duplicate-key.md:3:1: invalid YAML: Duplicate key"),
        ("wrong-type.md", Utf8("---\ntitle: 甲\nyear: [2021]\n---\n"), "content/reports/wrong-type.md:3:7: field 'year' must be text, not a list"),
        ("impossible-date.md", Utf8("---\ntitle: 甲\ndate_written: 2021-02-30\n---\n"), "content/reports/impossible-date.md:3:15: field 'date_written' is '2021-02-30', which is not a real date"),
        ("no-title.md", Utf8("---\nyear: 2021\n---\n"), "content/reports/no-title.md:2:1: missing required field 'title'"),
        ("traversal.md", Utf8("---\ntitle: 甲\nslug: ../../x\n---\n"), "content/reports/traversal.md:3:7: field 'slug' is '../../x'; a slug is lowercase ASCII"),
        ("absolute.md", Utf8("---\ntitle: 甲\nslug: /etc/cron.d/x\n---\n"), "content/reports/absolute.md:3:7: field 'slug' is '/etc/cron.d/x'"),
        ("reserved.md", Utf8("---\ntitle: 甲\nslug: nul\n---\n"), "content/reports/reserved.md:3:1: field 'slug' is 'nul', a name Windows reserves"),
        ("dup-a.md", Utf8("---\ntitle: 甲\nslug: same\n---\n"), ""),
        ("dup-b.md", Utf8("---\ntitle: 乙\nslug: same\n---\n"), "content/reports/dup-b.md:3:1: duplicate slug 'same'"),
        ("gbk.md", [0x2D, 0x2D, 0x2D, 0x0A, 0xB8, 0xDF, 0xD2, 0xAA, 0x0A], "content/reports/gbk.md:1:1: the file is not UTF-8 text"),
        ("surrogate.md", [.. Utf8("---\ntitle: 甲"), 0xED, 0xA0, 0x80, .. Utf8("\n---\n")], "content/reports/surrogate.md:1:1: the file is not UTF-8 text"),
        ("empty.md", [], "content/reports/empty.md:1:1: missing front matter"),
        ("body-only.md", Utf8("只有正文，没有前置信息。\n"), "content/reports/body-only.md:1:1: missing front matter"),
        ("unclosed.md", Utf8("---\ntitle: 甲\n正文\n"), "content/reports/unclosed.md:1:1: front matter is not closed"),
        ("control.md", Utf8("---\ntitle: 甲\n---\n正文\u0008。\n"), "content/reports/control.md:4:3: control character U+0008"),
        ("huge.md", Utf8("---\ntitle: 巨大\n---\n" + new string('法', 6 * 1024 * 1024 / 3 + 10)), "content/reports/huge.md:1:1: the file is 6.0 MB; a report may be at most 5 MB"),
        // Aliases nested 19 deep, each naming the last four times, used as a key: minutes of hashing, then gigabytes.
        ("alias-bomb.md", Utf8("---\ntitle: x\nz0: &c0 [l, l]\n" + string.Concat(Enumerable.Range(1, 19).Select(i =>
            $"z{i}: &c{i} [{string.Join(",", Enumerable.Repeat($"*c{i - 1}", 4))}]\n")) + "? *c19\n: b\n---\nx\n"),
            "content/reports/alias-bomb.md:9:14: invalid YAML: aliases expand to more than 10,000 values"),
        // 30,000 '[' overflowed the stack: the process died (exit 134).
        ("deep-nesting.md", Utf8("---\ntitle: x\nk: " + new string('[', 30_000) + "\n---\nx\n"), "content/reports/deep-nesting.md:3:35: invalid YAML: nested more than 32 levels deep"),
        ("complex-key.md", Utf8("---\ntitle: x\n? [a, b]\n: c\n---\nx\n"), "content/reports/complex-key.md:3:3: invalid YAML: a key must be plain text"),
        // A YAML escape writes a control character the file-wide check cannot see; echoed raw, "\e[2J" clears the terminal.
        ("yaml-escape.md", Utf8("---\ntitle: \"a\\e[2J\\a\"\n---\n"), "content/reports/yaml-escape.md:2:8: field 'title' holds control character U+001B"),
        ("noncharacter.md", Utf8("---\ntitle: 甲\nkeywords: [\"\\uFFFE\"]\n---\n"), "content/reports/noncharacter.md:3:12: field 'keywords' holds control character U+FFFE"),
        ("c1-control.md", Utf8("---\ntitle: 甲\n---\n正文\u009B2J。\n"), "content/reports/c1-control.md:4:3: control character U+009B"),
        // One code, two places: check said OK, build exit 2 ("two pages want the same output file").
        ("code-a.md", Utf8("---\ntitle: 甲\nregion:\n  province: 新疆维吾尔自治区\n  city: 乌鲁木齐市\n  county: 天山区\n  code: \"650102\"\n---\n"), ""),
        ("code-b.md", Utf8("---\ntitle: 乙\nregion:\n  province: 新疆维吾尔自治区\n  city: 乌鲁木齐市\n  county: 沙依巴克区\n  code: \"650102\"\n---\n"),
            "content/reports/code-b.md:7:3: region code 650102 is '天山区' in content/reports/code-a.md but '沙依巴克区' here"),
        ("code-c.md", Utf8("---\ntitle: 丙\nregion:\n  province: 新疆\n  code: \"650000\"\n---\n"),
            "content/reports/code-c.md:5:3: region code 650000 is '新疆维吾尔自治区' in content/reports/code-a.md but '新疆' here"),
        // Full-width digits passed \d and then made a folder name the build refused.
        ("code-fullwidth.md", Utf8("---\ntitle: 丁\nregion:\n  province: 广东省\n  code: \"４４００００\"\n---\n"),
            "content/reports/code-fullwidth.md:5:9: field 'region.code' is '４４００００'; a region code is the 6 digits"),
        // YAML takes U+2028 for a line break: every line after it was misnumbered.
        ("line-separator.md", Utf8("---\ntitle: 甲\u2028乙\nyear: 19\n---\n"), "content/reports/line-separator.md:2:9: line separator U+2028 in front matter"),
        ("fine-bom-crlf.md", [0xEF, 0xBB, 0xBF, .. Utf8("---\r\ntitle: 甲\r\n---\r\n正文\r\n")], ""),
        ("fine-no-body.md", Utf8("---\ntitle: 只有前置信息\n---"), ""),
    ];

    private static byte[] Utf8(string text) => System.Text.Encoding.UTF8.GetBytes(text);

    [Fact]
    public void Every_hostile_input_is_named_in_one_run_and_the_previous_site_survives()
    {
        using var site = TestSite.CopyOfRepository();
        site.Build();
        var before = SiteFiles.Snapshot(site.Output);
        foreach (var (file, bytes, _) in Corpus) File.WriteAllBytes(Path.Combine(site.Root, "content/reports", file), bytes);

        var check = SitegenProcess.Run("check", "--source", site.Root);
        var build = SitegenProcess.Run("build", "--source", site.Root);

        check.ExitCode.Should().Be(1);
        build.ExitCode.Should().Be(1);
        foreach (var (_, _, expected) in Corpus.Where(c => c.Expected.Length > 0))
        {
            check.Error.Should().Contain(expected);
            build.Error.Should().Contain(expected);
        }
        var problems = check.Error.Split('\n').Count(l => l.StartsWith("content/reports/"));
        problems.Should().Be(Corpus.Count(c => c.Expected.Length > 0), "fine files give no error, broken ones exactly one each");
        SiteFiles.Snapshot(site.Output).Should().Equal(before);
    }

    [Fact]
    public void Pipes_broken_links_link_loops_and_names_that_are_not_utf8_are_named_not_hung_on()
    {
        using var site = TestSite.CopyOfRepository();
        var reports = Path.Combine(site.Root, "content/reports");
        System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("bash", ["-c", "mkfifo fifo.md && touch $'bad\\xff.md'"]) { WorkingDirectory = reports })!.WaitForExit();
        File.CreateSymbolicLink(Path.Combine(reports, "dangling.md"), "nowhere.md");
        File.CreateSymbolicLink(Path.Combine(reports, "loop-a.md"), "loop-b.md");
        File.CreateSymbolicLink(Path.Combine(reports, "loop-b.md"), "loop-a.md");
        Directory.CreateSymbolicLink(Path.Combine(reports, "up"), site.Root); // a folder link back up the tree

        foreach (var command in new[] { "check", "build" })
        {
            var result = SitegenProcess.Run(command, "--source", site.Root);
            result.ExitCode.Should().Be(1, command);
            result.Error.Should().Contain("content/reports/fifo.md:1:1: not a regular file")
                .And.Contain("content/reports/dangling.md:1:1: a symbolic link to 'nowhere.md', which does not exist")
                .And.Contain("content/reports/loop-a.md:1:1: a symbolic link that leads round in a loop")
                .And.Contain(":1:1: the file cannot be opened by its name (is the name not UTF-8?)");
        }
    }

    [Fact]
    public void A_file_name_with_a_line_break_cannot_forge_a_line_of_output()
    {
        using var site = TestSite.CopyOfRepository();
        File.WriteAllText(Path.Combine(site.Root, "content/reports", "x\nforged.md:1:1: ok.md"), "---\ntitle: 甲\nyear: 1\n---\n");

        var check = SitegenProcess.Run("check", "--source", site.Root);

        check.ExitCode.Should().Be(1);
        check.Error.Split('\n').Should().NotContain(l => l.StartsWith("forged.md"))
            .And.Contain(l => l.StartsWith("content/reports/x\\u000Aforged.md:1:1: ok.md:3:7: field 'year'"));
    }

    [Theory]
    [InlineData("title: x\nk: &a [1, 2]\nkeywords: *a\n")]
    [InlineData("title: x\nregion: {province: 广东省, city: 肇庆市}\n")]
    public void Plain_aliases_and_flow_mappings_still_load(string frontMatter)
    {
        var diagnostics = new DiagnosticBag();
        SiteGen.Yaml.YamlMap.Parse(frontMatter, "a.md", 1, diagnostics).Should().NotBeNull();
        diagnostics.ToSortedList().Should().BeEmpty();
    }

    [Fact]
    public void Ten_thousand_reports_with_the_same_title_build()
    {
        using var site = TestSite.WithTemplates();
        for (var i = 0; i < 10_000; i++)
            site.Write($"content/reports/r{i:00000}.md", $"---\ntitle: 同一个标题\nyear: {2015 + i % 10}\n---\n第{i}份。\n");

        var result = SiteBuilder.Build(new BuildOptions(site.Root, site.Output));

        result.Reports.Should().Be(10_000);
        File.Exists(Path.Combine(site.Output, "reports/r09999.html")).Should().BeTrue();
        Directory.GetFiles(Path.Combine(site.Output, "all")).Should().HaveCount(500);
    }
}
