using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using SiteGen.Build;
using SiteGen.Diagnostics;

namespace SiteGen.Preview;

/// <summary>
/// <c>sitegen serve</c>: builds the site, serves it with Kestrel, watches content/, templates/ and
/// site.yml, rebuilds after each burst of saves and makes open pages reload. A failed build shows
/// its problems in the terminal and in the browser; the next good save recovers.
/// </summary>
public sealed class PreviewServer : IAsyncDisposable
{
    private readonly PreviewOptions _options;
    private readonly string _output;
    private readonly WebApplication _app;
    private readonly FileSystemWatcher _watcher;
    private readonly Timer _quiet;
    private readonly SemaphoreSlim _building = new(1, 1);
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile BuildState _state = new(0, [], null);

    /// <summary>The address served; with port 0 the system chose a free port, and this names it.</summary>
    public string Url { get; private set; }
    internal BuildState State => _state;

    private PreviewServer(PreviewOptions options, WebApplication app, string url)
    {
        _options = options;
        _app = app;
        Url = url;
        _output = options.OutputPath ?? Path.Combine(options.SourceRoot, ".sitegen", "preview");
        _quiet = new Timer(_ => _ = RebuildAsync());
        _watcher = new FileSystemWatcher(options.SourceRoot) { IncludeSubdirectories = true, NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size };
        _watcher.Changed += OnSourceEvent;
        _watcher.Created += OnSourceEvent;
        _watcher.Deleted += OnSourceEvent;
        _watcher.Renamed += OnSourceEvent;
    }

