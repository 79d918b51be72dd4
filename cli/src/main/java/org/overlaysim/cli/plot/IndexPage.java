package org.overlaysim.cli.plot;

import java.util.List;
import java.util.Locale;

/**
 * {@code index.html}: every chart and the key tables on one static page. It needs no server and
 * nothing from outside its folder (styles and its one script are inline), so it opens from disk in
 * any browser; it carries no date or path, so the same reports give the same page.
 */
final class IndexPage {
  private static final String STYLE =
      """
      body { font-family: sans-serif; margin: 1.5em; color: #222; max-width: 1300px; }
      figure { display: inline-block; margin: 0 1em 1.5em 0; vertical-align: top; }
      figure img { max-width: 100%; height: auto; border: 1px solid #ccc; }
      figcaption { font-size: 0.9em; color: #444; }
      .table { overflow-x: auto; margin-bottom: 1.5em; }
      table { border-collapse: collapse; font-size: 0.85em; }
      th, td { border: 1px solid #ccc; padding: 2px 6px; }
      th { background: #eee; }
      td.number { text-align: right; font-variant-numeric: tabular-nums; }
      .note { color: #7a4b00; }
      #chart-status.ok { color: #1b6e1b; }
      #chart-status.broken { color: #b00020; font-weight: bold; }
      """;

  /**
   * Tells the reader whether every chart loaded (a chart copied away without its image shows up
   * here); the browser test reads the same line.
   */
  private static final String CHECK_CHARTS =
      """
      window.addEventListener('load', function () {
        var images = document.querySelectorAll('figure img');
        var broken = [];
        images.forEach(function (img) {
          if (!(img.complete && img.naturalWidth > 0)) { broken.push(img.getAttribute('src')); }
        });
        var status = document.getElementById('chart-status');
        status.className = broken.length === 0 ? 'ok' : 'broken';
        status.textContent = broken.length === 0
            ? 'All ' + images.length + ' charts loaded.'
            : broken.length + ' of ' + images.length + ' charts did not load: ' + broken.join(' ');
      });
      """;

  private IndexPage() {}

  static String html(String title, List<Section> sections, Reports reports) {
    StringBuilder html = new StringBuilder();
    int charts = sections.stream().mapToInt(s -> s.charts().size()).sum();
    html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<title>")
        .append(escape(title))
        .append("</title>\n<style>\n")
        .append(STYLE)
        .append("</style>\n</head>\n<body>\n<h1>")
        .append(escape(title))
        .append("</h1>\n<p>")
        .append(reports.runs().size())
        .append(" runs")
        .append(
            reports.sweepKeys().isEmpty()
                ? ""
                : ", swept over " + escape(String.join(", ", reports.sweepKeys())))
        .append(". Each chart is an SVG; its PNG twin is linked under it.</p>\n")
        .append("<p id=\"chart-status\">")
        .append(charts)
        .append(" charts.</p>\n<ul>\n");
    for (Section s : sections) {
      html.append("<li><a href=\"#").append(anchor(s.heading())).append("\">");
      html.append(escape(s.heading())).append("</a></li>\n");
    }
    html.append("<li><a href=\"#tables\">Tables</a></li>\n</ul>\n");
    for (Section s : sections) {
      section(html, s);
    }
    if (!reports.skipped().isEmpty()) {
      html.append("<h2>Not drawn</h2>\n<ul>\n");
      reports.skipped().forEach(line -> html.append("<li>").append(escape(line)).append("</li>\n"));
      html.append("</ul>\n");
    }
    html.append("<h2 id=\"tables\">Tables</h2>\n");
    reports.tables().forEach(t -> table(html, t));
    html.append("<script>\n").append(CHECK_CHARTS).append("</script>\n</body>\n</html>\n");
    return html.toString();
  }

  private static void section(StringBuilder html, Section s) {
    html.append("<h2 id=\"").append(anchor(s.heading())).append("\">");
    html.append(escape(s.heading())).append("</h2>\n");
    if (!s.about().isEmpty()) {
      html.append("<p>").append(escape(s.about())).append("</p>\n");
    }
    s.notes().forEach(n -> html.append("<p class=\"note\">").append(escape(n)).append("</p>\n"));
    for (Chart c : s.charts()) {
      String name = escape(c.name());
      html.append("<figure><img src=\"")
          .append(name)
          .append(".svg\" width=\"")
          .append(ChartStyle.WIDTH)
          .append("\" height=\"")
          .append(ChartStyle.HEIGHT)
          .append("\" alt=\"")
          .append(escape(c.caption()))
          .append("\"><figcaption>")
          .append(escape(c.caption()))
          .append(" (<a href=\"")
          .append(name)
          .append(".png\">PNG</a>, <a href=\"")
          .append(name)
          .append(".svg\">SVG</a>)</figcaption></figure>\n");
    }
  }

  private static void table(StringBuilder html, Table t) {
    html.append("<h3>").append(escape(t.file())).append("</h3>\n");
    if (t.rows() > t.firstRows().size()) {
      html.append("<p class=\"note\">The first ")
          .append(t.firstRows().size())
          .append(" of ")
          .append(t.rows())
          .append(" rows; ")
          .append(escape(t.file()))
          .append(" has them all.</p>\n");
    }
    html.append("<div class=\"table\"><table>\n<tr>");
    t.columns().forEach(c -> html.append("<th>").append(escape(c)).append("</th>"));
    html.append("</tr>\n");
    for (List<String> row : t.firstRows()) {
      html.append("<tr>");
      for (String cell : row) {
        html.append(isNumber(cell) ? "<td class=\"number\">" : "<td>");
        html.append(escape(cell)).append("</td>");
      }
      html.append("</tr>\n");
    }
    html.append("</table></div>\n");
  }

  private static boolean isNumber(String cell) {
    return cell.matches("-?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?");
  }

  private static String anchor(String heading) {
    return heading.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
  }

  static String escape(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
