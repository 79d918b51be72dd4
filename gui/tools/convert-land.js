// One-time converter: TopoJSON land shapes (world-atlas land-110m.json, Natural Earth 110m land)
// to the plain-text ring list gui/src/main/resources/org/overlaysim/gui/land-110m.txt.
// Usage: node convert-land.js land-110m.json > land-110m.txt
// Output: one ring per line, "P" (outer ring of a new polygon) or "H" (hole of the current one),
// then "lon,lat" pairs in degrees with two decimals, separated by spaces.
const fs = require("fs");
const topo = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
const [sx, sy] = topo.transform.scale;
const [tx, ty] = topo.transform.translate;
// TopoJSON arcs are quantized and delta-encoded (TopoJSON spec, "Transforms").
const arcs = topo.arcs.map((arc) => {
  let x = 0, y = 0;
  return arc.map(([dx, dy]) => { x += dx; y += dy; return [x * sx + tx, y * sy + ty]; });
});
function ring(indexes) {
  const points = [];
  for (const i of indexes) {
    // A negative index ~i means arc i reversed; consecutive arcs share their end point.
    const arc = i < 0 ? arcs[~i].slice().reverse() : arcs[i];
    arc.forEach((p, k) => { if (k > 0 || points.length === 0) points.push(p); });
  }
  return points;
}
const out = [];
const fmt = (v) => (Math.round(v * 100) / 100).toString();
for (const g of topo.objects.land.geometries) {
  const polygons = g.type === "Polygon" ? [g.arcs] : g.type === "MultiPolygon" ? g.arcs : [];
  for (const polygon of polygons) {
    polygon.forEach((r, k) => {
      const pts = ring(r).map(([lon, lat]) => fmt(lon) + "," + fmt(lat));
      out.push((k === 0 ? "P " : "H ") + pts.join(" "));
    });
  }
}
process.stdout.write(out.join("\n") + "\n");
