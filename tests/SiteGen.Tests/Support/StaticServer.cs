using System.Net;
using System.Net.Sockets;

namespace SiteGen.Tests.Support;

/// <summary>A tiny static file server on 127.0.0.1, standing in for a web host in browser tests.</summary>
public sealed class StaticServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly string _root;
    private readonly CancellationTokenSource _stop = new();
    private readonly bool _notFoundPage;

    public string BaseUrl { get; }

    /// <param name="notFoundPage">Answer a missing address with the site's 404.html (status 404), as hosts do.</param>
    public StaticServer(string root, string path = "/archive/", bool notFoundPage = false)
    {
        _root = root;
        _notFoundPage = notFoundPage;
        var port = FreePort();
        BaseUrl = $"http://127.0.0.1:{port}{path}";
        _listener.Prefixes.Add(BaseUrl);
        _listener.Start();
        _ = Task.Run(Serve);
    }

    private async Task Serve()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try { context = await _listener.GetContextAsync(); }
            catch (Exception) { return; }
            // A browser that closes a page mid-answer resets the connection: that answer is lost, not the server. Before
            // this, one reset ended the loop, and every later test of the class timed out (eight in one CI run).
            try { await Answer(context); }
            catch (Exception e) when (e is HttpListenerException or IOException or ObjectDisposedException) { context.Response.Abort(); }
        }
    }

    private async Task Answer(HttpListenerContext context)
    {
        var relative = Uri.UnescapeDataString(context.Request.Url!.AbsolutePath[new Uri(BaseUrl).AbsolutePath.Length..]);
        var file = Path.GetFullPath(Path.Combine(_root, relative.Length == 0 ? "index.html" : relative));
        if (!file.StartsWith(_root, StringComparison.Ordinal) || !File.Exists(file))
        {
            context.Response.StatusCode = 404;
            if (_notFoundPage)
            {
                context.Response.ContentType = "text/html; charset=utf-8";
                await context.Response.OutputStream.WriteAsync(await File.ReadAllBytesAsync(Path.Combine(_root, "404.html")));
            }
            context.Response.Close();
            return;
        }
        context.Response.ContentType = Path.GetExtension(file) switch
        {
            ".html" => "text/html; charset=utf-8", ".js" => "text/javascript; charset=utf-8", ".css" => "text/css; charset=utf-8",
            ".xml" => "application/xml", ".zip" => "application/zip", _ => "application/octet-stream",
        };
        var bytes = await File.ReadAllBytesAsync(file);
        await context.Response.OutputStream.WriteAsync(bytes);
        context.Response.Close();
    }

    private static int FreePort()
    {
        var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        var port = ((IPEndPoint)socket.LocalEndpoint).Port;
        socket.Stop();
        return port;
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Close();
    }
}