    public static async Task<PreviewServer> StartAsync(PreviewOptions options)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        var url = $"http://{(options.Host.Contains(':') ? $"[{options.Host}]" : options.Host)}:{options.Port}/";
        builder.WebHost.UseUrls(url);
        var app = builder.Build();
        var server = new PreviewServer(options, app, url);
        server.Map(app);
        await server.RebuildAsync();
        try
        {
            await app.StartAsync();
        }
        catch (IOException e) when (e.InnerException is System.Net.Sockets.SocketException || e.Message.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"{options.Host}:{options.Port} is already in use; stop what runs there or choose another port with --port", e);
        }
        server.Url = app.Urls.First().TrimEnd('/') + "/";
        server._watcher.EnableRaisingEvents = true;
        options.Log.WriteLine($"Serving {server.Url} (Ctrl+C stops); watching content/, templates/ and site.yml");
        return server;
    }

    /// <summary>Builds now; also called once the source has been quiet after changes.</summary>
    public async Task RebuildAsync()
    {
        await _building.WaitAsync();
        try
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            BuildState next;
            try
            {
                // The preview leaves out the offline zip (and its link): rezipping the site on every save costs
                // more than everything else a one-report edit rebuilds.
                var result = SiteBuilder.Build(new BuildOptions(_options.SourceRoot, _output) { OfflineZip = false, HostPath = "/" });
                next = new BuildState(_state.Version + 1, [], null);
                _options.Log.WriteLine(
                    $"Built {result.Reports} reports, {result.Pages} pages in {clock.ElapsedMilliseconds} ms ({result.Files - result.Reused} files made, {result.Reused} unchanged)");
            }
            catch (SiteGenException e)
            {
                next = new BuildState(_state.Version + 1, e.Diagnostics, null);
                foreach (var problem in e.Diagnostics) _options.Log.WriteLine(problem);
                _options.Log.WriteLine($"Build failed: {e.Diagnostics.Count} problem(s); the browser shows them until the next good save.");
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // Whatever stopped the build, the page says so and the next save builds again: an exception let out of
                // here (this runs on a timer) left the preview showing its last state, deaf to later saves.
                var message = e is IOException or UnauthorizedAccessException or InvalidOperationException ? e.Message : $"{e.GetType().Name}: {e.Message}";
                next = new BuildState(_state.Version + 1, [], message);
                _options.Log.WriteLine($"Build failed: {message}");
            }
            _state = next;
            Interlocked.Exchange(ref _changed, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
        }
        finally
        {
            _building.Release();
        }
    }

    private void OnSourceEvent(object sender, FileSystemEventArgs e)
    {
        var relative = Path.GetRelativePath(_options.SourceRoot, e.FullPath).Replace('\\', '/');
        if (relative.StartsWith("content/", StringComparison.Ordinal) || relative.StartsWith("templates/", StringComparison.Ordinal)
            || relative is "content" or "templates" or "site.yml")
            _quiet.Change(_options.Quiet, Timeout.InfiniteTimeSpan);
    }

    private void Map(WebApplication app)
    {
        app.MapGet(LiveReload.ScriptPath, () => Results.Text(LiveReload.Script, "text/javascript; charset=utf-8"));
        app.MapGet(LiveReload.EventsPath, StreamVersions);
        app.MapFallback("{*path}", ServeFile); // the default fallback skips paths that look like files
    }

    /// <summary>Server-sent events: the current build version now, and again after every build.</summary>
    private async Task StreamVersions(HttpContext context)
    {
        context.Response.Headers.ContentType = "text/event-stream";
        context.Response.Headers.CacheControl = "no-cache";
        var aborted = context.RequestAborted;
        try
        {
            while (!aborted.IsCancellationRequested)
            {
                var changed = _changed.Task;
                await context.Response.WriteAsync($"retry: 500\ndata: {_state.Version}\n\n", aborted);
                await context.Response.Body.FlushAsync(aborted);
                await changed.WaitAsync(aborted);
            }
        }
        catch (OperationCanceledException) { }
    }

    private async Task ServeFile(HttpContext context)
    {
        var state = _state;
        var path = Uri.UnescapeDataString(context.Request.Path.Value ?? "/");
        if (path.EndsWith('/')) path += "index.html";
        var root = Path.GetFullPath(_output) + Path.DirectorySeparatorChar;
        // A NUL or another character no file name may hold (/%2500) is a missing page, not a server error.
        var file = path.IndexOfAny(['\0', '\\']) < 0 ? Path.GetFullPath(Path.Combine(root, path.TrimStart('/'))) : null;
        if (file is not null && Directory.Exists(file) && file.StartsWith(root, StringComparison.Ordinal))
        {
            // Redirect to the folder as found under the site, never to the path as asked: "//evil.example/%2e%2e/reports"
            // would otherwise send the browser to another host.
            context.Response.Redirect("/" + string.Concat(Path.GetRelativePath(root, file).Replace('\\', '/').Split('/').Select(s => Uri.EscapeDataString(s) + "/")));
            return;
        }
        var found = file is not null && file.StartsWith(root, StringComparison.Ordinal) && File.Exists(file);
        var isHtml = !found || file!.EndsWith(".html", StringComparison.OrdinalIgnoreCase);

        if (isHtml && state.Failed)
        {
            context.Response.StatusCode = 500;
            await WriteHtml(context, LiveReload.ErrorPage(state));
            return;
        }
        if (!found)
        {
            context.Response.StatusCode = 404;
            var notFound = Path.Combine(root, "404.html");
            await WriteHtml(context, File.Exists(notFound) ? LiveReload.Inject(await File.ReadAllTextAsync(notFound), state.Version) : "Not found");
            return;
        }
        context.Response.Headers.CacheControl = "no-store";
        if (isHtml)
        {
            await WriteHtml(context, LiveReload.Inject(await File.ReadAllTextAsync(file!), state.Version));
            return;
        }
        context.Response.ContentType = ContentType(file!);
        await context.Response.SendFileAsync(file!);
    }

    /// <summary>
    /// The policy every page of the preview is sent with, its error page too: scripts only from the site (the
    /// pages' own meta tag says the same, and a header also covers what a meta tag cannot, such as framing).
    /// Inline style is allowed for the error page's few rules; no inline script is.
    /// </summary>
    internal const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    private static Task WriteHtml(HttpContext context, string html)
    {
        context.Response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
        context.Response.ContentType = "text/html; charset=utf-8";
        return context.Response.WriteAsync(html, Encoding.UTF8);
    }

    private static string ContentType(string file) => Path.GetExtension(file).ToLowerInvariant() switch
    {
        ".js" => "text/javascript; charset=utf-8",
        ".css" => "text/css; charset=utf-8",
        ".xml" => "application/xml; charset=utf-8",
        ".md" or ".txt" => "text/plain; charset=utf-8",
        ".zip" => "application/zip",
        ".svg" => "image/svg+xml",
        ".png" => "image/png",
        ".jpg" or ".jpeg" => "image/jpeg",
        _ => "application/octet-stream",
    };

    public async ValueTask DisposeAsync()
    {
        _watcher.EnableRaisingEvents = false;
        _watcher.Dispose();
        await _quiet.DisposeAsync();
        _changed.TrySetCanceled();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    /// <summary>Runs until <paramref name="stop"/> fires (Ctrl+C in the CLI).</summary>
    public static async Task RunAsync(PreviewOptions options, CancellationToken stop)
    {
        await using var server = await StartAsync(options);
        try { await Task.Delay(Timeout.Infinite, stop); }
        catch (OperationCanceledException) { }
        options.Log.WriteLine("Stopped.");
    }
}
