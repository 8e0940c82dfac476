/**
 * Random access over a file given as bytes or as a Blob/File. Blobs are read in slices, so a large
 * FlatGeobuf never sits in memory whole; bytes (the CLI reads files from disk) are sliced in place.
 */
export interface ReadSource {
  readonly fileName: string;
  readonly bytes?: Uint8Array;
  readonly blob?: Blob;
}

export interface ByteSource {
  readonly size: number;
  /** Up to `length` bytes from `offset`; shorter at the end of the file. */
  read(offset: number, length: number): Promise<Uint8Array>;
  all(): Promise<Uint8Array>;
}

export function byteSource(src: ReadSource): ByteSource | undefined {
  const bytes = src.bytes;
  if (bytes) {
    return {
      size: bytes.byteLength,
      read: async (offset, length) => bytes.subarray(Math.max(0, offset), Math.max(0, offset + length)),
      all: async () => bytes,
    };
  }
  const blob = src.blob;
  if (blob) {
    return {
      size: blob.size,
      read: async (offset, length) => new Uint8Array(await blob.slice(Math.max(0, offset), Math.max(0, offset + length)).arrayBuffer()),
      all: async () => new Uint8Array(await blob.arrayBuffer()),
    };
  }
  return undefined;
}
