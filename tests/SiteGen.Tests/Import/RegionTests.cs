using FluentAssertions;
using SiteGen.Import.Divisions;

namespace SiteGen.Tests.Import;

public class RegionTests
{
    private static ResolvedRegion Resolve(string title, string? issuer = null, string body = "") =>
        RegionResolver.Shared.Resolve(title, issuer, body);

    [Theory]
    [InlineData("高要区2021年法治政府建设年度报告", null, "广东省|肇庆市|高要区|441204")]
    [InlineData("2021年法治政府建设年度报告", "湛江市坡头区人民政府", "广东省|湛江市|坡头区|440804")]
    [InlineData("沙坡头区2020年法治政府建设年度报告", null, "宁夏回族自治区|中卫市|沙坡头区|640502")]
    [InlineData("安丘经济开发区2017年度法治政府建设工作落实情况汇报", null, "山东省|潍坊市|安丘市|370784")]
    [InlineData("广东省2021年法治政府建设年度报告", "广东省人民政府", "广东省|||440000")]
    [InlineData("肇庆市2021年法治政府建设年度报告", null, "广东省|肇庆市||441200")]
    [InlineData("北京市东城区2021年法治政府建设年度报告", null, "北京市||东城区|110101")]
    public void Places_named_in_the_title_or_issuer_resolve_to_province_city_county_and_code(string title, string? issuer, string expected)
    {
        var region = Resolve(title, issuer).Region;
        $"{region.Province}|{region.City}|{region.County}|{region.Code}".Should().Be(expected);
    }

    [Fact]
    public void An_ambiguous_name_without_evidence_is_left_unknown_with_a_warning()
    {
        var resolved = Resolve("朝阳区2021年法治政府建设年度报告", null, "2021年,全区认真落实各项任务。");
        resolved.Region.IsKnown.Should().BeFalse();
        resolved.Warning.Should().Contain("朝阳区").And.Contain("北京市朝阳区").And.Contain("长春市朝阳区");
    }

    [Theory]
    [InlineData("2021年,在市委、市政府和北京市委的领导下,朝阳区认真落实…", "北京市|110105")]
    [InlineData("2021年,在长春市委、市政府的正确领导下,我区…", "吉林省|220104")]
    public void An_ambiguous_name_is_settled_by_its_province_or_city_in_the_text(string body, string expected)
    {
        var region = Resolve("朝阳区2021年法治政府建设年度报告", null, body).Region;
        $"{region.Province}|{region.Code}".Should().Be(expected);
    }

    [Fact]
    public void Gulou_is_settled_by_the_city_in_the_issuer()
    {
        var region = Resolve("鼓楼区2022年法治政府建设年度报告", "福州市鼓楼区人民政府").Region;
        region.Code.Should().Be("350102");
    }

    [Fact]
    public void A_development_zone_maps_to_the_county_the_text_puts_it_in()
    {
        var region = Resolve("清远高新区2016年度法治政府建设情况报告", "广东清远高新技术产业开发区管理委员会",
            "以高新区(清城区)政务服务中心为主抓手").Region;
        (region.City, region.County, region.Code).Should().Be(("清远市", "清城区", "441802"));

        var withoutEvidence = Resolve("清远高新区2016年度法治政府建设情况报告", null, "全区工作取得新成效。").Region;
        (withoutEvidence.City, withoutEvidence.County, withoutEvidence.Code).Should().Be(("清远市", null, "441800"));
    }

    [Fact]
    public void A_sub_district_maps_to_its_county_when_the_text_makes_it_certain()
    {
        var region = Resolve("2021年法治政府建设工作总结", "肇庆市高要区南岸街道办事处").Region;
        (region.County, region.Code).Should().Be(("高要区", "441204"));
    }

    [Fact]
    public void A_title_without_a_place_gives_no_region_and_no_warning()
    {
        var resolved = Resolve("2021年法治政府建设年度报告", "司法局");
        resolved.Region.IsKnown.Should().BeFalse();
        resolved.Warning.Should().BeNull();
    }

    [Fact]
    public void Without_a_place_in_the_title_or_issuer_the_opening_of_the_body_names_it()
    {
        var region = Resolve("关于2021年度法治政府建设工作情况的报告", null, "2021年,高要区坚持以习近平法治思想为指导,全面推进法治政府建设。").Region;
        $"{region.Province}|{region.City}|{region.County}".Should().Be("广东省|肇庆市|高要区");
    }

    [Fact]
    public void A_place_named_only_deep_in_the_body_is_not_taken_for_the_reporter()
    {
        var body = string.Concat(Enumerable.Repeat("全区认真落实法治政府建设各项任务,取得明显成效。", 20)) + "学习借鉴高要区的经验。";
        Resolve("关于2021年度法治政府建设工作情况的报告", null, body).Region.IsKnown.Should().BeFalse();
    }

    [Fact]
    public void An_autonomous_county_is_known_by_its_short_name()
    {
        var region = Resolve("金平县2021年法治政府建设年度报告").Region;
        $"{region.Province}|{region.County}".Should().Be("云南省|金平苗族瑶族傣族自治县");
    }
}
