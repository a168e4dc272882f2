using SiteGen.Benchmarks;

// dotnet run --project tests/SiteGen.Benchmarks -c Release -- compare [--sizes 1000,10000] [--runs 3] | search|preview|stages [--source DIR] [--without-research] | research-cost --source DIR [--runs N] | layouts --source DIR [--chunks 1024,2048] | render --source DIR [--runs N] | import-eval [--pages DIR] [--expected FILE] | keywords [--pages DIR] [--archive DIR] | join [--reports N] [--paragraphs P] | file-cost [--total KB] [--runs N] [--insert head|fragment|remove] | lucene --site DIR [--runs N] | generate --count N [--seed S] [--out DIR]
return args.FirstOrDefault() switch
{
    "search" => await SearchBenchmark.Run(args.Skip(1).ToArray()),
    "preview" => await PreviewBenchmark.Run(args.Skip(1).ToArray()),
    "generate" => CorpusGenerator.Run(args.Skip(1).ToArray()),
    "stages" => BuildStages.Run(args.Skip(1).ToArray()),
    "research-cost" => ResearchCost.Run(args.Skip(1).ToArray()),
    "compare" => await PeerBenchmark.Run(args.Skip(1).ToArray()),
    "layouts" => LayoutBenchmark.Run(args.Skip(1).ToArray()),
    "render" => RenderBenchmark.Run(args.Skip(1).ToArray()),
    "import-eval" => ImportEvaluation.Run(args.Skip(1).ToArray()),
    "keywords" => KeywordBenchmark.Run(args.Skip(1).ToArray()),
    "join" => JoinBenchmark.Run(args.Skip(1).ToArray()),
    "file-cost" => await FileCost.Run(args.Skip(1).ToArray()),
    "lucene" => LuceneBenchmark.Run(args.Skip(1).ToArray()),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: SiteGen.Benchmarks compare [--sizes 1000,10000] [--runs 3] | search|preview|stages [--source DIR] [--without-research] | research-cost --source DIR [--runs N] | layouts --source DIR [--chunks 1024,2048] | render --source DIR [--runs N] | import-eval [--pages DIR] [--expected FILE] | keywords [--pages DIR] [--archive DIR] | join [--reports N] [--paragraphs P] | file-cost [--total KB] [--runs N] [--insert head|fragment|remove] | lucene --site DIR [--runs N] | generate --count N [--seed S] [--out DIR]");
    return 2;
}
