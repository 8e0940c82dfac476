/** `npm run export -- --help`. */
export const EXPORT_USAGE = `Usage: npm run export -- <the inputs of analyze> [--rules PACK|FILE] [--format LIST] [--date YYYY-MM-DD] --out DIR
       npm run export -- --demo --rules default --format geojson,fgb,csv,gpkg --out DIR

Runs the same analysis as \`npm run analyze\` (same inputs, same checks, same options: see
\`npm run analyze -- --help\`) and writes every input layer and every result as data GIS software reads:

  input_streets, input_homes, input_facilities[_CATEGORY], input_units_LEVEL, input_crossings
                 the inputs as read and checked (personal fields withheld)
  access         one point per home: snap_m and, per category, CATEGORY_network_m, CATEGORY_walking_m,
                 CATEGORY_facility_id (empty when unreachable)
  coverage       one row per unit, category, age band and threshold, on the unit's polygon
  isochrones     areas and street pieces per category and threshold (unless --isochrones none)
  gaps           with --rules: every rule × unit record on its unit's polygon (as gaps.geojson)
  scorecards     with --rules: every row of every unit's scorecard on its polygon
  safe_routes    with --safe-routes (or a rule set that measures safe routes): one point per home with
                 analyze's safe_routes.csv columns (school_id, walking_distance_m, safe_distance_m,
                 detour_ratio, …, status)
  street_safety  one line per walkable way: way_id, plts, basis, speed_kmh, speed_assumed, lanes, sidewalk
  hotspots_crossings, hotspots_segments
                 the crossings (points) and ways (lines) of PLTS 3+ on safe routes, with routes and children_7_12
  safe_routes_units
                 one row per unit of every level on its polygon (none for the whole area as one city)

Options (besides analyze's):
  --format LIST      comma-separated: geojson (LAYER.geojson), fgb (LAYER.fgb, FlatGeobuf with a spatial
                     index; features without geometry are left out), csv (LAYER.csv, geometry as WKT in the
                     first column, text that a spreadsheet would run as a formula gets a ' in front),
                     gpkg (export.gpkg, one table per layer). Default: all four.
  --date YYYY-MM-DD  the run date written into the GeoPackage and the manifest. Default: today (UTC).
                     The same inputs and date give the same bytes.

Examples:
  npm run export -- --demo --rules default --format gpkg --date 2026-12-03 --out /tmp/demo-export
  npm run export -- --streets streets.fgb --residences homes.fgb --facility facilities.fgb \\
      --units community=units_community.fgb --rules default --format geojson,csv --out /tmp/export

manifest.json lists every file: name, format, layer, feature count, size and sha256.
Check the files with GDAL: node scripts/check-export-gdal.mjs DIR (ogrinfo -so -al on each file).

Exit codes: as analyze (0 done, 1 failed, 2 bad arguments, 3 input refused, 4 --out refused).`;
