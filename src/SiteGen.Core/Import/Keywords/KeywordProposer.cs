using System.Text.RegularExpressions;
using Lucene.Net.Analysis.Cn.Smart.Hhmm;
using SiteGen.Content;

namespace SiteGen.Import.Keywords;

/// <summary>
/// Proposes up to <see cref="MaxKeywords"/> 主题词 for a page that lists none: the words SmartCn segments (it knows
/// government vocabulary such as 复议, 规范性文件, 当事人) and the compounds two of them make (行政 复议 → 行政复议),
/// ranked by tf-idf against a background of how common each word is elsewhere.
/// </summary>
internal sealed partial class KeywordProposer(IWordRarity rarity)
{
    public const int MaxKeywords = 8;

    /// <summary>Ranked against SmartCn's own word counts (a general news corpus): for an archive with few reports.</summary>
    public static KeywordProposer General { get; } = new(DictionaryRarity.Instance);

    /// <param name="known">Words the report's other fields already say (its place, its publisher): no keyword repeats them.</param>
    /// <summary>
    /// The report with proposed keywords when its page listed none, marked <c>keywords_source: auto</c> so that an
    /// editor sees they are the importer's; otherwise the report as it is.
    /// </summary>
    public ImportedReport Complete(ImportedReport report)
    {
        if (report.Keywords.Count > 0) return report;
        var keywords = Propose(report.Body, [.. report.Region.Names(), .. report.Publisher is { } publisher ? [publisher] : Array.Empty<string>()]);
        if (keywords.Count == 0) return report;
        return report with
        {
            Keywords = keywords,
            KeywordsSource = FrontMatterSchema.ProposedKeywords,
            Evidence = new Dictionary<string, Evidence>(report.Evidence)
            {
                ["keywords"] = new(null, $"proposed: SmartCn's words ranked by tf-idf against {rarity.Background}"),
            },
        };
    }

    public IReadOnlyList<string> Propose(string text, IReadOnlyCollection<string>? known = null)
    {
        var counts = new Dictionary<string, Term>();
        var order = 0;
        foreach (var term in Terms(text))
        {
            if (!counts.TryGetValue(term.Text, out var seen)) counts[term.Text] = seen = term with { First = order++ };
            seen.Count++;
        }
        // A word said once is no theme; a compound must recur to be told from a chance neighbour. Counts weigh
        // by their logarithm: a report says 建设 fifty times without being about building.
        return counts.Values.Where(t => t.Count >= 2 && known?.Any(k => k.Contains(t.Text)) != true)
            .Select(t => (Term: t, Score: (1 + Math.Log(t.Count)) * rarity.Rarity(t.Parts)))
            // On a tie the compound wins: when every 规范性 comes before 文件, 规范性文件 is the word.
            .OrderByDescending(t => t.Score).ThenByDescending(t => t.Term.Parts.Count).ThenBy(t => t.Term.First)
            .Select(t => t.Term)
            .Aggregate(new List<Term>(), (chosen, term) =>
            {
                // One word, one keyword: after 法治政府 neither 法治, 政府建设 nor 推进法治 says anything new.
                if (chosen.Count < MaxKeywords && !chosen.Any(c => c.Parts.Intersect(term.Parts).Any())) chosen.Add(term);
                return chosen;
            })
            .Select(t => t.Text).ToList();
    }

    /// <summary>Every candidate of a text: each content word and each compound of two neighbouring words, in order.</summary>
    public static IEnumerable<Term> Terms(string text)
    {
        var segmenter = new HHMMSegmenter();
        foreach (Match run in HanRun().Matches(text))
        {
            Word? previous = null;
            foreach (var token in segmenter.Process(run.Value))
            {
                if (token.WordType != Lucene.Net.Analysis.Cn.Smart.WordType.CHINESE_WORD) continue;
                var word = new Word(new string(token.CharArray), token.Weight);
                var content = word.Text.Length >= 2 && !Function.Contains(word.Text);
                if (content) yield return new Term(word.Text, [word]);
                if (content && previous is { } before && before.Text.Length + word.Text.Length <= 6)
                    yield return new Term(before.Text + word.Text, [before, word]);
                previous = content ? word : null;
            }
        }
    }

    /// <summary>A word as SmartCn segmented it, with how often its dictionary saw it (0 when unknown to it).</summary>
    public sealed record Word(string Text, int Frequency)
    {
        // Two words are one when their text is: the frequency comes with the text.
        public bool Equals(Word? other) => other?.Text == Text;
        public override int GetHashCode() => Text.GetHashCode();
    }

    /// <summary>A candidate keyword: one word or a compound of two.</summary>
    public sealed record Term(string Text, IReadOnlyList<Word> Parts)
    {
        public int Count { get; set; }
        public int First { get; init; }
    }

    // Words every report of the genre uses to say nothing in particular — connectives, and the verbs and nouns of
    // reporting work (推进, 落实, 学习, 精神) — never a theme, however rare a news corpus finds them.
    private static readonly HashSet<string> Function =
    [
        "我们", "进一步", "以及", "有关", "相关", "关于", "一是", "二是", "三是", "四是", "五是", "六是", "七是", "八是", "九是", "十是",
        "其中", "通过", "进行", "开展", "工作", "情况", "方面", "问题", "全面", "不断", "切实", "积极", "认真", "主要", "按照",
        "根据", "坚持", "持续", "同时", "目前", "今年", "去年", "全年", "年度", "以来", "已经", "没有", "一些", "各类", "各项",
        "报告", "印发", "推进", "推动", "落实", "贯彻", "深入", "加强", "强化", "深化", "学习", "宣传", "建设", "实施", "完善",
        "健全", "提升", "提高", "确保", "统筹", "重要", "指示", "精神", "部署", "扎实", "着力", "围绕", "取得", "成效", "有效",
        "全市", "全县", "全区", "全省", "全镇", "各级", "重点", "突出", "质量", "完成", "要求", "意见", "重大", "进展",
    ];

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}{2,}")]
    private static partial Regex HanRun();
}
