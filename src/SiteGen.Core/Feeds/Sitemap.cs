using System.Globalization;
using SiteGen.Configuration;
using SiteGen.Content;

namespace SiteGen.Feeds;

/// <summary>sitemap.xml and robots.txt, the two files search engines read; both need absolute URLs.</summary>
internal static class Sitemap
{
    public const string Path = "sitemap.xml";
    public const string RobotsPath = "robots.txt";
    private const string Ns = "http://www.sitemaps.org/schemas/sitemap/0.9";

    /// <param name="pages">Every HTML page's path with the date it last changed, if it has one.</param>
    public static byte[] Write(SiteConfig config, IEnumerable<(string Path, DateOnly? Modified)> pages) =>
        XmlOutput.Write(xml =>
        {
            xml.WriteStartElement("urlset", Ns);
            foreach (var (path, modified) in pages.OrderBy(p => p.Path, StringComparer.Ordinal))
            {
                xml.WriteStartElement("url", Ns);
                xml.WriteElementString("loc", Ns, config.BaseUrl + (path == "index.html" ? "" : path));
                if (modified is { } date)
                    xml.WriteElementString("lastmod", Ns, date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
        });

    public static byte[] Robots(SiteConfig config) =>
        System.Text.Encoding.UTF8.GetBytes($"User-agent: *\nAllow: /\n\nSitemap: {config.BaseUrl}{Path}\n");
}
