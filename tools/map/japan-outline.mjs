// Writes the offline fallback map, app/src/main/resources/static/map/japan-outline.geojson:
// Japan (ISO 3166-1 numeric 392) from world-atlas 2.0.2 (Natural Earth 1:50m, public domain),
// converted from TopoJSON to GeoJSON, coordinates rounded to 3 decimals (about 100 m, plenty for
// an outline) so that the file stays small. Commands: see tools/map/README.md.
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { feature } from "topojson-client";

const require = createRequire(import.meta.url);
const atlas = JSON.parse(readFileSync(require.resolve("world-atlas/countries-50m.json"), "utf8"));
const japan = atlas.objects.countries.geometries.find((g) => g.id === "392");
if (!japan) throw new Error("no Japan (id 392) in countries-50m.json");

const round = (n) => Math.round(n * 1000) / 1000;
/** Rounds a ring and drops the points that rounding made equal to their predecessor. */
const ring = (points) => points.map(([lon, lat]) => [round(lon), round(lat)])
    .filter((p, i, all) => i === 0 || p[0] !== all[i - 1][0] || p[1] !== all[i - 1][1]);
const polygon = (rings) => rings.map(ring).filter((r) => r.length >= 4);

const geometry = feature(atlas, japan).geometry;
const polygons = (geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates)
    .map(polygon).filter((p) => p.length > 0);

const out = process.argv[2]
    ?? fileURLToPath(new URL("../../app/src/main/resources/static/map/japan-outline.geojson", import.meta.url));
writeFileSync(out, JSON.stringify({
    type: "FeatureCollection",
    features: [{ type: "Feature", id: "392", properties: { name: "Japan", source: "world-atlas 2.0.2, Natural Earth 1:50m (public domain)" },
        geometry: { type: "MultiPolygon", coordinates: polygons } }],
}) + "\n");
console.log(`${out}: ${polygons.length} polygons`);
