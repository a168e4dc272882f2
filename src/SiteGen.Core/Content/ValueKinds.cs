using SiteGen.Yaml;

namespace SiteGen.Content;

/// <summary>What a front-matter value is: the README's words for it.</summary>
internal interface IValueKind
{
    string Describe();
}

/// <summary>One kind of front-matter value, read from YAML with its checks, written back, and kept in the cache.</summary>
internal interface IValueKind<T> : IValueKind
{
    T Read(YamlMap map, string key);
    void Write(FrontMatterWriter yaml, string key, T value);
    void Save(BinaryWriter writer, T value);
    T Load(BinaryReader reader);
}

internal record TextKind(bool Required = false) : IValueKind<string?>
{
    public virtual string Describe() => Required ? "text, **required**" : "text";
    public virtual string? Read(YamlMap map, string key) => map.Text(key, Required);
    public void Write(FrontMatterWriter yaml, string key, string? value) => yaml.Text(key, value);
    public void Save(BinaryWriter writer, string? value) => CacheValues.Save(writer, value);
    public string? Load(BinaryReader reader) => CacheValues.LoadText(reader);
}

internal sealed record ChoiceKind(IReadOnlyList<string> Allowed) : TextKind
{
    public override string Describe() => "one of " + string.Join(", ", Allowed);
    public override string? Read(YamlMap map, string key) => map.OneOf(key, Allowed);
}

internal sealed record SlugKind : TextKind
{
    public override string Describe() => "lowercase ASCII letters/digits joined by `-`";

    public override string? Read(YamlMap map, string key)
    {
        var slug = map.Matching(key, FrontMatterSchema.SlugPattern(),
            "a slug is lowercase ASCII letters and digits joined by single hyphens, e.g. gaoyao-2021-annual-report");
        if (slug is null || !FrontMatterSchema.IsReservedName(slug)) return slug;
        map.Error(key, $"field '{key}' is '{slug}', a name Windows reserves for devices; choose another");
        return null;
    }
}

internal sealed record IntegerKind(int Min, int Max) : IValueKind<int?>
{
    public string Describe() => $"whole number {Min}–{Max}";
    public int? Read(YamlMap map, string key) => map.Integer(key, Min, Max);
    public void Write(FrontMatterWriter yaml, string key, int? value) => yaml.Number(key, value);
    public void Save(BinaryWriter writer, int? value) => CacheValues.Save(writer, value);
    public int? Load(BinaryReader reader) => CacheValues.LoadNumber(reader);
}

internal sealed record DateKind : IValueKind<DateOnly?>
{
    public string Describe() => "date `YYYY-MM-DD`";
    public DateOnly? Read(YamlMap map, string key) => map.Date(key);
    public void Write(FrontMatterWriter yaml, string key, DateOnly? value) => yaml.Date(key, value);
    public void Save(BinaryWriter writer, DateOnly? value) => CacheValues.Save(writer, value?.DayNumber);
    public DateOnly? Load(BinaryReader reader) => CacheValues.LoadNumber(reader) is { } day ? DateOnly.FromDayNumber(day) : null;
}

internal sealed record TextListKind : IValueKind<IReadOnlyList<string>>
{
    public string Describe() => "list of text";
    public IReadOnlyList<string> Read(YamlMap map, string key) => map.TextList(key);
    public void Write(FrontMatterWriter yaml, string key, IReadOnlyList<string> value) => yaml.List(key, value);
    public void Save(BinaryWriter writer, IReadOnlyList<string> value) => CacheValues.Save(writer, value);
    public IReadOnlyList<string> Load(BinaryReader reader) => CacheValues.LoadList(reader);
}

internal sealed record RegionKind : IValueKind<Region>
{
    private static readonly string[] Keys = ["province", "city", "county", "code"];

    public string Describe() => "mapping: " + string.Join(", ", Keys.Select(k => $"`{k}`"));

    public Region Read(YamlMap map, string key)
    {
        if (map.Map(key) is not { } region) return Region.Unknown;
        region.RejectUnknownKeys(Keys);
        return new Region(region.Text("province"), region.Text("city"), region.Text("county"),
            region.Matching("code", FrontMatterSchema.RegionCodePattern(), "a region code is the 6 digits of GB/T 2260, e.g. \"441204\""));
    }

    public void Write(FrontMatterWriter yaml, string key, Region value)
    {
        if (!value.IsKnown) return;
        yaml.Mapping(key);
        yaml.Text("province", value.Province, indent: 2);
        yaml.Text("city", value.City, indent: 2);
        yaml.Text("county", value.County, indent: 2);
        // Quoted: six digits unquoted would be a number, and a leading zero lost.
        yaml.Quoted("code", value.Code, indent: 2);
    }

    public void Save(BinaryWriter writer, Region value)
    {
        foreach (var part in new[] { value.Province, value.City, value.County, value.Code }) CacheValues.Save(writer, part);
    }

    public Region Load(BinaryReader reader) =>
        new(CacheValues.LoadText(reader), CacheValues.LoadText(reader), CacheValues.LoadText(reader), CacheValues.LoadText(reader));
}

internal sealed record SourceKind : IValueKind<SourceInfo>
{
    public string Describe() => "mapping: `site`, `url` (http/https), `file` (path in `seeds/`)";

    public SourceInfo Read(YamlMap map, string key)
    {
        if (map.Map(key) is not { } source) return SourceInfo.None;
        source.RejectUnknownKeys(["site", "url", "file"]);
        return new SourceInfo(source.Text("site"),
            source.Matching("url", FrontMatterSchema.WebUrlPattern(), "a source URL starts with http:// or https://"), source.Text("file"));
    }

    public void Write(FrontMatterWriter yaml, string key, SourceInfo value)
    {
        if (value == SourceInfo.None) return;
        yaml.Mapping(key);
        yaml.Text("site", value.Site, indent: 2);
        yaml.Text("url", value.Url, indent: 2);
        yaml.Text("file", value.File, indent: 2);
    }

    public void Save(BinaryWriter writer, SourceInfo value)
    {
        foreach (var part in new[] { value.Site, value.Url, value.File }) CacheValues.Save(writer, part);
    }

    public SourceInfo Load(BinaryReader reader) => new(CacheValues.LoadText(reader), CacheValues.LoadText(reader), CacheValues.LoadText(reader));
}

/// <summary>Optional values as the cache's bytes: a presence flag, then the value.</summary>
internal static class CacheValues
{
    public static void Save(BinaryWriter writer, string? text)
    {
        writer.Write(text is not null);
        if (text is not null) writer.Write(text);
    }

    public static string? LoadText(BinaryReader reader) => reader.ReadBoolean() ? reader.ReadString() : null;

    public static void Save(BinaryWriter writer, int? number)
    {
        writer.Write(number.HasValue);
        if (number.HasValue) writer.Write(number.Value);
    }

    public static int? LoadNumber(BinaryReader reader) => reader.ReadBoolean() ? reader.ReadInt32() : null;

    public static void Save(BinaryWriter writer, IReadOnlyList<string> items)
    {
        writer.Write(items.Count);
        foreach (var item in items) writer.Write(item);
    }

    public static string[] LoadList(BinaryReader reader)
    {
        var items = new string[reader.ReadInt32()];
        for (var i = 0; i < items.Length; i++) items[i] = reader.ReadString();
        return items;
    }
}
