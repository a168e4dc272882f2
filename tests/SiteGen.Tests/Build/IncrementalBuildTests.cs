using FluentAssertions;
using SiteGen.Build;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Build;

/// <summary>
/// A build that reuses the last one's work (.sitegen/cache) must give exactly the site a cold build gives,
/// whatever changed in between; and it must actually reuse what did not change.
/// </summary>
public class IncrementalBuildTests
{
    private const string Report = "content/reports/441204-2021-annual-report-9bff11.md";

    [Fact]
    public void Editing_a_body_rebuilds_its_page_and_reuses_the_other_pages()
    {
        using var site = TestSite.CopyOfRepository();
        site.Build();
        var before = SiteFiles.Snapshot(site.Output);

        Edit(site, Report, text => text.Replace("现报告如下", "现将有关情况报告如下"));
        var result = site.Build();

        site.ShouldMatchColdBuild();
        site.ReadOutput("reports/441204-2021-annual-report-9bff11.html").Should().Contain("现将有关情况报告如下");
        result.Reused.Should().BeGreaterThan(30, "the other reports' pages, the listings and the assets did not change");
        var changed = SiteFiles.Snapshot(site.Output).Where(f => before.GetValueOrDefault(f.Key) != f.Value).Select(f => f.Key).ToList();
        changed.Should().Contain("reports/441204-2021-annual-report-9bff11.html")
            .And.NotContain("reports/441802-2016-status-report-2cade2.html")
            .And.NotContain("index.html", "the home page shows titles, not bodies");
    }

