using System.Globalization;
using SiteGen.Configuration;
using SiteGen.Content;
using SiteGen.Site;

namespace SiteGen.Feeds;

/// <summary>An Atom 1.0 feed of the newest reports. Absolute URLs, as feed readers need them.</summary>
internal static class AtomFeed
{
    public const string Path = "feed.xml";
    private const string Ns = "http://www.w3.org/2005/Atom";

    public static byte[] Write(SiteConfig config, IReadOnlyList<Report> newest, Func<Report, string> summary)
    {
        var entries = newest.Take(config.FeedSize).ToList();
        // The feed's own date is the newest report's, not the clock's: the same content gives the same bytes.
        var updated = newest.Select(Updated).DefaultIfEmpty("2000-01-01T00:00:00Z").Max(StringComparer.Ordinal)!;

        return XmlOutput.Write(xml =>
        {
            xml.WriteStartElement("feed", Ns);
            xml.WriteAttributeString("xml", "lang", null, config.Language);
            xml.WriteElementString("title", Ns, XmlOutput.Clean(config.Title));
            if (config.Description.Length > 0) xml.WriteElementString("subtitle", Ns, XmlOutput.Clean(config.Description));
            xml.WriteElementString("id", Ns, config.BaseUrl);
            xml.WriteElementString("updated", Ns, updated);
            WriteLink(xml, config.BaseUrl, "alternate");
            WriteLink(xml, config.BaseUrl + Path, "self");
            xml.WriteStartElement("author", Ns);
            xml.WriteElementString("name", Ns, XmlOutput.Clean(config.Title));
            xml.WriteEndElement();

            foreach (var report in entries)
            {
                var url = config.BaseUrl + SitePaths.ReportPath(report.Slug);
                xml.WriteStartElement("entry", Ns);
                xml.WriteElementString("title", Ns, XmlOutput.Clean(report.Title));
                xml.WriteElementString("id", Ns, url);
                xml.WriteElementString("updated", Ns, Updated(report));
                WriteLink(xml, url, "alternate");
                if (report.Publisher is { } publisher)
                {
                    xml.WriteStartElement("author", Ns);
                    xml.WriteElementString("name", Ns, XmlOutput.Clean(publisher));
                    xml.WriteEndElement();
                }
                xml.WriteStartElement("category", Ns);
                xml.WriteAttributeString("term", report.DocType);
                xml.WriteEndElement();
                xml.WriteElementString("summary", Ns, XmlOutput.Clean(summary(report)));
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
        });
    }

    private static void WriteLink(System.Xml.XmlWriter xml, string href, string rel)
    {
        xml.WriteStartElement("link", Ns);
        xml.WriteAttributeString("rel", rel);
        xml.WriteAttributeString("href", href);
        xml.WriteEndElement();
    }

    private static string Updated(Report report)
    {
        var date = report.Date ?? (report.Year is { } y ? new DateOnly(y, 12, 31) : new DateOnly(2000, 1, 1));
        return date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T00:00:00Z";
    }
}
