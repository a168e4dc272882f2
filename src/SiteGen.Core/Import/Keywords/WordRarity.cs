namespace SiteGen.Import.Keywords;

/// <summary>How rare a word is in the background a page is measured against: its inverse document frequency.</summary>
internal interface IWordRarity
{
    /// <summary>The rarity of a word, or of a compound of two (given by its parts).</summary>
    double Rarity(IReadOnlyList<KeywordProposer.Word> parts);

    /// <summary>What the words are measured against, in a reader's words.</summary>
    string Background { get; }
}

/// <summary>
/// SmartCn's dictionary counts: how often a general Chinese news corpus used each word. A word the dictionary
/// never saw (法治 it knows; many a local name it does not) counts as rare.
/// </summary>
internal sealed class DictionaryRarity : IWordRarity
{
    public static DictionaryRarity Instance { get; } = new();

    // About the number of words the dictionary was counted on (330,000 sentences of some 20 words).
    private const double CorpusWords = 6_600_000;

    public string Background => "SmartCn's dictionary counts";

    // A compound's parts count as independent words (its chance is the product of theirs): rarities add.
    public double Rarity(IReadOnlyList<KeywordProposer.Word> parts) => parts.Sum(p => Math.Log(CorpusWords / (p.Frequency + 1)));
}

/// <summary>Document frequencies over reports already in the archive (a sample of them when there are many).</summary>
internal sealed class ArchiveRarity : IWordRarity
{
    private readonly Dictionary<string, int> _documents = [];
    private readonly int _count;

    public ArchiveRarity(IEnumerable<string> texts)
    {
        foreach (var text in texts)
        {
            _count++;
            foreach (var term in KeywordProposer.Terms(text).Select(t => t.Text).Distinct())
                _documents[term] = _documents.GetValueOrDefault(term) + 1;
        }
    }

    public string Background => $"{_count} reports of the archive";

    public double Rarity(IReadOnlyList<KeywordProposer.Word> parts)
    {
        var text = string.Concat(parts.Select(p => p.Text));
        return Math.Log((_count + 1.0) / (_documents.GetValueOrDefault(text) + 1)) + 1;
    }
}
