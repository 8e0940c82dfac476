import * as Y from 'yjs';
import { FEATURES_MAP, MAX_FEATURES, META_MAP, isValidMetaValue, sanitizeFeature } from '../core/sketch';

// The server's half of the document rules: every feature written into a workshop goes through
// sanitizeFeature. A feature that breaks a rule is replaced by its clean version (or removed) in a
// transaction of our own, right after the writer's, so what is stored and sent on never carries a
// forbidden key. A meta entry outside its rule is removed the same way. The writer stays connected. New features beyond MAX_FEATURES are removed.

export const GUARD_ORIGIN = 'collab-guard';

export type GuardReport = { key: string; action: 'cleaned' | 'dropped' | 'over_limit' | 'meta_removed' };

export function guardFeatures(doc: Y.Doc, onReport: (r: GuardReport) => void = () => {}): () => void {
  const features = doc.getMap<unknown>(FEATURES_MAP);

  const enforce = (changed: Iterable<string>, added: readonly string[]) => {
    doc.transact(() => {
      for (const key of changed) {
        if (!features.has(key)) continue;
        const { feature, issues } = sanitizeFeature(key, features.get(key));
        if (!feature) {
          features.delete(key);
          onReport({ key, action: 'dropped' });
        } else if (issues.length > 0) {
          features.set(key, feature);
          onReport({ key, action: 'cleaned' });
        }
      }
      // The newest additions go first; which of several concurrent additions is "newest" does not
      // matter, only that the stored workshop never exceeds the limit.
      for (let i = added.length - 1; i >= 0 && features.size > MAX_FEATURES; i--) {
        const key = added[i]!;
        if (!features.has(key)) continue;
        features.delete(key);
        onReport({ key, action: 'over_limit' });
      }
    }, GUARD_ORIGIN);
  };

  const meta = doc.getMap<unknown>(META_MAP);
  const enforceMeta = (keys: Iterable<string>) => {
    doc.transact(() => {
      for (const key of keys) {
        if (meta.has(key) && !isValidMetaValue(key, meta.get(key))) {
          meta.delete(key);
          onReport({ key, action: 'meta_removed' });
        }
      }
    }, GUARD_ORIGIN);
  };
  const metaObserver = (event: Y.YMapEvent<unknown>, tr: Y.Transaction) => {
    if (tr.origin !== GUARD_ORIGIN) enforceMeta(event.keysChanged);
  };

  const observer = (event: Y.YMapEvent<unknown>, tr: Y.Transaction) => {
    if (tr.origin === GUARD_ORIGIN) return;
    const changed: string[] = [];
    const added: string[] = [];
    event.changes.keys.forEach((change, key) => {
      if (change.action === 'delete') return;
      changed.push(key);
      if (change.action === 'add') added.push(key);
    });
    if (changed.length > 0) enforce(changed, added);
  };

  // What was stored before the rules (or an older server) existed goes through them once.
  enforce([...features.keys()], [...features.keys()]);
  enforceMeta([...meta.keys()]);
  features.observe(observer);
  meta.observe(metaObserver);
  return () => {
    features.unobserve(observer);
    meta.unobserve(metaObserver);
  };
}
