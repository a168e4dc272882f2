using System.Runtime.ExceptionServices;

namespace SiteGen.Diagnostics;

/// <summary>
/// Parallel loops that fail the way a plain loop would: with the first real exception, not an
/// AggregateException, so a bad template or a full disk is reported in its own words.
/// </summary>
internal static class Work
{
    public static void ForEach<T>(IEnumerable<T> items, Action<T> body) => Unwrapped(() => Parallel.ForEach(items, body));

    /// <summary>Maps items in parallel and hands the results, in the items' order, to one consumer.</summary>
    public static void InOrder<T, TResult>(IEnumerable<T> items, Func<T, TResult> map, Action<TResult> consume) =>
        Unwrapped(() =>
        {
            foreach (var result in items.AsParallel().AsOrdered().Select(map)) consume(result);
        });

    private static void Unwrapped(Action loop)
    {
        try
        {
            loop();
        }
        catch (AggregateException e)
        {
            var first = e.Flatten().InnerExceptions.OrderBy(x => x is SiteGenException ? 0 : 1).First();
            ExceptionDispatchInfo.Capture(first).Throw();
        }
    }
}
