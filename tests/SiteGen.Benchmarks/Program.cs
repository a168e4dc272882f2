using SiteGen.Benchmarks;

// dotnet run --project tests/SiteGen.Benchmarks -c Release -- search|preview|stages [--source DIR] | generate --count N [--seed S] [--out DIR]
return args.FirstOrDefault() switch
{
    "search" => await SearchBenchmark.Run(args.Skip(1).ToArray()),
    "preview" => await PreviewBenchmark.Run(args.Skip(1).ToArray()),
    "generate" => CorpusGenerator.Run(args.Skip(1).ToArray()),
    "stages" => BuildStages.Run(args.Skip(1).ToArray()),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: SiteGen.Benchmarks search|preview|stages [--source DIR] | generate --count N [--seed S] [--out DIR]");
    return 2;
}
