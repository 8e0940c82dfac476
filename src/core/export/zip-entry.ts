/**
 * Zip entries made on Unix (os 3) with rw-r--r-- files: Info-ZIP's unzip reads the names of a zip made on
 * MS-DOS (fflate's default, os 0) as code page 437 despite the UTF-8 flag, and lists a Chinese name as
 * mojibake. Entries carry the export date (zip times have no zone and start in 1980), so the same date
 * gives the same zip.
 */
export interface UnixZipEntry {
  readonly mtime: Date;
  readonly os: number;
  readonly attrs: number;
}

export function unixZipEntry(date: Date): UnixZipEntry {
  const floor = Date.UTC(1980, 0, 2);
  return { mtime: date.getTime() < floor ? new Date(floor) : date, os: 3, attrs: 0o100644 * 0x10000 };
}
