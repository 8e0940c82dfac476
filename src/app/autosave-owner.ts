/**
 * One tab at a time keeps the session in IndexedDB. Two tabs that both autosaved would overwrite each other's
 * work record by record, and a reload would bring back whichever wrote last. The tab holding the Web Lock
 * writes; another tab says so and can take over (it asks the holder over a BroadcastChannel to write its last
 * changes and let go). When the holder closes, the next tab in line gets the lock and keeps its own later
 * changes from then on.
 */
import type { AutosaveTab } from '../state';
export type { AutosaveTab };

export interface AutosaveOwnerHandlers {
  /** This tab holds the lock now; `takeOver` when the user asked for it (write at once). */
  own(takeOver: boolean): void;
  /** Another tab asked to take over: write what is pending and stop, before the lock goes. */
  lose(): Promise<void>;
  /** Whether this tab keeps the session or another does. */
  state(tab: AutosaveTab): void;
}

const NAME = 'cfc-planner-autosave';

export interface AutosaveOwnership {
  /** Ask the tab holding the lock to let go, then hold it here. */
  takeOver(): void;
}

export function claimAutosave(h: AutosaveOwnerHandlers): AutosaveOwnership | null {
  if (typeof navigator === 'undefined' || !navigator.locks || typeof BroadcastChannel === 'undefined') {
    h.own(false); // nothing to coordinate with: this tab writes, as before
    h.state('owner');
    return null;
  }
  const channel = new BroadcastChannel(NAME);
  let release: (() => void) | null = null;
  let askedToTakeOver = false;
  const hold = (): Promise<void> => {
    h.own(askedToTakeOver);
    askedToTakeOver = false;
    h.state('owner');
    return new Promise<void>((r) => { release = r; });
  };
  // In line behind the holder: granted when it closes or lets go.
  const queue = () => void navigator.locks.request(NAME, hold);
  void navigator.locks.request(NAME, { ifAvailable: true }, (lock) => {
    if (lock) return hold();
    h.state('other-tab');
    queue();
    return undefined;
  });
  channel.onmessage = (e: MessageEvent) => {
    if (e.data !== 'take-over' || !release) return;
    const let_go = release;
    release = null;
    void h.lose().finally(() => {
      h.state('other-tab');
      let_go();
      queue();
    });
  };
  return {
    takeOver() {
      if (release) return;
      askedToTakeOver = true;
      channel.postMessage('take-over');
    },
  };
}
