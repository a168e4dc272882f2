using System.Text.RegularExpressions;
using HandlebarsDotNet;
using SiteGen.Content;
using SiteGen.Diagnostics;

namespace SiteGen.Rendering;

/// <summary>
/// The site's Handlebars templates, read from <c>templates/</c> at build time so the look can change
/// without recompiling: <c>layout.hbs</c> wraps every page, <c>partials/*.hbs</c> are shared pieces,
/// and each page kind has its own template. Output is HTML-escaped unless a template uses {{{ }}}.
/// </summary>
public sealed partial class TemplateSet
{
    public const string Folder = "templates";
    public const string AssetsFolder = "templates/assets";
    public const string Layout = "layout";

    public static readonly IReadOnlyList<string> PageKinds = ["home", "report", "listing", "groups", "404", "search"];

    private const string NestHelper = "sitegen-nest";
    private const int MaxNesting = 64;

    [ThreadStatic] private static int _nesting;

    private readonly Dictionary<string, HandlebarsTemplate<object, object>> _pages = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _sources = new(StringComparer.Ordinal);

    private TemplateSet() { }

    public static TemplateSet? Load(string sourceRoot, DiagnosticBag diagnostics)
    {
        var folder = Path.Combine(sourceRoot, Folder);
        var set = new TemplateSet();
        var handlebars = Handlebars.Create(new HandlebarsConfiguration { ThrowOnUnresolvedBindingExpression = true });
        // Handlebars has no comparison; templates need one to mark the current navigation item.
        handlebars.RegisterHelper("eq", (in HelperOptions _, in Context _, in Arguments args) =>
            args.Length == 2 && Equals(args[0]?.ToString(), args[1]?.ToString()));
        handlebars.RegisterHelper(NestHelper, (output, options, context, _) =>
        {
            // A partial that includes itself without end would overflow the stack and kill the process.
            if (++_nesting > MaxNesting)
                throw new InvalidOperationException($"partials nested more than {MaxNesting} deep: does a partial include itself without end?");
            try { options.Template(output, context); }
            finally { _nesting--; }
        });
        var before = diagnostics.HasErrors;
        var failed = false;

        var partials = Path.Combine(folder, "partials");
        if (Directory.Exists(partials))
        {
            foreach (var path in Directory.EnumerateFiles(partials, "*.hbs").Order(StringComparer.Ordinal))
            {
                var (file, text) = set.Read(sourceRoot, path);
                if (text is null) { failed = true; continue; }
                if (set.Compile(handlebars, file, text, diagnostics) is null) failed = true;
                else handlebars.RegisterTemplate(Path.GetFileNameWithoutExtension(path), text);
            }
        }

        foreach (var kind in PageKinds.Append(Layout))
        {
            var path = Path.Combine(folder, kind + ".hbs");
            if (!File.Exists(path))
            {
                diagnostics.Add(new Diagnostic($"{Folder}/{kind}.hbs", 1, 1, $"template missing: every site needs {Folder}/{kind}.hbs"));
                failed = true;
                continue;
            }
            var (file, text) = set.Read(sourceRoot, path);
            var compiled = text is null ? null : set.Compile(handlebars, file, text, diagnostics);
            if (compiled is null) failed = true;
            else set._pages[kind] = compiled;
        }
        return failed || (!before && diagnostics.HasErrors) ? null : set;
    }

    /// <summary>Renders a page with its kind's template, then wraps it in the layout.</summary>
    public string RenderPage(string kind, PageModel model)
    {
        model.Content = Render(kind, model);
        return Render(Layout, model);
    }

    private string Render(string kind, object model)
    {
        try
        {
            return _pages[kind](model);
        }
        catch (Exception e) when (e is not SiteGenException)
        {
            var file = $"{Folder}/{kind}.hbs";
            var (line, column) = Locate(_sources[file], e.Message) ?? (1, 1);
            var cause = e.GetBaseException().Message;
            var message = cause == e.Message ? FirstLine(e.Message) : $"{FirstLine(cause)} ({FirstLine(e.Message)})";
            throw new SiteGenException(new Diagnostic(file, line, column, "template error: " + message));
        }
    }