    [Fact]
    public void A_rebuild_takes_the_search_runtime_from_the_last_build_without_minifying_it_again()
    {
        using var site = TestSite.CopyOfRepository();
        site.Build();
        var runtime = Path.Combine(site.Output, "assets", "search.js");
        // A file the rebuild takes from the last build is linked, not written: its time stays what it was.
        var earlier = new DateTime(2001, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(runtime, earlier);

        Edit(site, Report, text => text.Replace("现报告如下", "现将有关情况报告如下"));
        site.Build();

        File.GetLastWriteTimeUtc(runtime).Should().Be(earlier);
        File.ReadAllBytes(runtime).Should().Equal(SiteGen.Search.Writer.SearchRuntime.Bytes);
        site.ShouldMatchColdBuild();
    }

    [Fact]
    public void The_cache_keeps_only_what_the_current_reports_need()
    {
        using var site = TestSite.CopyOfRepository();
        site.Build();
        var cache = Path.Combine(site.Root, ".sitegen", "cache");
        string[] Items() => new[] { "bodies", "terms", "segments", "patches" }
            .Where(f => Directory.Exists(Path.Combine(cache, f))).SelectMany(f => Directory.GetFiles(Path.Combine(cache, f), "*", SearchOption.AllDirectories)).Select(f => Path.GetRelativePath(cache, f)).Order().ToArray();
        var first = Items();
        var leftOver = Path.Combine(cache, "bodies", "ab", "ab12.bin.tmp-1-1");
        Directory.CreateDirectory(Path.GetDirectoryName(leftOver)!);
        File.WriteAllText(leftOver, "cut short by a stopped build");

        Edit(site, Report, text => text.Replace("现报告如下", "现将有关情况报告如下"));
        var edited = site.Build();

        var second = Items();
        first.Except(second).Should().HaveCount(2, "the edited report's old body and terms are deleted (its segment's record stays: the patch's base)");
        second.Except(first).Should().HaveCount(3, "and its new ones kept, with its segment's patch");
        File.Exists(leftOver).Should().BeFalse();
        site.Build().Reused.Should().BeGreaterThan(edited.Reused, "what the pruned cache kept is reused: the edited report's page and segment too now");
        Items().Should().Equal(second);
    }

    [Fact]
    public void The_analyses_cache_holds_one_analysis_a_current_report_and_no_more()
    {
        using var site = TestSite.CopyOfRepository();
        site.Build();
        Edit(site, Report, text => text.Replace("现报告如下", "现将有关情况报告如下"));
        File.Delete(Path.Combine(site.Root, "content/reports/441802-2016-status-report-2cade2.md"));
        site.Build();

        var cache = new SiteGen.Research.AnalysisCache(new SiteGen.Cache.BuildCache(site.Root));
        var kept = Enumerable.Range(0, SiteGen.Research.AnalysisCache.Shards).SelectMany(s => cache.Read(s).Keys);
        var reports = SiteGen.Content.ContentLoader.Load(site.Root, new SiteGen.Diagnostics.DiagnosticBag());
        kept.Should().BeEquivalentTo(reports.Select(SiteGen.Research.BodyAnalyses.KeyOf), "the edited and the deleted report's old analyses are gone");
        Directory.GetFiles(Path.Combine(site.Root, ".sitegen/cache/analyses")).Length.Should().BeLessThanOrEqualTo(reports.Count);
    }

    [Fact]
    public void Adding_renaming_and_deleting_reports_gives_the_cold_build()
    {
        using var site = TestSite.CopyOfRepository();
        site.Build();

        site.AddReport("440111-2022-annual-report-aaaaaa", Reports.FrontMatter(title: "白云区2022年法治政府建设年度报告",
            year: 2022, city: "广州市", county: "白云区", code: "440111", publisher: "广州市白云区人民政府"), "## 一、新增报告\n\n白云区新增内容。\n");
        site.Build();
        site.ShouldMatchColdBuild(because: "after adding a report");
        site.ReadOutput("index.html").Should().Contain("白云区2022年法治政府建设年度报告");

        File.Move(Path.Combine(site.Root, Report), Path.Combine(site.Root, "content/reports/441204-2021-annual-report-renamed.md"));
        site.Build();
        site.ShouldMatchColdBuild(because: "after renaming a report");
        File.Exists(Path.Combine(site.Output, "reports/441204-2021-annual-report-9bff11.html")).Should().BeFalse();

        File.Delete(Path.Combine(site.Root, "content/reports/440804-2017-work-plan-8255f0.md"));
        site.Build();
        site.ShouldMatchColdBuild(because: "after deleting a report");
        File.Exists(Path.Combine(site.Output, "reports/440804-2017-work-plan-8255f0.html")).Should().BeFalse();
    }

    [Fact]
    public void Editing_front_matter_a_template_site_yml_or_an_asset_gives_the_cold_build()
    {
        using var site = TestSite.CopyOfRepository();
        site.Build();

        Edit(site, Report, text => text.Replace("title: 高要区2021年法治政府建设年度报告", "title: 高要区2021年度法治政府建设情况报告"));
        site.Build();
        site.ShouldMatchColdBuild(because: "after a title edit");
        site.ReadOutput("all/index.html").Should().Contain("高要区2021年度法治政府建设情况报告");

        var beforeTemplate = SiteFiles.Snapshot(site.Output);
        Edit(site, "templates/layout.sbn-html", text => text.Replace("</footer>", "<p>模板已修改</p></footer>"));
        site.Build();
        var afterTemplate = SiteFiles.Snapshot(site.Output);
        site.ShouldMatchColdBuild(because: "after a template edit");
        afterTemplate.Where(f => f.Key.EndsWith(".html")).Should().OnlyContain(f => beforeTemplate[f.Key] != f.Value, "every page uses the layout");
        afterTemplate.Where(f => f.Key.StartsWith("search/")).Should().OnlyContain(f => beforeTemplate[f.Key] == f.Value, "the index does not depend on templates");

        Edit(site, "site.yml", text => text.Replace("法治政府建设报告库", "法治政府报告档案"));
        site.Build();
        site.ShouldMatchColdBuild(because: "after a site.yml edit");
        site.ReadOutput("reports/441802-2016-status-report-2cade2.html").Should().Contain("法治政府报告档案");

        Edit(site, "templates/assets/style.css", text => text + "\n/* edited */\n");
        site.Build();
        site.ShouldMatchColdBuild(because: "after an asset edit");
        site.ReadOutput("assets/style.css").Should().EndWith("/* edited */\n");
    }

    [Fact]
    public void A_damaged_cache_or_a_hand_edited_site_costs_time_never_correctness()
    {
        using var site = TestSite.CopyOfRepository();
        site.Build();
        var cache = Path.Combine(site.Root, ".sitegen/cache");
        foreach (var file in Directory.EnumerateFiles(cache, "*", SearchOption.AllDirectories))
            File.WriteAllBytes(file, File.ReadAllBytes(file).Take(File.ReadAllBytes(file).Length / 2).ToArray());
        File.WriteAllText(Path.Combine(site.Output, "index.html"), "damaged");

        Edit(site, Report, text => text.Replace("现报告如下", "特此报告如下"));
        site.Build();

        site.ShouldMatchColdBuild();
    }

    [Fact]
    public void A_hand_edited_data_file_is_made_again_not_copied_line_by_line()
    {
        // An edit rewrites only its own line of data/reports.jsonl; the others are copied from the site in the output
        // folder, but only while their bytes are what the last build wrote.
        using var site = TestSite.CopyOfRepository();
        site.Build();
        var data = Path.Combine(site.Output, "data/reports.jsonl");
        var text = File.ReadAllText(data);
        File.Delete(data); // it may be a hard link to the cache's copy of the site
        File.WriteAllText(data, text.Replace("法治政府", "ＸＸＸＸ")); // the same length: every line stays where the record says

        Edit(site, Report, text => text.Replace("现报告如下", "特此报告如下"));
        site.Build();

        site.ReadOutput("data/reports.jsonl").Should().Contain("特此报告如下").And.NotContain("ＸＸＸＸ");
        site.ShouldMatchColdBuild();
    }

    [Fact]
    public void Building_to_another_folder_does_not_reuse_the_first_folders_record()
    {
        using var site = TestSite.CopyOfRepository();
        site.Build();
        var other = Path.Combine(site.Root, "elsewhere");
        site.Build(other);
        Edit(site, Report, text => text.Replace("现报告如下", "另报告如下"));
        site.Build(other);
        site.Build();

        site.ShouldMatchColdBuild(other);
        site.ShouldMatchColdBuild();
    }

    [Fact]
    public void No_cache_builds_everything_afresh()
    {
        using var site = TestSite.CopyOfRepository();
        site.Build();
        var result = SiteBuilder.Build(new BuildOptions(site.Root, site.Output) { UseCache = false });
        result.Reused.Should().Be(0);
        site.Build().Reused.Should().BeGreaterThan(result.Pages, "every page and every index file is taken from the last build");
    }

    [Fact]
    public void A_build_without_the_cache_between_cached_builds_leaves_nothing_a_later_build_trusts_wrongly()
    {
        // Build; edit; build --no-cache; build; undo the edit; build: search/index.js named segment files that did
        // not exist, and every later build kept it so (issue 19, item 1).
        using var site = TestSite.CopyOfRepository();
        site.SearchLayout = new SiteGen.Search.Format.SearchLayout(SegmentSize: 2, ChunkPositions: 8);
        site.Build();
        var original = File.ReadAllText(Path.Combine(site.Root, Report));
        Edit(site, Report, text => text + "\n为测试而追加的一行。\n");
        SiteBuilder.Build(new BuildOptions(site.Root, site.Output) { UseCache = false, SearchLayout = site.SearchLayout });
        site.Build();
        File.WriteAllText(Path.Combine(site.Root, Report), original);
        site.Build();

        site.ShouldMatchColdBuild();
        var engine = new SiteGen.Search.Reader.QueryEngine(SiteGen.Search.Reader.SearchIndexReader.Open(site.Output));
        engine.Search("高要区").Results.Should().NotBeEmpty();
    }

    [Theory]
    [InlineData("bodies")]
    [InlineData("terms")]
    [InlineData("segments")]
    [InlineData("bases")]
    [InlineData("analyses")]
    [InlineData("paragraph-buckets/listing.bin")]
    [InlineData("paragraph-buckets/band-5.bin")]
    [InlineData("reports.bin")]
    [InlineData("body-units.bin")]
    public void A_damaged_cache_file_is_deleted_and_made_again_never_trusted(string what)
    {
        // One flipped byte in a cached body published 2018幵 for 2018年, for good; in a terms file or reports.bin
        // it made every later build fail (issue 19, item 4).
        using var site = TestSite.CopyOfRepository();
        site.Build();
        var cache = Path.Combine(site.Root, ".sitegen", "cache", what);
        var files = File.Exists(cache) ? [cache] : Directory.GetFiles(cache, "*.bin", SearchOption.AllDirectories);
        files.Should().NotBeEmpty();
        foreach (var file in files)
        {
            var bytes = File.ReadAllBytes(file);
            bytes[bytes.Length / 2] ^= 0x04;
            File.WriteAllBytes(file, bytes);
        }
        // Into a new folder, so that every page and segment is made and asks the cache for its body and terms.
        var other = Path.Combine(site.Root, "_other");
        var result = site.Build(other);

        site.ShouldMatchColdBuild(other);
        result.Warnings.Where(w => w.Message.Contains("cache")).Should().ContainSingle()
            .Which.Message.Should().Contain($"{files.Length} damaged cache file(s) failed their checksum");
        site.Build(Path.Combine(site.Root, "_third")).Warnings.Should().NotContain(w => w.Message.Contains("cache"), "what was made again is sound");
    }

    private static void Edit(TestSite site, string relativePath, Func<string, string> change)
    {
        var path = Path.Combine(site.Root, relativePath);
        var text = File.ReadAllText(path);
        var changed = change(text);
        changed.Should().NotBe(text, $"the test's edit must change {relativePath}");
        File.WriteAllText(path, changed);
    }
}

/// <summary>The search index is made in segments so that an edit remakes one segment, and the rest is reused.</summary>
public class SearchSegmentTests
{
    private const string Report = "content/reports/441204-2021-annual-report-9bff11.md";

