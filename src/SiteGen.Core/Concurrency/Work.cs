using System.Runtime.ExceptionServices;
using SiteGen.Diagnostics;

namespace SiteGen.Concurrency;

/// <summary>
/// Parallel loops that fail the way a plain loop would: with the first real exception, not an
/// AggregateException, so a bad template or a full disk is reported in its own words.
/// </summary>
internal static class Work
{
    public static void ForEach<T>(IEnumerable<T> items, Action<T> body) => Unwrapped(() => Parallel.ForEach(items, body));

    private const int ChunkSize = 256;

    /// <summary>
    /// Maps items in parallel and hands the results, in the items' order, to one consumer, which works on one
    /// chunk while the next is mapped. At most two chunks of results exist at a time: PLINQ's ordered merge
    /// let the mappers run ahead of a slower consumer, and at 100,000 reports held 20 GB of results.
    /// </summary>
    public static void InOrder<T, TResult>(IEnumerable<T> items, Func<T, TResult> map, Action<TResult> consume) =>
        Unwrapped(() =>
        {
            Task<TResult[]>? ready = null;
            foreach (var chunk in items.Chunk(ChunkSize))
            {
                var mapping = Task.Run(() => MapAll(chunk, map));
                if (ready is not null) Consume(ready, consume, mapping);
                ready = mapping;
            }
            if (ready is not null) Consume(ready, consume, null);
        });

    private static TResult[] MapAll<T, TResult>(T[] chunk, Func<T, TResult> map)
    {
        var results = new TResult[chunk.Length];
        Parallel.For(0, chunk.Length, i => results[i] = map(chunk[i]));
        return results;
    }

    /// <summary>Consumes a mapped chunk; if that fails, waits for the chunk being mapped, so no work outlives the call.</summary>
    private static void Consume<TResult>(Task<TResult[]> chunk, Action<TResult> consume, Task? next)
    {
        try
        {
            foreach (var result in chunk.Result) consume(result);
        }
        catch
        {
            try { next?.Wait(); } catch (AggregateException) { /* the first failure is the one to report */ }
            throw;
        }
    }

    /// <summary>
    /// Runs <paramref name="background"/> on the thread pool while <paramref name="main"/> runs on this thread, and
    /// returns when both have: neither outlives the call, whichever fails. The first failure is reported, the
    /// main work's before the background's.
    /// </summary>
    public static void Alongside(Action background, Action main) =>
        Unwrapped(() =>
        {
            var side = Task.Run(background);
            try
            {
                main();
            }
            catch
            {
                try { side.Wait(); } catch (AggregateException) { /* the main work's failure is the one to report */ }
                throw;
            }
            side.Wait();
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
