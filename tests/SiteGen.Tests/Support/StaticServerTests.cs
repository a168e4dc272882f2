using System.Net.Sockets;
using System.Text;
using FluentAssertions;

namespace SiteGen.Tests.Support;

/// <summary>The browser tests' stand-in host must outlive a browser that closes a page while a file is on its way.</summary>
public class StaticServerTests
{
    [Fact]
    public async Task A_browser_that_goes_away_mid_answer_does_not_stop_the_server()
    {
        var root = Directory.CreateTempSubdirectory("sitegen-static-").FullName;
        try
        {
            File.WriteAllBytes(Path.Combine(root, "big.bin"), new byte[64 << 20]);
            File.WriteAllText(Path.Combine(root, "index.html"), "ok");
            using var server = new StaticServer(root);
            var address = new Uri(server.BaseUrl);
            using (var client = new TcpClient())
            {
                await client.ConnectAsync("127.0.0.1", address.Port);
                var stream = client.GetStream();
                await stream.WriteAsync(Encoding.ASCII.GetBytes($"GET {address.AbsolutePath}big.bin HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"));
                await stream.ReadExactlyAsync(new byte[1024]);
                client.Client.LingerState = new LingerOption(true, 0); // closed with a reset, mid-answer
            }

            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(20) };
            (await http.GetStringAsync(server.BaseUrl + "index.html")).Should().Be("ok");
        }
        finally { Directory.Delete(root, true); }
    }
}
