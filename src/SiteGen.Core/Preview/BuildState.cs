using SiteGen.Diagnostics;

namespace SiteGen.Preview;

/// <summary>The outcome of the latest preview build: a version that changes with every build, and its problems if it failed.</summary>
internal sealed record BuildState(int Version, IReadOnlyList<Diagnostic> Problems, string? Failure)
{
    public bool Failed => Problems.Count > 0 || Failure is not null;
}
