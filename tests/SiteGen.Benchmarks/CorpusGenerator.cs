using System.Text;
using System.Text.RegularExpressions;
using SiteGen.Content;
using SiteGen.Import;
using SiteGen.Import.Divisions;

namespace SiteGen.Benchmarks;

/// <summary>
/// Writes N realistic reports into a site folder, the same bytes for the same seed: regions from the
/// real division table, years 2015–2025, document types and issuer levels in roughly their real
/// proportions, titles in the real patterns, and bodies assembled from the seed reports' sentences with
/// places and numbers varied, 2,000 to 30,000 characters long.
/// </summary>
public static partial class CorpusGenerator
{
    private static readonly (string Type, double Share)[] Types =
        [("年度报告", 0.45), ("情况报告", 0.25), ("工作要点", 0.13), ("工作总结", 0.10), ("通知", 0.07)];
    private static readonly (string Level, double Share)[] Levels =
        [("县级", 0.45), ("部门", 0.35), ("市级", 0.08), ("开发区", 0.06), ("乡镇街道", 0.06)];
    private static readonly string[] Departments =
        ["司法局", "市场监督管理局", "自然资源局", "生态环境局", "人力资源和社会保障局", "教育局", "卫生健康局", "住房和城乡建设局",
         "交通运输局", "农业农村局", "应急管理局", "财政局", "民政局", "公安局", "城市管理和综合执法局", "文化广电旅游体育局"];
    private static readonly string[] SectionTitles =
        ["主要工作措施和成效", "加强党对法治政府建设的领导", "依法全面履行政府职能", "完善依法行政制度体系", "推进行政决策科学化民主化法治化",
         "坚持严格规范公正文明执法", "强化对行政权力的制约和监督", "依法有效化解社会矛盾纠纷", "存在的问题和不足", "下一步工作计划"];
    private static readonly string[] SeedPlaces = ["清远高新区", "高新区", "清城区", "安丘经济开发区", "经济开发区", "安丘市", "安丘", "高要区", "肇庆市", "坡头区", "湛江市", "金湾区", "珠海市", "我区", "全区"];
    private const string Numerals = "一二三四五六七八九十";

    public static int Run(string[] args)
    {
        var count = int.Parse(Option(args, "--count") ?? "1000");
        var seed = int.Parse(Option(args, "--seed") ?? "1");
        var output = Path.GetFullPath(Option(args, "--out") ?? $"corpus-{count}");
        var repo = FindRepo();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var bytes = Write(repo, output, count, seed);
        Console.WriteLine($"wrote {count:N0} reports ({bytes / 1048576.0:0.0} MB of Markdown) to {output} in {clock.Elapsed.TotalSeconds:0.0} s");
        return 0;
    }

    public static long Write(string repo, string output, int count, int seed)
    {
        var sentences = Sentences(Path.Combine(repo, "content", "reports"));
        var counties = DivisionTable.Shared.All.Where(d => d.Level == 3).ToList();
        var reports = Path.Combine(output, "content", "reports");
        if (Directory.Exists(reports)) Directory.Delete(reports, true);
        Directory.CreateDirectory(reports);
        CopyFolder(Path.Combine(repo, "templates"), Path.Combine(output, "templates"));
        File.Copy(Path.Combine(repo, "site.yml"), Path.Combine(output, "site.yml"), overwrite: true);

        var random = new Random(seed);
        long bytes = 0;
        for (var i = 0; i < count; i++)
        {
            var report = Make(random, counties[random.Next(counties.Count)], sentences);
            var text = ReportFile.Write(report, null);
            var name = $"{report.Region.Code}-{report.Year}-{Vocabulary.DocTypePath(report.DocType)}-{i:D6}.md";
            File.WriteAllText(Path.Combine(reports, name), text);
            bytes += Encoding.UTF8.GetByteCount(text);
        }
        return bytes;
    }

    private static ImportedReport Make(Random random, Division county, IReadOnlyList<string> sentences)
    {
        var chain = DivisionTable.Shared.Ancestry(county).ToList();
        var province = chain[0].Name;
        var city = chain.Count > 2 ? chain[1].Name : null;
        var year = 2015 + random.Next(11);
        var type = Pick(random, Types);
        var level = Pick(random, Levels);
        var place = county.Name;
        var (issuer, shortName) = level switch
        {
            "部门" => ($"{city}{place}{Departments[random.Next(Departments.Length)]}", place + Departments[random.Next(Departments.Length)]),
            "市级" => ($"{city}人民政府", city ?? place),
            "开发区" => ($"{place}经济开发区管理委员会", place + "经济开发区"),
            "乡镇街道" => ($"{place}城关镇人民政府", place + "城关镇"),
            _ => ($"{city}{place}人民政府", place),
        };
        var title = type switch
        {
            "年度报告" => $"{shortName}{year}年法治政府建设年度报告",
            "情况报告" => $"{issuer}关于{year}年度法治政府建设情况的报告",
            "工作要点" => $"{shortName}{year}年依法行政工作要点",
            "工作总结" => $"{shortName}{year}年依法行政工作总结",
            _ => $"{place}人民政府办公室关于印发{place}{year}年依法行政工作要点的通知",
        };
        var written = new DateOnly(year + (type is "工作要点" or "通知" ? 0 : 1), 1 + random.Next(3), 1 + random.Next(28));
        return new ImportedReport
        {
            Title = title,
            DocType = type,
            Publisher = issuer,
            Region = new Region(province, city, place, county.Code),
            Level = level,
            Year = year,
            DateWritten = written,
            DatePublished = written.AddDays(random.Next(1, 30)),
            DocNumber = random.Next(3) == 0 ? $"{place[0]}府〔{written.Year}〕{random.Next(1, 120)}号" : null,
            Body = Body(random, sentences, place, year),
        };
    }

