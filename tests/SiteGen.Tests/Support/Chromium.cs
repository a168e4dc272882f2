using Microsoft.Playwright;

namespace SiteGen.Tests.Support;

/// <summary>
/// Debian's Chromium driven by Playwright. Playwright never downloads a browser here; a machine
/// without /usr/bin/chromium fails these tests loudly (`.ci/run` installs it).
/// </summary>
public sealed class Chromium : IAsyncLifetime
{
    public const string ExecutablePath = "/usr/bin/chromium";
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ExecutablePath))
            throw new InvalidOperationException(
                $"{ExecutablePath} not found: browser tests need Debian's Chromium (apt-get install -y chromium).");
        _playwright = await Playwright.CreateAsync();
        // The suite runs its browser classes in parallel with builds on two cores: a page that answers in
        // 50 ms alone once took over 5 s (Playwright's default wait) in CI. A page that never answers still fails.
        Assertions.SetDefaultExpectTimeout(20_000);
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            // The machine has no network: without these, Chromium keeps trying to reach Google's hosts.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--allow-file-access-from-files"],
        });
    }

    /// <summary>A fresh page that records console errors, page errors and every request leaving the site.</summary>
    public async Task<WatchedPage> OpenAsync()
    {
        var page = await Browser.NewPageAsync();
        var watched = new WatchedPage(page);
        page.Console += (_, message) => { if (message.Type == "error") watched.Errors.Add("console: " + message.Text); };
        page.PageError += (_, error) => watched.Errors.Add("page: " + error);
        page.RequestFailed += (_, request) => watched.Errors.Add("request failed: " + request.Url);
        page.Request += (_, request) => watched.Requests.Add(request.Url);
        return watched;
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        _playwright?.Dispose();
    }
}

public sealed record WatchedPage(IPage Page)
{
    public List<string> Errors { get; } = [];
    public List<string> Requests { get; } = [];
}
