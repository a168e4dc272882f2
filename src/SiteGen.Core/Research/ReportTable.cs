using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using CsvHelper;
using SiteGen.Concurrency;
using SiteGen.Content;

namespace SiteGen.Research;

/// <summary>One report as a row of the data researchers take away.</summary>
/// <param name="Url">The report's page in the archive (absolute, from base_url).</param>
/// <param name="Findings">What lends the body's plain text (<see cref="Findings.WithText"/>), read only for JSONL.</param>
/// <param name="Key">The fingerprint of what the row is made from besides the site: its report's file and what the archive found in it.</param>
internal sealed record ReportRow(Report Report, ReportAnalysis Analysis, string Url, Citation Citation, Findings Findings, string Key);

/// <summary>Where a row's JSON line was written in the file, and the line's hash: what lets the next build copy it.</summary>
internal readonly record struct WrittenLine(string Key, long Offset, int Length, ulong Hash);

/// <summary>
/// The archive as a table: one row a report, the same columns in CSV (RFC 4180, UTF-8 with a BOM, so Excel on
/// Chinese Windows opens it as UTF-8) and JSON Lines (which adds the keywords and the text). What `sitegen export`
/// prints and what the site ships as data/reports.csv and data/reports.jsonl, byte for byte.
/// </summary>
internal static class ReportTable
{
    public sealed record Column(string Name, string Meaning, Func<ReportRow, object?> Value);

    public static readonly IReadOnlyList<Column> Columns =
    [
        new("slug", "报告在本站的标识，即页面文件名", r => r.Report.Slug),
        new("title", "标题", r => r.Report.Title),
        new("doc_type", "类型：" + string.Join("、", Vocabulary.DocTypeNames), r => r.Report.DocType),
        new("year", "报告所涉年度", r => r.Report.Year),
        new("publisher", "发布机构", r => r.Report.Publisher),
        new("province", "省级行政区", r => r.Report.Region.Province),
        new("city", "地级行政区（直辖市为空）", r => r.Report.Region.City),
        new("county", "县级行政区", r => r.Report.Region.County),
        new("code", "行政区划代码（GB/T 2260，6 位）", r => r.Report.Region.Code),
        new("level", "发布机构层级：" + string.Join("、", Vocabulary.Levels), r => r.Report.Level),
        new("date_written", "成文日期（YYYY-MM-DD）", r => FrontMatterWriter.Iso(r.Report.DateWritten)),
        new("date_published", "发布日期（YYYY-MM-DD）", r => FrontMatterWriter.Iso(r.Report.DatePublished)),
        new("doc_number", "文号", r => r.Report.DocNumber),
        new("index_number", "索引号", r => r.Report.IndexNumber),
        new("url", "本站页面地址", r => r.Url),
        new("source_url", "原文网址（已知时）", r => r.Report.Source.Url),
        new("deadline", "公开截止日（年度报告、情况报告：次年 3 月 31 日）", r => FrontMatterWriter.Iso(r.Analysis.Timeliness?.Deadline)),
        new("days_late", "逾期天数（负数为提前；发布日期不详时为空）", r => r.Analysis.Timeliness?.DaysLate),
        new("on_time", "是否按时公开（true/false；不详为空）", r => r.Analysis.Timeliness?.OnTime),
        new("sections", "找到的规定内容代码，以分号分隔：measures 主要举措和成效，shortcomings 存在的不足和原因，responsibility 第一责任人职责，plans 下一年度安排，other 其他需要报告的情况",
            r => r.Analysis.Sections is { } s ? string.Join(";", s.Select(f => f.Code)) : null),
        new("shared_paragraphs", "与其他报告相同或几乎相同的段落数（50 字以上）", r => r.Analysis.Shared.Count),
        new("chars", "正文字数（汉字、字母和数字）", r => r.Analysis.Chars),
        new("citation", "GB/T 7714-2015 格式的引用", r => r.Citation.GbT7714),
    ];

    // Written by JsonLine straight from the row's UTF-8, never through its Value, after every other column: it stays the
    // last of JsonOnly. Declared before JsonOnly, which static initialisation reads in order.
    private static readonly Column TextColumn = new("text", "正文纯文本", r => r.Findings.WithText(r.Report, t => Encoding.UTF8.GetString(t.Utf8.Span)));

    private static readonly byte[] TextProperty = Encoding.UTF8.GetBytes($",\"{TextColumn.Name}\":");

    /// <summary>Only in JSON Lines: what does not fit a spreadsheet cell.</summary>
    public static readonly IReadOnlyList<Column> JsonOnly =
    [
        new("keywords", "主题词（数组）", r => r.Report.Keywords),
        TextColumn,
    ];

    public static void WriteCsv(Stream output, IEnumerable<ReportRow> rows)
    {
        output.Write(Encoding.UTF8.Preamble);
        using var writer = new StreamWriter(output, new UTF8Encoding(false), leaveOpen: true);
        using var csv = CsvWriter.Create(writer, new CsvWriterOptions { NewLine = "\r\n" }, leaveOpen: true);
        csv.WriteHeader(Columns.Select(c => c.Name).ToArray());
        foreach (var row in rows)
        {
            foreach (var column in Columns) csv.WriteField(Cell(column.Value(row)));
            csv.EndRecord();
        }
    }

