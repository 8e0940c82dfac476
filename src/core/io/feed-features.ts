/** Feeds raw features to a builder in paced chunks (progress, yielding, cancellation, feature cap). */
import type { XY } from './crs';
import type { LayerBuilder } from './layer-builder';
import { mapRawFeature } from './reproject';
import type { ReaderContext } from './reader-context';
import { chunkFor } from './progress';
import { DEFAULT_MAX_FEATURES } from './read-options';
import { IO_WARNINGS } from './warnings';

export async function feedFeatures(raws: readonly unknown[], builder: LayerBuilder, ctx: ReaderContext, fn?: XY): Promise<void> {
  const cap = ctx.options.maxFeatures ?? DEFAULT_MAX_FEATURES;
  const every = chunkFor(raws.length);
  for (let i = 0; i < raws.length; i++) {
    if (builder.count >= cap) {
      builder.tally.note(IO_WARNINGS.featureCap, { read: builder.count, total: raws.length, cap });
      break;
    }
    builder.add(fn ? mapRawFeature(raws[i], fn) : raws[i]);
    await ctx.pacer.step(i + 1, (i + 1) / raws.length, every);
  }
}
