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
// Rings that cross the antimeridian (Russia, Fiji) jump from 180 to -180; unwrapping keeps them
// continuous (longitudes beyond ±180; the viewer draws such a ring again 360 degrees over). A ring
// around a pole (Antarctica) ends 360 degrees from its start: it is closed along the pole.
function unwrap(points) {
  const out = [];
  let shift = 0;
  points.forEach(([lon, lat], i) => {
    if (i > 0) {
      const prev = points[i - 1][0];
      if (lon - prev > 180) shift -= 360;
      else if (lon - prev < -180) shift += 360;
    }
    out.push([lon + shift, lat]);
  });
  // Keep the bulk of the ring in -180..180: Eurasia starts east of the antimeridian, for one.
  if (Math.min(...out.map((p) => p[0])) < -180) out.forEach((p) => { p[0] += 360; });
  const first = out[0], last = out[out.length - 1];
  if (Math.abs(last[0] - first[0]) > 180) {
    const pole = first[1] < 0 ? -90 : 90;
    out.push([last[0], pole], [first[0], pole]);
  }
  return out;
}
const out = [];
const fmt = (v) => (Math.round(v * 100) / 100).toString();
for (const g of topo.objects.land.geometries) {
  const polygons = g.type === "Polygon" ? [g.arcs] : g.type === "MultiPolygon" ? g.arcs : [];
  for (const polygon of polygons) {
    polygon.forEach((r, k) => {
      const pts = unwrap(ring(r)).map(([lon, lat]) => fmt(lon) + "," + fmt(lat));
      out.push((k === 0 ? "P " : "H ") + pts.join(" "));
    });
  }
}
process.stdout.write(out.join("\n") + "\n");