    /// <summary>One JSON object a line; the lines are made in parallel (each reads a body) and written in order.</summary>
    /// <param name="earlier">A row's line as the last build wrote it, by the row's key, if it is still the same: copied, not made, from a buffer lent from the shared pool and given back once written.</param>
    public static IReadOnlyList<WrittenLine> WriteJsonLines(Stream output, IEnumerable<ReportRow> rows, Func<string, (byte[] Lent, int Length)?>? earlier = null)
    {
        var written = new List<WrittenLine>();
        var offset = 0L;
        Work.InOrder(rows, row => (row.Key, Line: earlier?.Invoke(row.Key) is { } copied ? new Line(copied.Lent, copied.Length, Lent: true) : JsonLine(row)), made =>
        {
            var line = made.Line.Bytes.AsSpan(0, made.Line.Length);
            output.Write(line);
            written.Add(new WrittenLine(made.Key, offset, line.Length, System.IO.Hashing.XxHash3.HashToUInt64(line)));
            offset += line.Length;
            if (made.Line.Lent) ArrayPool<byte>.Shared.Return(made.Line.Bytes);
        });
        return written;
    }

    /// <summary>A JSON line's bytes: the first <paramref name="Length"/> of <paramref name="Bytes"/>, which go back to the pool once written if <paramref name="Lent"/>.</summary>
    private readonly record struct Line(byte[] Bytes, int Length, bool Lent);

    /// <summary>
    /// A row's JSON object and its line end, in a pooled buffer of the line's size. The text, which is most of a line,
    /// goes last, escaped straight from the UTF-8 the spill lends (see <see cref="LongText"/>): at 10,000 reports the
    /// lines are 300 MB, and buffers made for each line and dropped were work for the collector.
    /// </summary>
    private static Line JsonLine(ReportRow row)
    {
        var head = new ArrayBufferWriter<byte>(4096);
        using (var json = new Utf8JsonWriter(head, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            foreach (var column in Columns.Concat(JsonOnly).Where(c => c != TextColumn))
            {
                json.WritePropertyName(column.Name);
                JsonSerializer.Serialize(json, column.Value(row), Options);
            }
            // The object is closed by hand after the text, below: the writer is only flushed, never told it ended.
        }
        return row.Findings.WithText(row.Report, text =>
        {
            var utf8 = text.Utf8.Span;
            var length = head.WrittenCount + TextProperty.Length + LongText.Length(utf8) + 2;
            var line = ArrayPool<byte>.Shared.Rent(length);
            head.WrittenSpan.CopyTo(line);
            var at = head.WrittenCount;
            TextProperty.CopyTo(line, at);
            at += TextProperty.Length;
            at += LongText.Write(line.AsSpan(at), utf8);
            "}\n"u8.CopyTo(line.AsSpan(at));
            return new Line(line, length, Lent: true);
        });
    }

    /// <summary>
    /// A body's text, written as a JSON string straight from its UTF-8: through the serializer's encoder, which weighs
    /// every character, 300 MB of bodies cost a second a core. JSON needs only quotes, backslashes and control
    /// characters escaped; every other character is written as itself.
    /// </summary>
    private static class LongText
    {
        /// <summary>How many bytes <see cref="Write"/> writes for <paramref name="utf8"/>.</summary>
        public static int Length(ReadOnlySpan<byte> utf8)
        {
            var length = utf8.Length + 2;
            for (int at; (at = utf8.IndexOfAny(Escaped)) >= 0; utf8 = utf8[(at + 1)..]) length += Escape(utf8[at]).Length - 1;
            return length;
        }

        /// <summary>Writes the string into <paramref name="into"/>, which has room for it (<see cref="Length"/>); returns how many bytes it wrote.</summary>
        public static int Write(Span<byte> into, ReadOnlySpan<byte> utf8)
        {
            var start = into.Length;
            into = Put(into, "\""u8);
            for (int at; (at = utf8.IndexOfAny(Escaped)) >= 0; utf8 = utf8[(at + 1)..])
                into = Put(Put(into, utf8[..at]), Escape(utf8[at]));
            into = Put(Put(into, utf8), "\""u8);
            return start - into.Length;
        }

        /// <summary>Copies <paramref name="bytes"/> to the start of <paramref name="into"/> and gives the rest.</summary>
        private static Span<byte> Put(Span<byte> into, ReadOnlySpan<byte> bytes)
        {
            bytes.CopyTo(into);
            return into[bytes.Length..];
        }

        private static ReadOnlySpan<byte> Escape(byte b) => b switch
        {
            (byte)'"' => "\\\""u8,
            (byte)'\\' => "\\\\"u8,
            (byte)'\n' => "\\n"u8,
            (byte)'\r' => "\\r"u8,
            (byte)'\t' => "\\t"u8,
            _ => Encoding.ASCII.GetBytes($"\\u{b:x4}"),
        };

        private static readonly System.Buffers.SearchValues<byte> Escaped =
            System.Buffers.SearchValues.Create([(byte)'"', (byte)'\\', .. Enumerable.Range(0, 32).Select(b => (byte)b)]);
    }

    private static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>
    /// A CSV cell: empty for unknown, true/false in lower case as in the JSON. Text that a spreadsheet would run as a
    /// formula (=, +, -, @ first) gets a leading apostrophe (OWASP's advice); numbers such as days_late -3 stay numbers.
    /// </summary>
    private static string Cell(object? value) => value switch
    {
        null => "",
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        string text when text.Length > 0 && "=+-@\t\r".Contains(text[0]) => "'" + text,
        _ => value.ToString() ?? "",
    };

}
