using System.Runtime.ExceptionServices;

namespace SiteGen.Diagnostics;

/// <summary>
/// Parallel loops that fail the way a plain loop would: with the first real exception, not an
/// AggregateException, so a bad template or a full disk is reported in its own words.
/// </summary>
internal static class Work
{
    public static void ForEach<T>(IEnumerable<T> items, Action<T> body)
    {
        try
        {
            Parallel.ForEach(items, body);
        }
        catch (AggregateException e)
        {
            var first = e.Flatten().InnerExceptions.OrderBy(x => x is SiteGenException ? 0 : 1).First();
            ExceptionDispatchInfo.Capture(first).Throw();
        }
    }
}