    /// <summary>Sections and paragraphs of seed sentences, with the seeds' places and numbers replaced.</summary>
    private static string Body(Random random, IReadOnlyList<string> sentences, string place, int year)
    {
        // Lengths spread like real reports: many near 5,000 characters, a long tail to 30,000.
        var target = (int)Math.Clamp(2000 * Math.Exp(random.NextDouble() * Math.Log(15)), 2000, 30000);
        var body = new StringBuilder($"{year}年，{place}坚持以习近平法治思想为指导，认真落实法治政府建设各项任务，现将有关情况报告如下。\n");
        var section = 0;
        while (body.Length < target)
        {
            body.Append($"\n## {Numerals[section % 10]}、{SectionTitles[section % SectionTitles.Length]}\n");
            var subsections = random.Next(0, 4);
            for (var s = 0; s <= subsections && body.Length < target; s++)
            {
                if (subsections > 0) body.Append($"\n### （{Numerals[s]}）{SectionTitles[random.Next(SectionTitles.Length)]}\n");
                for (var p = random.Next(1, 4); p > 0 && body.Length < target; p--)
                {
                    body.Append('\n');
                    for (var n = random.Next(2, 7); n > 0; n--) body.Append(Vary(sentences[random.Next(sentences.Count)], random, place));
                    body.Append('\n');
                }
            }
            section++;
        }
        return body.ToString();
    }

    private static string Vary(string sentence, Random random, string place)
    {
        foreach (var seedPlace in SeedPlaces) sentence = sentence.Replace(seedPlace, place);
        sentence = YearNumber().Replace(sentence, _ => (2010 + random.Next(16)).ToString());
        return Digits().Replace(sentence, m => random.Next(1, (int)Math.Pow(10, Math.Min(m.Length, 4))).ToString());
    }

    private static List<string> Sentences(string folder)
    {
        var sentences = new List<string>();
        foreach (var file in Directory.GetFiles(folder, "*.md").Order(StringComparer.Ordinal))
        {
            var body = File.ReadAllText(file).Split("\n---\n", 2)[1];
            foreach (var line in body.Split('\n').Where(l => l.Length > 20 && !l.StartsWith('#')))
                sentences.AddRange(SentenceEnd().Split(line).Where(s => s.Length is > 8 and < 400).Select(s => s.Replace("\\", "") + "。"));
        }
        return sentences;
    }

    private static T Pick<T>(Random random, (T Value, double Share)[] table)
    {
        var x = random.NextDouble() * table.Sum(t => t.Share);
        foreach (var (value, share) in table)
            if ((x -= share) < 0) return value;
        return table[^1].Value;
    }

    internal static string? Option(string[] args, string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();

    internal static string FindRepo()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "SiteGen.sln"))) return dir.FullName;
        throw new InvalidOperationException("run from inside the SiteGen repository");
    }

    /// <summary>
    /// Waits until every report of a source was last written longer ago than the report cache trusts: a build just after
    /// the corpus was written or copied keeps none of the newest files in its cache (git's "racily clean" rule), and the
    /// rebuild after it then reads them all again, which no editor's rebuild does.
    /// </summary>
    internal static void WaitUntilSettled(string source)
    {
        var newest = Directory.EnumerateFiles(Path.Combine(source, "content", "reports"), "*.md").Max(File.GetLastWriteTimeUtc);
        var wait = newest + SiteGen.Content.ReportCache.Racy + TimeSpan.FromMilliseconds(100) - DateTime.UtcNow;
        if (wait > TimeSpan.Zero) Thread.Sleep(wait);
    }

    internal static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }
    }

    [GeneratedRegex(@"\d+")]
    private static partial Regex Digits();

    [GeneratedRegex(@"(?<!\d)(19|20)\d{2}(?=年)")]
    private static partial Regex YearNumber();

    [GeneratedRegex("。")]
    private static partial Regex SentenceEnd();
}
