using System.IO.Compression;
using System.Xml.Linq;
using FluentAssertions;
using SiteGen.Build;
using SiteGen.Diagnostics;
using SiteGen.Output;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Build;

public class OutputTests
{
    [Fact]
    public void Two_builds_of_the_same_input_are_byte_identical_including_the_zip()
    {
        using var site = TestSite.CopyOfRepository();
        site.Build(Path.Combine(site.Root, "one"));
        site.Build(Path.Combine(site.Root, "two"));

        var one = SiteFiles.Snapshot(Path.Combine(site.Root, "one"));
        one.Keys.Should().Contain("download/fazhi-baogao-ku.zip");
        SiteFiles.Snapshot(Path.Combine(site.Root, "two")).Should().Equal(one);
    }

    [Fact]
    public void The_search_runtime_ships_minified()
    {
        using var site = TestSite.CopyOfRepository();
        site.Build();
        var source = System.Text.Encoding.UTF8.GetBytes(SiteGen.Search.Writer.SearchRuntime.Source()); // search.js, its alphabet in place
        var shipped = File.ReadAllBytes(Path.Combine(site.Output, "assets", "search.js"));
        Gzipped(shipped).Should().BeLessThan(Gzipped(source) * 2 / 3, "every cold search page downloads it");
    }

