/**
 * How much an OSM file may unpack to. Per block: the PBF format's own limits
 * (https://wiki.openstreetmap.org/wiki/PBF_Format: a BlobHeader under 64 KiB, a Blob's datasize and its
 * raw_size at most 32 MiB). In total: 2 GiB of unpacked data (PBF blocks, or XML from .osm.gz), about
 * 10 million nodes of XML or a few hundred million of PBF. The store keeps every node of interest in typed
 * arrays and the tab has ~4 GB of heap at most, so a file past this cannot be imported in a browser
 * anyway; a real extract of that size is a country, not a city. Stopping here ends a decompression bomb
 * (kilobytes that unpack to gigabytes) in seconds with a message instead of minutes and an exhausted tab.
 */
export const PBF_MAX_HEADER_BYTES = 64 * 1024;
export const PBF_MAX_BLOB_BYTES = 32 * 1024 * 1024;
export const OSM_MAX_INFLATED_BYTES = 2 * 1024 * 1024 * 1024;

/** Bytes → whole MiB for error messages (rounded up so "over the limit" never reads as equal). */
export const mib = (bytes: number): number => Math.ceil(bytes / (1024 * 1024));
