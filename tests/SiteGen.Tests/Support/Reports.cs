namespace SiteGen.Tests.Support;

/// <summary>Front matter for test reports: valid by default, one field changed per test.</summary>
public static class Reports
{
    public static string FrontMatter(
        string title = "某县2021年法治政府建设年度报告",
        int year = 2021,
        string published = "2022-03-01",
        string province = "广东省",
        string? city = "肇庆市",
        string? county = "某县",
        string? code = null,
        string publisher = "某县人民政府",
        string docType = "年度报告",
        string? extra = null) =>
        $"""
        title: {title}
        doc_type: {docType}
        year: {year}
        publisher: {publisher}
        region:
          province: {province}
        {(city is null ? "" : $"  city: {city}")}
        {(county is null ? "" : $"  county: {county}")}
        {(code is null ? "" : $"  code: \"{code}\"")}
        date_published: {published}
        {extra ?? ""}
        """;
}