    private static long Gzipped(byte[] bytes)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.SmallestSize, leaveOpen: true)) gzip.Write(bytes);
        return buffer.Length;
    }

    [Fact]
    public void A_build_that_fails_on_bad_input_leaves_the_previous_site_untouched()
    {
        using var site = TestSite.CopyOfRepository();
        site.Build();
        var before = SiteFiles.Snapshot(site.Output);

        site.AddReport("broken", "title: 坏报告\ndate_written: 2021-02-30");
        var act = () => site.Build();

        act.Should().Throw<SiteGenException>().Which.Diagnostics.Should().ContainSingle()
            .Which.Should().Be(new Diagnostic("content/reports/broken.md", 3, 15, "field 'date_written' is '2021-02-30', which is not a real date"));
        SiteFiles.Snapshot(site.Output).Should().Equal(before);
        LeftoverStagingFolders(site).Should().BeEmpty();
    }

    [Fact]
    public void A_build_that_dies_midway_through_writing_leaves_the_previous_site_untouched()
    {
        using var site = TestSite.CopyOfRepository();
        site.Build();
        var before = SiteFiles.Snapshot(site.Output);
        File.AppendAllText(Path.Combine(site.Root, "content/reports/441204-2021-annual-report-9bff11.md"), "\n新增一段。\n");

        var failing = new FailAfter(10);
        var act = () => SiteBuilder.Build(new BuildOptions(site.Root, site.Output) { Observer = failing });

        act.Should().ThrowExactly<IOException>().WithMessage("disk full*");
        failing.Written.Should().BeGreaterThanOrEqualTo(10, "the failure came after pages had been written");
        SiteFiles.Snapshot(site.Output).Should().Equal(before);
        LeftoverStagingFolders(site).Should().BeEmpty();

        site.Build();
        site.ReadOutput("reports/441204-2021-annual-report-9bff11.html").Should().Contain("新增一段。");
    }

    [Fact]
    public void A_staging_folder_left_by_a_killed_build_is_cleared_by_the_next_build()
    {
        using var site = TestSite.CopyOfRepository();
        var stale = Path.Combine(site.Root, "._site.building-99999");
        Directory.CreateDirectory(stale);
        File.WriteAllText(Path.Combine(stale, "index.html"), "half");

        site.Build();

        Directory.Exists(stale).Should().BeFalse();
        site.ReadOutput("index.html").Should().Contain("法治政府建设报告库");
    }

    [Fact]
    public void The_output_folder_may_not_be_the_source_folder_or_a_folder_of_other_files()
    {
        using var site = TestSite.CopyOfRepository();
        var intoSource = () => site.Build(site.Root);
        intoSource.Should().Throw<SiteGenException>().WithMessage("*would replace the source folder*");

        var documents = Path.Combine(site.Root, "documents");
        Directory.CreateDirectory(documents);
        File.WriteAllText(Path.Combine(documents, "notes.txt"), "keep me");
        var intoDocuments = () => site.Build(documents);
        intoDocuments.Should().Throw<SiteGenException>().WithMessage("*not a site SiteGen built*");
        File.ReadAllText(Path.Combine(documents, "notes.txt")).Should().Be("keep me");
    }

    [Fact]
    public void The_offline_zip_holds_the_whole_site_under_one_folder_with_fixed_times()
    {
        using var site = TestSite.CopyOfRepository();
        site.Build();
        var files = SiteFiles.Snapshot(site.Output).Keys.Where(k => !k.StartsWith("download/")).ToList();

        using var zip = ZipFile.OpenRead(Path.Combine(site.Output, "download/fazhi-baogao-ku.zip"));
        zip.Entries.Select(e => e.FullName).Should().Equal(files.Select(f => "fazhi-baogao-ku/" + f));
        zip.Entries.Select(e => e.LastWriteTime.DateTime).Distinct().Should().Equal(new DateTime(2000, 1, 1));

        var extracted = Path.Combine(site.Root, "unzipped");
        zip.ExtractToDirectory(extracted);
        // The copy is the site, but for the pages that speak of the zip (which it cannot contain) and 404.html,
        // whose hosted links start from the host's path while a copy on disk must link relatively.
        var offlineCopies = new[] { "index.html", "download.html", "404.html" };
        foreach (var file in files.Except(offlineCopies))
            File.ReadAllBytes(Path.Combine(extracted, "fazhi-baogao-ku", file)).Should().Equal(File.ReadAllBytes(Path.Combine(site.Output, file)), file);
        site.ReadOutput("index.html").Should().Contain("href=\"download/fazhi-baogao-ku.zip\"").And.Contain("下载离线版");
        File.ReadAllText(Path.Combine(extracted, "fazhi-baogao-ku/index.html")).Should().NotContain(".zip").And.Contain("离线副本");
        File.ReadAllText(Path.Combine(extracted, "fazhi-baogao-ku/download.html")).Should().NotContain(".zip").And.Contain("https://example.org/fazhi/");
        File.ReadAllText(Path.Combine(extracted, "fazhi-baogao-ku/404.html")).Should().Contain("href=\"assets/style.css\"");
        site.ReadOutput("404.html").Should().Contain("href=\"/fazhi/assets/style.css\"");
    }

    [Fact]
    public void The_offline_zip_stores_the_search_index_as_it_is_and_compresses_the_rest()
    {
        using var site = TestSite.CopyOfRepository();
        site.Build();
        using var zip = ZipFile.OpenRead(Path.Combine(site.Output, "download/fazhi-baogao-ku.zip"));
        var index = zip.Entries.Where(e => e.FullName.StartsWith("fazhi-baogao-ku/search/") && e.Name != "index.js").ToList();
        index.Should().HaveCountGreaterThan(10);
        // Its files hold packed data already: compressing them again spent a third of the zip's time on 5% of their size.
        index.Should().OnlyContain(e => e.CompressedLength >= e.Length, "index files are stored");
        var pages = zip.Entries.Where(e => e.FullName.EndsWith(".html") && e.Length > 4096).ToList();
        pages.Should().NotBeEmpty().And.OnlyContain(e => e.CompressedLength < e.Length / 2, "pages are compressed");
        zip.GetEntry("fazhi-baogao-ku/search/index.js")!.CompressedLength.Should().BeLessThan(zip.GetEntry("fazhi-baogao-ku/search/index.js")!.Length);
    }

    /// <summary>About 17 MB of JSON lines that compress as the data files do, with a line numbered <paramref name="edited"/> changed.</summary>
    private static byte[] DataLines(int edited = -1) => System.Text.Encoding.UTF8.GetBytes(string.Concat(Enumerable.Range(0, 200_000)
        .Select(i => $"{{\"slug\":\"r{i}\",\"text\":\"第{i * 7919 % 100_003}段：推进依法行政，{(i == edited ? "（已修改）" : "")}建设法治政府。\"}}\n")));

    private static byte[] Unzipped(byte[] zip)
    {
        using var archive = new ZipArchive(new MemoryStream(zip));
        using var entry = archive.Entries.Single().Open();
        var read = new MemoryStream();
        entry.CopyTo(read);
        return read.ToArray();
    }

    /// <summary>
    /// A zip of one large file (from disk, or from memory as the zip-only pages come), written with an earlier zip to
    /// copy from; returns its bytes and how much was compressed.
    /// </summary>
    private static (byte[] Zip, long Deflated) ZipOf(byte[] content, byte[]? earlier, bool fromDisk = false)
    {
        var earlierPath = earlier is null ? null : Path.GetTempFileName();
        var contentPath = fromDisk ? Path.GetTempFileName() : null;
        try
        {
            if (earlierPath is not null) File.WriteAllBytes(earlierPath, earlier!);
            if (contentPath is not null) File.WriteAllBytes(contentPath, content);
            using var stream = new MemoryStream();
            using var zip = new ZipWriter(stream, earlierPath);
            zip.AddFiles([contentPath is null
                ? new ZipWriter.Source("site/data/reports.jsonl", "", false, content)
                : new ZipWriter.Source("site/data/reports.jsonl", contentPath, false)]);
            zip.Finish();
            return (stream.ToArray(), zip.DeflatedBytes);
        }
        finally
        {
            if (earlierPath is not null) File.Delete(earlierPath);
            if (contentPath is not null) File.Delete(contentPath);
        }
    }

    [Fact]
    public void A_large_file_compressed_in_parts_inflates_to_the_same_bytes_and_compresses_the_same_each_time()
    {
        var bytes = DataLines();
        var (zip, deflated) = ZipOf(bytes, null, fromDisk: true);

        deflated.Should().Be(bytes.Length);
        Unzipped(zip).Should().Equal(bytes);
        ZipOf(bytes, null).Zip.Should().Equal(zip);
        zip.Length.Should().BeLessThan(bytes.Length / 3);
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllBytes(path, zip);
            ZipEntries.Read(path).Values.Single().Parts.Should().HaveCountGreaterThan(1);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_large_file_compressed_as_it_was_made_goes_into_the_zip_as_the_same_bytes_without_being_compressed_again()
    {
        var bytes = DataLines();
        var folder = Directory.CreateTempSubdirectory("sitegen-ahead-").FullName;
        try
        {
            var path = Path.Combine(folder, "reports.jsonl");
            File.WriteAllBytes(path, bytes);
            using var ahead = new DeflatedAhead(folder);
            ahead.Add(path);
            using var stream = new MemoryStream();
            using (var zip = new ZipWriter(stream, null, ahead))
            {
                zip.AddFiles([new ZipWriter.Source("site/data/reports.jsonl", path, false)]);
                zip.Finish();
                zip.DeflatedBytes.Should().Be(0, "every part was compressed ahead");
            }

            ahead.Taken.Should().BeGreaterThan(1);
            stream.ToArray().Should().Equal(ZipOf(bytes, null).Zip, "the parts are the ones the zip makes itself");
            // The scratch file has no name a killed build could leave behind.
            if (!OperatingSystem.IsWindows()) Directory.EnumerateFileSystemEntries(folder).Should().Equal(path);
        }
        finally
        {
            Directory.Delete(folder, true);
        }
    }

    [Fact]
    public void After_one_line_of_a_large_file_changes_the_zip_compresses_only_its_part_and_is_the_zip_a_fresh_build_makes()
    {
        var before = DataLines();
        var (first, _) = ZipOf(before, null);

        var after = DataLines(edited: 100_000);
        var (second, deflated) = ZipOf(after, first, fromDisk: true);

        deflated.Should().BeLessThan(after.Length / 2, "the parts before and after the changed line are copied");
        second.Should().Equal(ZipOf(after, null).Zip);
        Unzipped(second).Should().Equal(after);
    }

    [Fact]
    public void A_file_over_4_GB_goes_into_the_zip_whole_with_zip64_sizes_and_is_copied_as_it_is_next_time()
    {
        // data/reports.jsonl passes 4 GB at about 140,000 reports. A sparse file: 4 GB of zeros that take no disk.
        const long size = (4L << 30) + (1 << 20);
        var folder = Directory.CreateTempSubdirectory("sitegen-zip64-").FullName;
        try
        {
            var data = Path.Combine(folder, "reports.jsonl");
            using (var file = File.Create(data)) file.SetLength(size);
            string Zip(string name, string? earlier)
            {
                var path = Path.Combine(folder, name);
                using var stream = File.Create(path);
                using var zip = new ZipWriter(stream, earlier);
                zip.AddFiles([new ZipWriter.Source("site/data/reports.jsonl", data, Unchanged: earlier is not null)]);
                zip.Finish();
                return path;
            }

            var first = Zip("first.zip", null);
            using (var archive = ZipFile.OpenRead(first))
            {
                var entry = archive.Entries.Single();
                entry.Length.Should().Be(size);
                using var content = entry.Open();
                var buffer = new byte[1 << 20];
                long read = 0, nonZero = 0;
                for (int n; (n = content.Read(buffer)) > 0; read += n) nonZero += n - buffer.AsSpan(0, n).Count((byte)0);
                (read, nonZero).Should().Be((size, 0L));
            }
            ZipEntries.Read(first).Values.Single().Size.Should().Be(size);

            File.ReadAllBytes(Zip("second.zip", first)).Should().Equal(File.ReadAllBytes(first), "the unchanged entry is copied, header and all");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void A_damaged_part_of_the_earlier_zip_is_compressed_again_not_copied()
    {
        var (first, _) = ZipOf(DataLines(), null);
        // A byte in the first part's compressed data (the only entry's data starts after its 30-byte header and name).
        first[30 + "site/data/reports.jsonl".Length + 1000] ^= 0xFF;

        var after = DataLines(edited: 100_000);
        var (second, deflated) = ZipOf(after, first);

        second.Should().Equal(ZipOf(after, null).Zip);
        deflated.Should().BeLessThan(after.Length, "the parts that are whole are still copied");
    }

    [Fact]
    public void Feed_and_sitemap_are_valid_xml_with_absolute_urls_from_base_url()
    {
        using var site = TestSite.CopyOfRepository();
        site.Build();

        XNamespace atom = "http://www.w3.org/2005/Atom";
        var feed = XDocument.Parse(site.ReadOutput("feed.xml")).Root!;
        feed.Name.Should().Be(atom + "feed");
        feed.Element(atom + "updated")!.Value.Should().Be("2024-01-09T00:00:00Z");
        var entries = feed.Elements(atom + "entry").ToList();
        entries.Should().HaveCount(5);
        entries[0].Element(atom + "title")!.Value.Should().Be("区委办(区府办、开发区党政办)2023年法治政府建设年度报告");
        entries.Should().OnlyContain(e => e.Element(atom + "id")!.Value.StartsWith("https://example.org/fazhi/reports/")
            && e.Element(atom + "summary")!.Value.Length > 0 && e.Element(atom + "updated") != null);

        XNamespace sm = "http://www.sitemaps.org/schemas/sitemap/0.9";
        var locs = XDocument.Parse(site.ReadOutput("sitemap.xml")).Root!.Elements(sm + "url").Select(u => u.Element(sm + "loc")!.Value).ToList();
        locs.Should().Contain("https://example.org/fazhi/").And.Contain("https://example.org/fazhi/reports/441204-2021-annual-report-9bff11.html");
        locs.Should().OnlyContain(l => l.StartsWith("https://example.org/fazhi/")).And.NotContain(l => l.EndsWith("404.html"));
        var pages = Directory.EnumerateFiles(site.Output, "*.html", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(site.Output, f).Replace('\\', '/')).Where(p => p != "404.html")
            .Select(p => "https://example.org/fazhi/" + (p == "index.html" ? "" : p));
        locs.Should().BeEquivalentTo(pages, "every page a reader can reach is in the sitemap, the research and data pages too");
        site.ReadOutput("robots.txt").Should().Contain("Sitemap: https://example.org/fazhi/sitemap.xml");
        site.ReadOutput("404.html").Should().Contain("页面不存在");
    }

    private static string[] LeftoverStagingFolders(TestSite site) =>
        Directory.GetDirectories(site.Root, "._site.building-*");
}
