using FluentAssertions;
using SiteGen.Content;
using SiteGen.Import;
using SiteGen.Research;

namespace SiteGen.Tests.Research;

public class TimelinessTests
{
    private static ImportedReport Report(string docType, int? year, DateOnly? published) =>
        new() { Title = "某县报告", DocType = docType, Year = year, DatePublished = published, Body = "" };

    [Theory]
    [InlineData("2022-03-30", -1, true)]
    [InlineData("2022-03-31", 0, true)]
    [InlineData("2022-04-01", 1, false)]
    [InlineData("2022-12-31", 275, false)]
    public void A_yearly_report_is_due_on_31_March_of_the_next_year(string published, int daysLate, bool onTime)
    {
        var timeliness = Timeliness.Of(Report("年度报告", 2021, DateOnly.Parse(published)))!;

        timeliness.Deadline.Should().Be(new DateOnly(2022, 3, 31));
        timeliness.DaysLate.Should().Be(daysLate);
        timeliness.OnTime.Should().Be(onTime);
    }

    [Fact]
    public void An_unknown_publication_date_leaves_lateness_unknown()
    {
        var timeliness = Timeliness.Of(Report("情况报告", 2021, null))!;
        timeliness.Deadline.Should().Be(new DateOnly(2022, 3, 31));
        timeliness.DaysLate.Should().BeNull();
        timeliness.OnTime.Should().BeNull();
    }

    [Theory]
    [InlineData("工作要点", 2021)]
    [InlineData("通知", 2021)]
    [InlineData("年度报告", null)]
    public void Other_types_and_reports_without_a_year_have_no_deadline(string docType, int? year) =>
        Timeliness.Of(Report(docType, year, new DateOnly(2022, 5, 1))).Should().BeNull();
}
