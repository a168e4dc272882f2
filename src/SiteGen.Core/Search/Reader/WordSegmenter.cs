using System.Runtime.InteropServices;
using System.Text;
using SiteGen.Search.Format;

namespace SiteGen.Search.Reader;

/// <summary>
/// Chinese word segmentation by the system ICU library — the engine .NET loads on Linux and browsers
/// expose as Intl.Segmenter — loaded by hand because its exported functions carry the version
/// (ubrk_open_72), which is found at run time as .NET's own globalization code does. A start-up
/// self-test checks that 中华人民共和国 splits into several words; without ICU, words fall back to
/// two-character pieces, and <see cref="Engine"/> says so.
/// </summary>
internal static class WordSegmenter
{
    private const int WordBreak = 1;
    private const int RuleStatusWordNoneLimit = 100;

    private static readonly Lazy<Icu?> Library = new(Icu.TryLoad);

    public static string Engine => Library.Value is { } icu ? $"ICU {icu.Version}" : "fallback (ICU not found: two-character pieces)";

    public static IReadOnlyList<string> Words(string text)
    {
        if (Library.Value is not { } icu) return Pieces(text);
        return icu.Words(text).Where(w => TextUnits.Split(w).Count > 0).ToList();
    }

    private static List<string> Pieces(string text)
    {
        var units = TextUnits.Split(text);
        var words = new List<string>();
        for (var i = 0; i < units.Count; i += 2)
            words.Add(text[units[i].Start..units[Math.Min(i + 1, units.Count - 1)].End]);
        return words;
    }

    private sealed unsafe class Icu
    {
        public required int Version { get; init; }
        public required delegate* unmanaged<int, byte*, char*, int, int*, IntPtr> Open { get; init; }
        public required delegate* unmanaged<IntPtr, int> First { get; init; }
        public required delegate* unmanaged<IntPtr, int> Next { get; init; }
        public required delegate* unmanaged<IntPtr, int> RuleStatus { get; init; }
        public required delegate* unmanaged<IntPtr, void> Close { get; init; }

        public List<string> Words(string text)
        {
            var words = new List<string>();
            var status = 0;
            var locale = "zh\0"u8;
            fixed (char* chars = text)
            fixed (byte* loc = locale)
            {
                var iterator = Open(WordBreak, loc, chars, text.Length, &status);
                if (status > 0 || iterator == IntPtr.Zero) return [text];
                try
                {
                    var start = First(iterator);
                    for (var end = Next(iterator); end != -1; start = end, end = Next(iterator))
                        if (RuleStatus(iterator) >= RuleStatusWordNoneLimit) words.Add(text[start..end]);
                }
                finally
                {
                    Close(iterator);
                }
            }
            return words;
        }

        public static Icu? TryLoad()
        {
            foreach (var (handle, version) in Candidates())
            {
                try
                {
                    IntPtr Export(string name) => NativeLibrary.GetExport(handle, $"{name}_{version}");
                    var icu = new Icu
                    {
                        Version = version,
                        Open = (delegate* unmanaged<int, byte*, char*, int, int*, IntPtr>)Export("ubrk_open"),
                        First = (delegate* unmanaged<IntPtr, int>)Export("ubrk_first"),
                        Next = (delegate* unmanaged<IntPtr, int>)Export("ubrk_next"),
                        RuleStatus = (delegate* unmanaged<IntPtr, int>)Export("ubrk_getRuleStatus"),
                        Close = (delegate* unmanaged<IntPtr, void>)Export("ubrk_close"),
                    };
                    // Self-test: a dictionary-based segmenter splits this into 中华 人民 共和国 (or similar).
                    if (icu.Words("中华人民共和国").Count >= 2) return icu;
                }
                catch (EntryPointNotFoundException) { }
            }
            return null;
        }

        private static IEnumerable<(IntPtr Handle, int Version)> Candidates()
        {
            for (var version = 90; version >= 50; version--)
                if (NativeLibrary.TryLoad($"libicuuc.so.{version}", out var handle)) yield return (handle, version);
        }
    }
}