    private (string File, string? Text) Read(string sourceRoot, string path)
    {
        var file = Path.GetRelativePath(sourceRoot, path).Replace('\\', '/');
        var text = TextFile.DecodeUtf8(File.ReadAllBytes(path)) is { } t ? GuardPartials(Unindent(TextFile.Normalize(t))) : null;
        if (text is not null) _sources[file] = text;
        return (file, text);
    }

    private HandlebarsTemplate<object, object>? Compile(IHandlebars handlebars, string file, string text, DiagnosticBag diagnostics)
    {
        try
        {
            return handlebars.Compile(text);
        }
        catch (Exception e) when (e is HandlebarsException)
        {
            var (line, column) = ParsedPosition(e.Message) ?? Locate(text, e.Message) ?? Unclosed(text) ?? (1, 1);
            diagnostics.Add(new Diagnostic(file, line, column, "template error: " + FirstLine(e.Message)));
            return null;
        }
    }

    /// <summary>Handlebars.Net gives a position for some parse errors ("Occured at: 2:3").</summary>
    private static (int, int)? ParsedPosition(string message)
    {
        var match = OccurredAt().Match(message);
        return match.Success ? (int.Parse(match.Groups[1].Value), int.Parse(match.Groups[2].Value)) : null;
    }

    /// <summary>For errors without a position, finds the first line that uses the name the message quotes.</summary>
    private static (int, int)? Locate(string text, string message)
    {
        var match = QuotedName().Match(message);
        if (!match.Success) return null;
        var name = match.Groups.Cast<Group>().Skip(1).First(g => g.Success).Value.TrimStart('/');
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var at = Regex.Match(lines[i], @"\{\{[{#/>^~\s]*(" + Regex.Escape(name) + @")\b");
            if (at.Success) return (i + 1, at.Index + 1);
        }
        return null;
    }

    /// <summary>
    /// Handlebars.Net 2.4 renders a partial called on an indented line of its own without HTML-escaping
    /// anything inside it (it writes the indented copy through an unencoded writer). Indentation means
    /// nothing in HTML, so it is removed before compiling and no template can fall into that hole.
    /// </summary>
    internal static string Unindent(string template) => IndentedPartial().Replace(template, "");

    /// <summary>Wraps every partial call in a helper that counts nesting, so runaway recursion is an error, not a crash.</summary>
    internal static string GuardPartials(string template) =>
        PartialCall().Replace(template, m => $"{{{{#{NestHelper}}}}}{m.Value}{{{{/{NestHelper}}}}}");

    /// <summary>The first "{{" that is not closed before the next "{{" or the end of the template.</summary>
    private static (int, int)? Unclosed(string text)
    {
        for (var open = text.IndexOf("{{", StringComparison.Ordinal); open >= 0; open = text.IndexOf("{{", open + 2, StringComparison.Ordinal))
        {
            var close = text.IndexOf("}}", open + 2, StringComparison.Ordinal);
            var next = text.IndexOf("{{", open + 2, StringComparison.Ordinal);
            if (close < 0 || (next >= 0 && next < close && text[open + 2] != '{'))
            {
                var line = text.AsSpan(0, open).Count('\n') + 1;
                return (line, open - text.LastIndexOf('\n', Math.Max(open - 1, 0)));
            }
        }
        return null;
    }

    private static string FirstLine(string message) => message.Split('\n')[0].Trim();

    [GeneratedRegex(@"\{\{~?>[^}]*\}\}")]
    private static partial Regex PartialCall();

    [GeneratedRegex(@"^[ \t]+(?=\{\{~?#?>)", RegexOptions.Multiline)]
    private static partial Regex IndentedPartial();

    [GeneratedRegex(@"Occured at: (\d+):(\d+)")]
    private static partial Regex OccurredAt();

    [GeneratedRegex(@"'([^']+)'|^(\S+) is undefined")]
    private static partial Regex QuotedName();
}
