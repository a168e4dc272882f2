using System.CommandLine;
using SiteGen.Preview;

namespace SiteGen.Cli;

internal static class ServeCommand
{
    public static Command Create()
    {
        var source = CommandSupport.SourceOption();
        var port = new Option<int>("--port") { Description = "Port to listen on", DefaultValueFactory = _ => 8080 };
        var host = new Option<string>("--host") { Description = "Address to listen on", DefaultValueFactory = _ => "127.0.0.1" };
        var command = new Command("serve", "Preview the site: build, serve, rebuild on every save and reload open pages") { source, port, host };
        command.SetAction(parse => CommandSupport.Run(() =>
        {
            using var stop = new CancellationTokenSource();
            Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.Cancel(); };
            using var terminate = System.Runtime.InteropServices.PosixSignalRegistration.Create(
                System.Runtime.InteropServices.PosixSignal.SIGTERM, signal => { signal.Cancel = true; stop.Cancel(); });
            var options = new PreviewOptions(parse.GetValue(source)!.FullName, parse.GetValue(host)!, parse.GetValue(port)) { Log = Console.Out };
            PreviewServer.RunAsync(options, stop.Token).GetAwaiter().GetResult();
            return 0;
        }));
        return command;
    }
}
