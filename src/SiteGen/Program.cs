using System.CommandLine;
using SiteGen.Cli;

var root = new RootCommand("SiteGen: builds the searchable archive of government reports from content/ and templates/.");
root.Add(BuildCommand.Create());
root.Add(CheckCommand.Create());
root.Add(ExportCommand.Create());
root.Add(ImportCommand.Create());
root.Add(SearchCommand.Create());
root.Add(ServeCommand.Create());
return root.Parse(args).Invoke();
