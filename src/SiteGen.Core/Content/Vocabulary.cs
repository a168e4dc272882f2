namespace SiteGen.Content;

/// <summary>The closed lists the front matter draws from, with the ASCII names used in URLs.</summary>
internal static class Vocabulary
{
    public const string OtherDocType = "其他";

    /// <summary>Document types in the order listings show them, each with its path segment.</summary>
    public static readonly IReadOnlyList<(string Name, string PathSegment)> DocTypes =
    [
        ("年度报告", "annual-report"),
        ("情况报告", "status-report"),
        ("工作要点", "work-plan"),
        ("工作总结", "work-summary"),
        ("通知", "notice"),
        (OtherDocType, "other"),
    ];

    public static readonly IReadOnlyList<string> Levels = ["省级", "市级", "县级", "乡镇街道", "开发区", "部门"];

    public static readonly IReadOnlyList<string> DocTypeNames = DocTypes.Select(t => t.Name).ToList();

    public static string DocTypePath(string docType) =>
        DocTypes.First(t => t.Name == docType).PathSegment;
}
