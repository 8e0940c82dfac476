import * as Y from 'yjs';
import { syncUpdateOf } from './sync-message';

// After an erase, a client that missed the news (or ignores it) still holds the workshop and would push
// it back when it reconnects. While it runs, the server remembers each erased room's state vector (client
// ids and clocks: no content) and refuses any frame that carries an item from before the erase.

export class ErasedRooms {
  private readonly vectors = new Map<string, Map<number, number>>();

  /** `state`: the erased document, or its stored update. */
  remember(room: string, state: Y.Doc | Uint8Array): void {
    const vector = state instanceof Y.Doc ? Y.encodeStateVector(state) : Y.encodeStateVectorFromUpdate(state);
    const merged = this.vectors.get(room) ?? new Map<number, number>();
    for (const [client, clock] of Y.decodeStateVector(vector)) {
      merged.set(client, Math.max(clock, merged.get(client) ?? 0));
    }
    this.vectors.set(room, merged);
  }

  /** True when the frame would bring back content of an erased workshop. */
  bringsBack(room: string, frame: Uint8Array): boolean {
    const vector = this.vectors.get(room);
    if (!vector) return false;
    const update = syncUpdateOf(frame);
    if (!update) return false;
    try {
      return Y.decodeUpdate(update).structs.some((s) => s.id.clock < (vector.get(s.id.client) ?? 0));
    } catch {
      return true; // an update Yjs cannot read is refused anyway
    }
  }
}
