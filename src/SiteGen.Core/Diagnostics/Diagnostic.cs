namespace SiteGen.Diagnostics;

/// <summary>One problem in an input file, located the way editors and compilers print them.</summary>
public sealed record Diagnostic(string File, int Line, int Column, string Message)
{
    /// <summary>One line, whatever the file name or the message quotes: a name or value with a line break or an escape sequence cannot forge output or drive the terminal.</summary>
    public override string ToString() => $"{ControlCharacters.Escape(File)}:{Line}:{Column}: {ControlCharacters.Escape(Message)}";
}

/// <summary>Thrown when a stage cannot go on; carries every problem found, not just the first.</summary>
public sealed class SiteGenException : Exception
{
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    public SiteGenException(IReadOnlyList<Diagnostic> diagnostics)
        : base(string.Join(Environment.NewLine, diagnostics)) => Diagnostics = diagnostics;

    public SiteGenException(Diagnostic diagnostic) : this([diagnostic]) { }
}
