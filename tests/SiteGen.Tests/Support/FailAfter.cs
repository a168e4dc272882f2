using SiteGen.Build;

namespace SiteGen.Tests.Support;

/// <summary>An observer that fails the build, as a full disk would, once it has seen so many files written.</summary>
internal sealed class FailAfter(int files) : IBuildObserver
{
    private int _written;
    public int Written => _written;
    public void StageStarted(string stage, int total) { }

    public void FileWritten(string path)
    {
        if (Interlocked.Increment(ref _written) >= files) throw new IOException("disk full (simulated)");
    }
}
