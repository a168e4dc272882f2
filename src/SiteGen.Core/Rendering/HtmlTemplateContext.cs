using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;

namespace SiteGen.Rendering;

/// <summary>
/// A Scriban context that HTML-escapes every value a template writes, as Handlebars' {{ }} did: Scriban
/// itself escapes nothing unless each expression says so (Scriban issues #137, #388, #637), and one
/// forgotten <c>| html.escape</c> would let a report's title run script on the public site. Only
/// <see cref="TrustedHtml"/> is written as it is: text SiteGen made, an included partial (already escaped
/// as it was written) and what <c>html.escape</c> returns (so an old habit does not escape twice).
/// One context serves many pages on one thread; <see cref="TemplateSet"/> keeps one per thread.
/// </summary>
internal sealed class HtmlTemplateContext : TemplateContext
{
    /// <summary>Loop steps one page may take in all its loops together; a listing of 100,000 reports needs far fewer.</summary>
    public const int MaxLoopSteps = 5_000_000;
    /// <summary>Nested includes and function calls; the deepest region tree needs four.</summary>
    public const int MaxDepth = 64;
    /// <summary>Characters one template may write; a report page with a long body is a few hundred thousand.</summary>
    public const int MaxOutput = 64 << 20;

    private int _loopSteps;

    public HtmlTemplateContext(IReadOnlyDictionary<string, Template> partials)
    {
        StrictVariables = true;
        // A misspelt field is an error, not an empty string nobody notices.
        EnableRelaxedMemberAccess = false;
        LoopLimit = MaxLoopSteps + 1; // the page-wide budget below speaks first, and more plainly
        RecursiveLimit = MaxDepth;
        LimitToString = 0;
        OutputLimit = MaxOutput;
        OnOutputLimit = ScriptLimitBehavior.Throw;
        TemplateLoader = new PartialLoader(partials);
        foreach (var template in partials.Values) CachedTemplates[template.SourceFilePath!] = template;
        var include = (IScriptCustomFunction)BuiltinObject["include"]!;
        BuiltinObject.SetValue("include", new TrustedInclude(include), readOnly: true);
        var html = (ScriptObject)BuiltinObject["html"]!;
        html.Remove("escape"); // Import does not replace a member
        html.Import("escape", new Func<object?, TrustedHtml>(EscapeOnce));
    }

    /// <summary>Starts a page: the loop budget is for one page, not for the thread's life.</summary>
    public void StartPage() => _loopSteps = 0;

    public override TemplateContext Write(SourceSpan span, object? value)
    {
        switch (value)
        {
            case null: return this;
            case TrustedHtml trusted: return Write(trusted.Html);
            default:
                var text = ObjectToString(value);
                return text is null ? this : Write(TrustedHtml.Escape(text));
        }
    }

    protected override bool OnStepLoop(ScriptLoopStatementBase loop)
    {
        if (++_loopSteps > MaxLoopSteps)
            throw new ScriptRuntimeException(loop.Span, $"loops ran more than {MaxLoopSteps:N0} steps for one page: does a loop never end?");
        return base.OnStepLoop(loop);
    }

    private TrustedHtml EscapeOnce(object? value) => value switch
    {
        null => TrustedHtml.Empty,
        TrustedHtml trusted => trusted,
        _ => new TrustedHtml(TrustedHtml.Escape(ObjectToString(value) ?? "")),
    };

    /// <summary>Scriban's include, whose result (escaped as the partial wrote it) is written as it is.</summary>
    private sealed class TrustedInclude(IScriptCustomFunction include) : IScriptCustomFunction
    {
        public object? Invoke(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement) =>
            include.Invoke(context, callerContext, arguments, blockStatement) is string html ? new TrustedHtml(html) : null;

        public ValueTask<object?> InvokeAsync(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement) =>
            ValueTask.FromResult(Invoke(context, callerContext, arguments, blockStatement));

        public int RequiredParameterCount => include.RequiredParameterCount;
        public int ParameterCount => include.ParameterCount;
        public ScriptVarParamKind VarParamKind => include.VarParamKind;
        public Type ReturnType => typeof(TrustedHtml);
        public ScriptParameterInfo GetParameterInfo(int index) => include.GetParameterInfo(index);
    }

    /// <summary>Partials come parsed from the <see cref="TemplateSet"/> (in the context's cache), never read while rendering.</summary>
    private sealed class PartialLoader(IReadOnlyDictionary<string, Template> partials) : ITemplateLoader
    {
        public string GetPath(TemplateContext context, SourceSpan callerSpan, string templateName) =>
            partials.TryGetValue(templateName, out var template) ? template.SourceFilePath!
                : throw new ScriptRuntimeException(callerSpan, $"no partial named '{templateName}': expected {TemplateSet.PartialPath(templateName)}");

        public string Load(TemplateContext context, SourceSpan callerSpan, string templatePath) =>
            throw new InvalidOperationException("partials are parsed when the templates are loaded");

        public ValueTask<string?> LoadAsync(TemplateContext context, SourceSpan callerSpan, string templatePath) =>
            throw new InvalidOperationException("partials are parsed when the templates are loaded");
    }
}
