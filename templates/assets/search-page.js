/* The search page: results as you type, facets, sorting, paging; the state lives in the URL
   (?q=…&year=…) so back/forward and shared links work, from a host and from file:// alike. */
(function () {
  "use strict";
  var form = document.getElementById("search-form"), input = document.getElementById("q");
  var status = document.getElementById("search-status"), list = document.getElementById("search-results");
  var facetsBox = document.getElementById("search-facets"), pagesBox = document.getElementById("search-pages");
  var tools = document.getElementById("search-tools"), sortSelect = document.getElementById("search-sort");
  var FACETS = [["year", "年度"], ["province", "省份"], ["type", "类型"]];
  var state = read(), timer = null, run = 0, refocus = null;

  function read() {
    var p = new URLSearchParams(location.search), s = { q: p.get("q") || "", sort: p.get("sort") || "relevance", page: +p.get("page") || 1, filters: {} };
    FACETS.forEach(function (f) { if (p.get(f[0])) s.filters[f[0]] = p.get(f[0]); });
    return s;
  }
  function write(push) {
    var p = new URLSearchParams();
    if (state.q) p.set("q", state.q);
    FACETS.forEach(function (f) { if (state.filters[f[0]]) p.set(f[0], state.filters[f[0]]); });
    if (state.sort !== "relevance") p.set("sort", state.sort);
    if (state.page > 1) p.set("page", state.page);
    var url = location.pathname + (p.toString() ? "?" + p : "");
    try { history[push ? "pushState" : "replaceState"](null, "", url); } catch (e) { /* some browsers refuse on file:// */ }
  }
  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = text;
    if (cls) e.className = cls;
    return e;
  }

  function search(push) {
    write(push);
    var mine = ++run;
    if (!state.q.trim() && !Object.keys(state.filters).length) { render(null); return; }
    status.textContent = "正在搜索…";
    window.SiteGenSearch.search(state.q, { filters: state.filters, sort: state.sort, page: state.page })
      .then(function (r) { if (mine === run) render(r); })
      .catch(function (e) { if (mine === run) status.textContent = "搜索出错：" + e.message; });
  }

  function render(r) {
    list.textContent = ""; facetsBox.textContent = ""; pagesBox.textContent = "";
    tools.hidden = !r || !r.total;
    if (!r) { status.textContent = ""; return; }
    // A common phrase is checked only in the reports the page shows: the rest are then counted roughly.
    var about = r.estimated ? "约" : "";
    if (!r.total) status.textContent = "没有找到包含“" + state.q + "”的报告。";
    else if (!r.exact) status.textContent = "没有找到“" + state.q + "”的完全匹配，以下是包含“" + r.words.join("”“") + "”的结果，共" + about + " " + r.total + " 条。";
    else status.textContent = "找到" + about + " " + r.total + " 份报告" + (r.total > r.pageSize ? "，第 " + r.page + " 页" : "") + "。";
    r.results.forEach(function (item) {
      var li = el("li"), a = el("a", null, "report-title");
      a.href = item.url;
      a.innerHTML = item.titleHtml; // escaped by search.js; only <mark> is markup
      var meta = el("p", null, "report-meta");
      [item.date, item.publisher, item.region, item.type].forEach(function (v) { if (v) meta.appendChild(el("span", v)); });
      var snippet = el("p", null, "snippet");
      snippet.innerHTML = item.snippet;
      li.appendChild(a); li.appendChild(meta); li.appendChild(snippet);
      list.appendChild(li);
    });
    renderFacets(r.facets);
    renderPages(r);
    if (refocus) {
      var again = facetsBox.querySelector('[data-facet="' + refocus.replace(/["\\]/g, "\\$&") + '"]');
      if (again) again.focus();
      refocus = null;
    }
  }

  function renderFacets(facets) {
    FACETS.forEach(function (f) {
      var values = facets[f[0]] || [];
      if (!values.length) return;
      var group = el("div", null, "facet"), heading = el("h2", f[1]), ul = el("ul");
      group.appendChild(heading);
      values.forEach(function (v) {
        var li = el("li"), b = el("button", v.value + (f[0] === "year" ? "年" : ""));
        var on = state.filters[f[0]] === v.value;
        b.type = "button";
        b.setAttribute("data-facet", f[0] + ":" + v.value);
        b.setAttribute("aria-pressed", on ? "true" : "false");
        b.appendChild(el("span", String(v.count), "count"));
        b.addEventListener("click", function () {
          if (on) delete state.filters[f[0]]; else state.filters[f[0]] = v.value;
          refocus = f[0] + ":" + v.value; // the buttons are redrawn: keep keyboard focus on this one
          state.page = 1; search(true);
        });
        li.appendChild(b); ul.appendChild(li);
      });
      group.appendChild(ul); facetsBox.appendChild(group);
    });
  }

  function renderPages(r) {
    var count = Math.ceil(r.total / r.pageSize);
    if (count < 2) return;
    for (var n = 1; n <= count; n++) (function (n) {
      var b = el("button", String(n));
      b.type = "button";
      if (n === r.page) b.setAttribute("aria-current", "page");
      b.setAttribute("aria-label", "第 " + n + " 页");
      b.addEventListener("click", function () { state.page = n; search(true); window.scrollTo(0, 0); });
      pagesBox.appendChild(b);
    })(n);
  }

  input.value = state.q;
  sortSelect.value = state.sort;
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () { state.q = input.value; state.page = 1; search(false); }, 200);
  });
  form.addEventListener("submit", function (e) { e.preventDefault(); clearTimeout(timer); state.q = input.value; state.page = 1; search(true); });
  sortSelect.addEventListener("change", function () { state.sort = sortSelect.value; state.page = 1; search(true); });
  window.addEventListener("popstate", function () { state = read(); input.value = state.q; sortSelect.value = state.sort; search(false); });
  search(false);
})();
