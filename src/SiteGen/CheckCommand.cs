using System.CommandLine;
using SiteGen.Build;

namespace SiteGen.Cli;

internal static class CheckCommand
{
    public static Command Create()
    {
        var source = CommandSupport.SourceOption();
        var command = new Command("check", "Validate site.yml, templates and every report; print file:line:col per problem; write nothing") { source };
        command.SetAction(parse => CommandSupport.Run(() =>
        {
            var reports = SiteBuilder.Check(parse.GetValue(source)!.FullName);
            Console.WriteLine($"OK: {reports} reports, templates and site.yml are valid.");
            return 0;
        }));
        return command;
    }
}
