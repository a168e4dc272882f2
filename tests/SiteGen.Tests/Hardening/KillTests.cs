using FluentAssertions;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Hardening;

/// <summary>
/// A build killed at any moment (SIGKILL) leaves the previous complete site and an unpoisoned cache: the next
/// (incremental) build is a cold build's twin.
/// </summary>
public class KillTests
{
    [Fact]
    public void Killing_the_build_at_random_moments_never_leaves_a_half_written_site()
    {
        using var site = TestSite.CopyOfRepository();
        var report = Path.Combine(site.Root, "content/reports/441204-2021-annual-report-9bff11.md");
        var original = File.ReadAllText(report);
        // A body edit: a rebuild patches the report's segment of the search index (new cache records, new files).
        var edited = original + "\n为测试而追加的一句。\n";

        // The two complete sites a kill may leave: the one before the edit, and the one after, as good as cold builds.
        File.WriteAllText(report, edited);
        var afterEdit = site.ColdBuild();
        File.WriteAllText(report, original);
        var beforeEdit = site.ColdBuild();
        site.Build();
        File.WriteAllText(report, edited);
        site.Build();
        Search.PatchedIndexTests.Manifest(site.Output)["segments"]![0]!.AsArray().Should().HaveCount(7, "the edit patched the index's segment");
        File.WriteAllText(report, original);
        site.Build();
        bool Complete(string cold) => ColdBuildComparison.Differences(site.Output, cold).Count == 0;

        // Kill at random points within the time a whole build takes, so every stage gets hit. The faster of two
        // builds sets it: on a busy machine one slow build made every sleep outlast the builds (no kill at all).
        var buildTime = Enumerable.Range(0, 2).Min(_ =>
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            SitegenProcess.Run("build", "--source", site.Root).ExitCode.Should().Be(0);
            return clock.ElapsedMilliseconds;
        });

        var random = new Random(31337);
        var kills = 0;
        // Twelve builds, and more while fewer than three were killed midway (the machine's speed varies).
        for (var i = 0; i < 12 || (kills < 3 && i < 36); i++)
        {
            File.WriteAllText(report, i % 2 == 0 ? edited : original);
            using var build = SitegenProcess.Start("build", "--source", site.Root);
            Thread.Sleep((int)(buildTime * (0.05 + 0.9 * random.NextDouble())));
            if (!build.HasExited)
            {
                build.Kill(entireProcessTree: true); // SIGKILL: no finally blocks, no cleanup
                kills++;
            }
            build.WaitForExit();

            (Complete(beforeEdit) || Complete(afterEdit)).Should().BeTrue($"after kill {i} _site must be a complete site");
        }
        kills.Should().BeGreaterThanOrEqualTo(3, "builds were killed midway, not only after they finished");

        // The builds were incremental and some were killed while writing the cache: it must not be poisoned.
        File.WriteAllText(report, edited);
        site.Build();
        ColdBuildComparison.Differences(site.Output, afterEdit).Should().BeEmpty("an incremental build after the kills is as good as a cold build");
        File.WriteAllText(report, original);
        site.Build();
        ColdBuildComparison.Differences(site.Output, beforeEdit).Should().BeEmpty();
        Directory.GetDirectories(site.Root, "._site.building-*").Should().BeEmpty("the next build clears what killed builds left");
    }
}
