/**
 * Joins a workshop: the sketch slice opens the room's Y.Doc (restored from this browser first, so
 * offline edits are there), then @hocuspocus/provider syncs it with `npm run collab`. Presence carries a
 * colour, an emoji and the role, nothing else. Reconnects are the provider's (retried every few seconds,
 * an attempt that hangs started over: reconnectOptions); edits made meanwhile stay in the Y.Doc (and
 * IndexedDB) and merge when the server is back.
 */
import { HocuspocusProvider } from '@hocuspocus/provider';
import { PRESENCE_COLOURS, PRESENCE_EMOJI } from '../sketch/stickers';
import { linkStatus, reconnectOptions, type WorkshopLink } from '../sketch/workshop-link';
import type { AppStore, SketchPeer, SketchRole } from '../state';

const pick = <T>(list: readonly T[], n: number): T => list[n % list.length]!;

export async function joinWorkshop(store: AppStore, link: WorkshopLink): Promise<() => void> {
  await store.getState().openSketchRoom(link.room, link.role);
  const sd = store.getState().sketchDoc();
  const set = store.getState();
  set.setWorkshopStatus('connecting');
  const provider: HocuspocusProvider = new HocuspocusProvider({
    url: link.server,
    name: link.room,
    token: link.token,
    document: sd.ydoc,
    ...reconnectOptions(() => provider.configuration.websocketProvider),
    onStatus: ({ status }) => {
      const s = store.getState();
      s.setWorkshopStatus(linkStatus(s.sketch.workshop.status, status));
    },
    onAuthenticationFailed: () => {
      store.getState().setWorkshopStatus('refused');
    },
    onAwarenessChange: ({ states }) => {
      const peers: SketchPeer[] = [];
      for (const st of states) {
        const who = st['who'] as { colour?: unknown; emoji?: unknown; role?: unknown } | undefined;
        if (!who) continue;
        peers.push({
          clientId: st.clientId,
          colour: typeof who.colour === 'string' && /^#[0-9a-f]{6}$/i.test(who.colour) ? who.colour : '#888888',
          emoji: typeof who.emoji === 'string' && [...who.emoji].length <= 4 ? who.emoji : '🙂',
          role: (who.role === 'editor' ? 'editor' : 'viewer') as SketchRole,
          self: st.clientId === sd.ydoc.clientID,
        });
      }
      store.getState().setSketchPeers(peers.sort((a, b) => a.clientId - b.clientId));
    },
  });
  provider.setAwarenessField('who', { colour: pick(PRESENCE_COLOURS, sd.ydoc.clientID), emoji: pick(PRESENCE_EMOJI, Math.floor(sd.ydoc.clientID / 7)), role: link.role });
  return () => provider.destroy();
}
