// Filters of the compliance pages, without a server. On compliance/index.html the year, level and province
// selects recompute both tables from compliance/data.js; on a year's page (or on a province's part of a long one,
// which has no province select) they hide the rows that do not match.
// Without JavaScript the forms stay hidden and the pages show every report.
(function () {
  "use strict";

  // Tenths of a percent, half up, in whole numbers: Math.round(part / whole * 1000) gave 50.2% for 201 of 400, where
  // the page's own tables (C#) say 50.3%. tests/vectors/compliance.json holds both to the same answers.
  function percent(part, whole) {
    if (!whole) return "—";
    return Math.floor((part * 2000 + whole) / (2 * whole)) / 10 + "%";
  }

  function cell(row, tag, text, url) {
    var element = document.createElement(tag);
    if (tag === "th") element.scope = "row";
    if (url) {
      var link = document.createElement("a");
      link.href = url;
      link.textContent = text;
      element.appendChild(link);
    } else {
      element.textContent = String(text);
    }
    row.appendChild(element);
  }

  function summary(reports, data) {
    var total = { reports: 0, dated: 0, onTime: 0, complete: 0, sections: [] };
    for (var s = 0; s < data.sections; s++) total.sections.push(0);
    reports.forEach(function (r) {
      total.reports++;
      if (r[3] >= 0) total.dated++;
      if (r[3] === 1) total.onTime++;
      if (data.essential.every(function (i) { return r[4] & (1 << i); })) total.complete++;
      for (var i = 0; i < data.sections; i++) if (r[4] & (1 << i)) total.sections[i]++;
    });
    return total;
  }

  function fill(row, label, url, t) {
    cell(row, "th", label, url);
    [t.reports, t.dated, t.onTime, t.dated - t.onTime, percent(t.onTime, t.dated), t.complete, percent(t.complete, t.reports)]
      .concat(t.sections).forEach(function (value) { cell(row, "td", value); });
  }

  function table(element, groups, data, reports) {
    var body = element.tBodies[0];
    while (body.firstChild) body.removeChild(body.firstChild);
    groups.forEach(function (group) {
      var members = reports.filter(group.test);
      if (!members.length) return;
      var row = document.createElement("tr");
      fill(row, group.label, group.url, summary(members, data));
      body.appendChild(row);
    });
    var foot = element.tFoot.rows[0];
    while (foot.firstChild) foot.removeChild(foot.firstChild);
    fill(foot, "合计", null, summary(reports, data));
  }

  function overview(form) {
    var data = window.SiteGenCompliance;
    if (!data) return;
    var years = [];
    data.reports.forEach(function (r) { if (years.indexOf(r[0]) < 0) years.push(r[0]); });
    years.sort(function (a, b) { return b - a; });
    function apply() {
      var year = form.year.value, level = data.levels.indexOf(form.level.value), province = data.provinces.indexOf(form.province.value);
      var chosen = data.reports.filter(function (r) {
        return (!year || String(r[0]) === year) && (!form.level.value || r[1] === level) && (!form.province.value || r[2] === province);
      });
      table(document.getElementById("compliance-0"), years.map(function (y) {
        return { label: String(y), url: y + ".html", test: function (r) { return r[0] === y; } };
      }), data, chosen);
      table(document.getElementById("compliance-1"), data.provinces.map(function (name, i) {
        return { label: name, url: data.provinceUrls[i] ? "../" + data.provinceUrls[i] : null, test: function (r) { return r[2] === i; } };
      }), data, chosen);
      document.getElementById("compliance-status").textContent = "符合条件的报告 " + chosen.length + " 份。";
    }
    form.addEventListener("change", apply);
    form.hidden = false;
  }

  function list(form) {
    var rows = Array.prototype.slice.call(document.getElementById("compliance-list").tBodies[0].rows);
    function apply() {
      var shown = 0;
      rows.forEach(function (row) {
        var match = (!form.level.value || row.getAttribute("data-level") === form.level.value)
          && (!form.province || !form.province.value || row.getAttribute("data-province") === form.province.value);
        row.hidden = !match;
        if (match) shown++;
      });
      document.getElementById("compliance-status").textContent = "显示 " + shown + " 份，共 " + rows.length + " 份。";
    }
    form.addEventListener("change", apply);
    form.hidden = false;
  }

  window.SiteGenComplianceMath = { percent: percent };

  var overviewForm = document.getElementById("compliance-filters");
  if (overviewForm) overview(overviewForm);
  var listForm = document.getElementById("compliance-list-filters");
  if (listForm) list(listForm);
})();
