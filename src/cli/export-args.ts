/**
 * `export` takes analyze's arguments (analyze-args.ts parses them) plus `--format LIST` and `--date
 * YYYY-MM-DD`; both are taken out before analyze's parser sees the rest.
 */
import { EXPORT_FORMATS, isExportFormat, type ExportFormat } from '../core/export';
import { ArgsError, parseAnalyzeArgs, type AnalyzeArgs } from './analyze-args';

export interface ExportArgs extends AnalyzeArgs {
  readonly formats: readonly ExportFormat[];
  /** The run date: the GeoPackage's last_change and the manifest's date (same date, same bytes). */
  readonly date: string;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function validDate(s: string): boolean {
  const m = DATE.exec(s);
  if (!m) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

export function parseExportArgs(argv: readonly string[], today: () => string = () => new Date().toISOString().slice(0, 10)): ExportArgs {
  const rest: string[] = [];
  let format: string | undefined;
  let date: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    if (flag !== '--format' && flag !== '--date') {
      rest.push(flag);
      continue;
    }
    const value = argv[i + 1];
    if (value === undefined || value.startsWith('--')) throw new ArgsError(`${flag} needs a value`);
    i++;
    if (flag === '--format') format = value;
    else date = value;
  }
  const names = (format ?? EXPORT_FORMATS.join(',')).split(',').map((s) => s.trim().toLowerCase()).filter(Boolean);
  const bad = names.filter((n) => !isExportFormat(n));
  if (bad.length || names.length === 0) {
    throw new ArgsError(`--format must be a comma-separated list of ${EXPORT_FORMATS.join(', ')}; got ${format}`);
  }
  if (date !== undefined && !validDate(date)) throw new ArgsError(`--date must be a calendar date YYYY-MM-DD, got ${date}`);
  return { ...parseAnalyzeArgs(rest), formats: [...new Set(names as ExportFormat[])], date: date ?? today() };
}