    [Fact]
    public void An_edit_remakes_only_its_own_segment_and_gives_the_cold_build()
    {
        using var site = BuiltInSegmentsOfOne(out var before);
        Generations(before).Should().HaveCount(5, "five reports, one a segment");

        File.WriteAllText(Path.Combine(site.Root, Report), File.ReadAllText(Path.Combine(site.Root, Report)) + "\n新增一段正文。\n");
        site.Build();
        var after = ShardFiles(site);

        site.ShouldMatchColdBuild();
        Generations(before.Except(after)).Should().ContainSingle("only the edited report's segment is gone");
        Generations(after.Except(before)).Should().ContainSingle("and only its replacement is new");
        after.Intersect(before).Select(Generation).Distinct().Should().HaveCount(4, "the other four segments are the last build's files");
    }

    [Fact]
    public void An_edit_that_moves_the_typical_body_length_remakes_every_segment_and_gives_the_cold_build()
    {
        // Every segment's bounds are scored with the typical lengths: a step in them must remake them all.
        using var site = BuiltInSegmentsOfOne(out var before);
        var path = Path.Combine(site.Root, Report);
        var text = File.ReadAllText(path);
        File.WriteAllText(path, text + string.Concat(Enumerable.Repeat("\n" + text.Split("\n---\n", 2)[1], 3)));
        site.Build();
        var after = ShardFiles(site);

        site.ShouldMatchColdBuild();
        Generations(after).Should().HaveCount(5).And.NotIntersectWith(Generations(before));
    }

