/** `npm run analyze -- --help`: every option, its meaning and default, and examples. */
export const ANALYZE_USAGE = `Usage: npm run analyze -- --streets FILE --residences FILE --facility CATEGORY=FILE [options] --out DIR
       npm run analyze -- --demo [--rules default] --out DIR

Walking access from every home to the nearest facility of each category, computed by the same core as the
app (docs/access-contract.md). Writes access.csv, coverage.csv, isochrones_<category>.geojson and
summary.json into DIR; with --rules also gaps.csv, gaps.geojson and scorecards.csv; with --safe-routes
also street_safety.csv, safe_routes.csv, hotspots_crossings.csv and hotspots_segments.csv
(docs/safe-routes-contract.md) and safe_routes_units.csv (per unit; also when the --rules set measures
safe routes, which computes them as --safe-routes does).
Files: GeoJSON, FlatGeobuf, Shapefile (.zip), GeoPackage, KML, GPX, CSV with coordinates.

Options:
  --streets FILE             street lines (OpenStreetMap highway tags). Required unless --demo.
  --residences FILE          homes (points or building polygons). Required unless --demo.
  --facility CATEGORY=FILE   facilities of one category. Repeatable. When FILE's features carry several
                             \`category\` values (a mixed file such as an import's facilities.fgb), only
                             those whose category is CATEGORY are used (none: an error listing them);
                             otherwise all of them are CATEGORY.
  --facility FILE            a mixed facility file split by each feature's \`category\` (same as --facilities).
  --facilities FILE          the same: every category the file's features name.
                             At least one --facility or --facilities is required (--demo brings its own).
  --units LEVEL=FILE         unit polygons; LEVEL is city, district, street or community. Repeatable.
                             Default: none (coverage is then reported for no unit).
  --rules PACK|FILE          check planning rules: a built-in pack (default, international) or a rule-set
                             JSON file. Default: no rules.
  --safe-routes              safe routes to school with the child-v1 profile: every walkable way's stress
                             (PLTS 1-4 and why), each home's least-stress route to its nearest school
                             (length, cost, detour, worst segment and crossing), and the crossings and
                             ways of PLTS 3+ that most children's routes use. Needs a school category.
  --crossings FILE           crossing points (an import's crossings.fgb, or OSM crossing tags) with
                             --safe-routes or --rules (a safe-route rule). Default: none (every crossing
                             counts as unmarked; a warning). With --demo: the demo's crossings.
  --max-school-walk M        homes whose walk to their school exceeds M metres get no safe route
                             (status beyond). Default: 3000.
  --school-categories C,C    the categories whose facilities are schools; a home's school is its nearest
                             of them. Default: school,primary_school,middle_school.
  --max-snap M               maximum snap distance in metres; farther homes are not connected. Default: 150.
  --thresholds M,M,...       coverage thresholds in metres. Default: 300,500,1000.
  --cutoff M                 stop searching beyond M metres (faster; farther homes count as unreachable).
                             Default: no cutoff (raised to the rules' largest distance when --rules is set).
  --isochrones KIND          areas, segments or none. Default: segments.
  --out DIR                  output folder (created). Required. The tool marks the folders it writes
                             (a .cfc-planner-out file listing its files); a rerun replaces exactly those
                             files. A non-empty folder it did not write is refused (exit 4).
  --force                    write into such a folder anyway: files of the same name are replaced,
                             nothing else is removed.
  --debug                    show where an error happened (a stack trace) with its message.
  --demo                     use the embedded demo city in data/demo for any layer not given.
  --help, -h                 show this help.

Examples:
  npm run analyze -- --demo --rules default --out /tmp/demo-out
  npm run analyze -- --streets streets.fgb --residences homes.fgb \\
      --facility playground=facilities.fgb --facility primary_school=facilities.fgb \\
      --units community=units_community.fgb --out /tmp/out
  npm run analyze -- --streets streets.fgb --residences homes.fgb --facility facilities.fgb --out /tmp/out
  npm run analyze -- --streets streets.fgb --residences homes.fgb --facility facilities.fgb \\
      --crossings crossings.fgb --safe-routes --out /tmp/out

Every input is checked as the app checks a loaded file: each warning is printed on stderr as one line
naming the flag and file, what is wrong and the fix (features without geometry, repeated ids, personal
fields dropped, …).

Exit codes: 0 done, 1 failed (a file cannot be read from disk, an unexpected error), 2 bad arguments,
3 input refused (projected or latitude-first coordinates, no usable homes or streets, an unreadable
format: nothing was analysed), 4 --out refused (a non-empty folder this tool did not write).`;
