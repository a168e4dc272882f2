namespace SiteGen.Search.Format;

/// <summary>The start of a document's text, enough for most snippets: the meta field and the body's first characters (a head file holds it).</summary>
internal sealed record TextHead(string Meta, string Body, bool Truncated);