    [Fact]
    public void Adding_a_report_leaves_the_other_segments_as_they_were()
    {
        var slugs = Enumerable.Range(0, 5 * SiteGen.Search.Format.IndexSegments.Target).Select(i => $"{110000 + i}-2020-annual-report-{i:x6}").ToList();
        var before = Segments(slugs);
        slugs.Insert(slugs.Count / 2, "440111-2022-annual-report-aaaaaa");
        var after = Segments(slugs);

        before.Except(after).Should().HaveCountLessThanOrEqualTo(2, "the new report joins one segment (and may end it early)");
        after.Count.Should().BeInRange(3, 12, "segments hold about a fifth of the documents");
        after.Take(after.Count - 1).Should().OnlyContain(s => s.Split(' ').Length >= SiteGen.Search.Format.IndexSegments.Target / 2 && s.Split(' ').Length <= 2 * SiteGen.Search.Format.IndexSegments.Target);
    }

    /// <summary>The repository's site built with a segment for each report, and its shard files.</summary>
    private static TestSite BuiltInSegmentsOfOne(out HashSet<string> shardFiles)
    {
        var site = TestSite.CopyOfRepository();
        site.SearchLayout = new SiteGen.Search.Format.SearchLayout(SegmentSize: 2, ChunkPositions: 8);
        site.Build();
        shardFiles = ShardFiles(site);
        return site;
    }

    private static List<string> Segments(List<string> slugs) =>
        SiteGen.Search.Format.IndexSegments.Plan(slugs).Select(s => string.Join(' ', slugs.Skip(s.Start).Take(s.Count))).ToList();

    private static HashSet<string> ShardFiles(TestSite site) =>
        Directory.GetFiles(Path.Combine(site.Output, "search"))
            .Select(Path.GetFileName).OfType<string>()
            .Where(f => System.Text.RegularExpressions.Regex.IsMatch(f, @"^[sp]\d+-")).ToHashSet();

    private static string Generation(string shardFile) => shardFile[(shardFile.IndexOf('-') + 1)..];

    private static List<string> Generations(IEnumerable<string> files) => files.Select(Generation).Distinct().ToList();
}
