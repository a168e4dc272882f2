/* A report opened from a search result (reports/x.html#q=…): every match of the query's parts in the
   body is marked, the first is scrolled to, and a bar steps through them. Matches are found by search.js,
   by the rules the search itself uses. Without JavaScript, or without #q=, the page is as it was. */
(function () {
  "use strict";
  var body = document.getElementById("report-body");
  var query = (/[#&]q=([^&]*)/.exec(location.hash) || /[?&]q=([^&]*)/.exec(location.search) || [])[1];
  if (!body || !query || !window.SiteGenSearch || !window.SiteGenSearch.ranges) return;
  try { query = decodeURIComponent(query.replace(/\+/g, " ")); } catch (e) { return; }

  // The body's text as one string, and which text node holds each stretch of it.
  var nodes = [], text = "", walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
  for (var n = walker.nextNode(); n; n = walker.nextNode()) { nodes.push({ node: n, start: text.length }); text += n.data; }
  var found = window.SiteGenSearch.ranges(text, query);

  // Each match's piece in each text node it crosses; marked from the last piece back, so that splitting a
  // node leaves the offsets of the pieces before it as they were.
  var pieces = [];
  found.forEach(function (r, match) {
    nodes.forEach(function (entry, order) {
      var from = Math.max(r[0], entry.start), to = Math.min(r[1], entry.start + entry.node.data.length);
      if (from < to) pieces.push({ node: entry.node, order: order, a: from - entry.start, b: to - entry.start, match: match });
    });
  });
  pieces.sort(function (x, y) { return y.order - x.order || y.a - x.a; });
  pieces.forEach(function (p) {
    if (p.b < p.node.data.length) p.node.splitText(p.b);
    var inside = p.node.splitText(p.a), mark = document.createElement("mark");
    mark.setAttribute("data-match", String(p.match));
    inside.parentNode.insertBefore(mark, inside);
    mark.appendChild(inside);
  });
  var marks = found.map(function (_, match) { return body.querySelector('mark[data-match="' + match + '"]'); });
  bar();

  function bar() {
    var count = marks.length, current = -1;
    var box = document.createElement("div"), status = document.createElement("p");
    box.className = "find-bar";
    box.setAttribute("role", "region");
    box.setAttribute("aria-label", "查找“" + query + "”的结果");
    status.setAttribute("role", "status");
    status.style.margin = "0";
    box.appendChild(status);
    function button(label, step) {
      var b = document.createElement("button");
      b.type = "button";
      b.textContent = label;
      b.addEventListener("click", function () { go(current + step); });
      box.appendChild(b);
      return b;
    }
    function say() {
      // Short enough to share one line with its buttons on a phone; the query is in the bar's name.
      status.textContent = count ? "第 " + (current + 1) + " 处，共 " + count + " 处" : "正文中没有找到“" + query + "”";
    }
    function go(i) {
      if (!count) return;
      if (current >= 0) each(current, function (m) { m.classList.remove("find-current"); });
      current = (i + count) % count;
      each(current, function (m) { m.classList.add("find-current"); });
      marks[current].scrollIntoView({ block: "center" });
      say();
    }
    function each(i, f) { Array.prototype.forEach.call(body.querySelectorAll('mark[data-match="' + i + '"]'), f); }
    if (count) { button("上一处", -1); button("下一处", 1); }
    body.parentNode.insertBefore(box, body);
    if (count) go(0); else say();
  }
})();
