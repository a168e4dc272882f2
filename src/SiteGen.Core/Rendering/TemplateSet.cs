using Scriban;
using Scriban.Runtime;
using Scriban.Syntax;
using SiteGen.Content;
using SiteGen.Diagnostics;

namespace SiteGen.Rendering;

/// <summary>
/// The site's Scriban templates, read from <c>templates/</c> at build time so the look can change without
/// recompiling: <c>layout.sbn-html</c> wraps every page, <c>partials/*.sbn-html</c> are shared pieces for
/// <c>include</c>, and each page kind has its own template. Every value a template writes is HTML-escaped
/// (<see cref="HtmlTemplateContext"/>). Templates are parsed once and rendered on every core, each thread
/// with a context of its own.
/// </summary>
internal sealed class TemplateSet
{
    public const string Folder = "templates";
    public const string AssetsFolder = "templates/assets";
    public const string Extension = ".sbn-html";
    public const string Layout = "layout";

    public static readonly IReadOnlyList<string> PageKinds = ["home", "report", "listing", "groups", "404", "search", "download", "data", "compliance", "compliance-year", "stats", "coverage-index", "coverage", "compare"];

    private readonly Dictionary<string, Template> _pages = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Template> _partials = new(StringComparer.Ordinal);
    private readonly ThreadLocal<HtmlTemplateContext> _contexts;

    private TemplateSet() => _contexts = new ThreadLocal<HtmlTemplateContext>(() => new HtmlTemplateContext(_partials));

    public static string PagePath(string kind) => $"{Folder}/{kind}{Extension}";
    public static string PartialPath(string name) => $"{Folder}/partials/{name}{Extension}";

    /// <summary>Reads and parses every template; each problem becomes a diagnostic, and then there is no set.</summary>
    public static TemplateSet? Load(string sourceRoot, DiagnosticBag diagnostics)
    {
        var set = new TemplateSet();
        var failed = false;
        var partials = Path.Combine(sourceRoot, Folder, "partials");
        if (Directory.Exists(partials))
        {
            foreach (var path in Directory.EnumerateFiles(partials, "*" + Extension).Order(StringComparer.Ordinal))
            {
                var name = Path.GetFileName(path)[..^Extension.Length];
                if (Parse(sourceRoot, PartialPath(name), diagnostics) is { } partial) set._partials[name] = partial;
                else failed = true;
            }
        }
        foreach (var kind in PageKinds.Append(Layout))
        {
            if (Parse(sourceRoot, PagePath(kind), diagnostics) is { } page) set._pages[kind] = page;
            else failed = true;
        }
        return failed ? null : set;
    }

    /// <summary>Renders a page with its kind's template, then places the result in the layout as <c>content</c>.</summary>
    public string RenderPage(string kind, object model)
    {
        var context = _contexts.Value!;
        var globals = new ScriptObject();
        context.StartPage();
        context.PushGlobal(globals);
        try
        {
            // Reading the model renders a report's body, whose failure is the report's (a SiteGenException inside).
            globals.Import(model, ScriptMemberImportFlags.Property, renamer: context.MemberRenamer);
            globals.SetValue("content", new TrustedHtml(_pages[kind].Render(context)), readOnly: true);
            return _pages[Layout].Render(context);
        }
        catch (Exception e) when (e is not SiteGenException)
        {
            // A context left mid-render (outputs and scopes still pushed) is not used again.
            _contexts.Value = new HtmlTemplateContext(_partials);
            if (e.GetBaseException() is SiteGenException inner) throw inner;
            throw new SiteGenException(Locate(e, PagePath(kind)));
        }
        finally
        {
            context.PopGlobal();
        }
    }

    private static Diagnostic Locate(Exception error, string page)
    {
        if (error is ScriptRuntimeException { Span: var span } script && !string.IsNullOrEmpty(span.FileName))
            return new Diagnostic(span.FileName, span.Start.Line + 1, span.Start.Column + 1, "template error: " + FirstLine(script.OriginalMessage));
        var cause = error.GetBaseException().Message;
        return new Diagnostic(page, 1, 1, "template error: " + FirstLine(cause));
    }

    private static Template? Parse(string sourceRoot, string file, DiagnosticBag diagnostics)
    {
        var path = Path.Combine(sourceRoot, file);
        if (!File.Exists(path))
        {
            var handlebars = Path.ChangeExtension(path, ".hbs");
            var hint = File.Exists(handlebars) ? $" ({Path.GetFileName(handlebars)} is a Handlebars template: SiteGen's templates are Scriban now, see templates/README.md)" : "";
            diagnostics.Add(new Diagnostic(file, 1, 1, $"template missing: every site needs {file}{hint}"));
            return null;
        }
        if (TextFile.DecodeUtf8(File.ReadAllBytes(path)) is not { } text)
        {
            diagnostics.Add(new Diagnostic(file, 1, 1, "template is not UTF-8"));
            return null;
        }
        text = TextFile.Normalize(text);
        var template = Template.Parse(text, file);
        if (template.HasErrors)
        {
            // Scriban reports a cascade after the first fault; the first is the one to fix.
            var first = template.Messages.First(m => m.Type == Scriban.Parsing.ParserMessageType.Error);
            var (line, column) = (first.Span.Start.Line + 1, first.Span.Start.Column + 1);
            var message = "template error: " + FirstLine(first.Message);
            if (UnclosedBefore(text, first.Span.Start.Offset) is { } open)
                (line, column, message) = (open.Line, open.Column, message + $" (at {line}:{column}, inside this {{{{ that is not closed)");
            diagnostics.Add(new Diagnostic(file, line, column, message));
            return null;
        }
        if (FirstCapture(template.Page) is { } capture)
        {
            // What a capture collects is already escaped; writing it out would escape it again.
            diagnostics.Add(new Diagnostic(file, capture.Span.Start.Line + 1, capture.Span.Start.Column + 1,
                "template error: capture is not supported (its text is escaped once as it is written and would be escaped again); put the markup in a partial and include it"));
            return null;
        }
        return template;
    }

    /// <summary>
    /// The "{{" whose code the fault at <paramref name="offset"/> is in, when no "}}" closes it first: Scriban
    /// finds a forgotten "}}" only where the next text makes no sense, often lines later.
    /// </summary>
    private static (int Line, int Column)? UnclosedBefore(string text, int offset)
    {
        offset = Math.Clamp(offset, 0, text.Length);
        var open = text.LastIndexOf("{{", Math.Max(offset - 1, 0), StringComparison.Ordinal);
        if (open < 0) return null;
        var close = text.IndexOf("}}", open + 2, StringComparison.Ordinal);
        var next = text.IndexOf("{{", open + 2, StringComparison.Ordinal);
        if (close >= 0 && (next < 0 || close < next)) return null;
        var lineStart = open == 0 ? 0 : text.LastIndexOf('\n', open - 1) + 1;
        return (text.AsSpan(0, open).Count('\n') + 1, open - lineStart + 1);
    }

    private static ScriptNode? FirstCapture(ScriptNode? node)
    {
        if (node is null) return null;
        if (node is ScriptCaptureStatement) return node;
        for (var i = 0; i < node.ChildrenCount; i++)
            if (FirstCapture(node.GetChildren(i)) is { } found) return found;
        return null;
    }

    private static string FirstLine(string message) => message.Split('\n')[0].Trim();
}
