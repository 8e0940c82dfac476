/** Whole-project edits: replacing layers in one step (the demo by real data) and starting afresh. */
import { emptyProject, type Project, type ProjectLayer } from '../../core/model';
import { defineAction } from './define';

/** Removes `remove` and adds `layers` on top, as one undo step (undo brings the removed layers back). */
export const replaceLayers = defineAction('layer.replace', (doc, { remove, layers }: { remove: readonly string[]; layers: readonly ProjectLayer[] }) => {
  const gone = new Set(remove);
  const kept = doc.layers.filter((l) => !gone.has(l.id));
  const fresh = layers.filter((l) => !kept.some((k) => k.id === l.id));
  if (kept.length === doc.layers.length && !fresh.length) return doc;
  return { ...doc, layers: [...kept, ...fresh] };
});

const isEmpty = (doc: Project) =>
  doc.layers.length === 0 && doc.scenarios.every((s) => s.proposals.length === 0) && doc.scenarios.length === 1 && doc.ruleSets.length === 0;

/** An empty project (default settings, one baseline scenario, no user rule sets); the page language stays. */
export const newProject = defineAction('project.new', (doc, _args: Record<string, never>) => {
  if (isEmpty(doc)) return doc;
  const empty = emptyProject();
  return { ...empty, settings: { ...empty.settings, language: doc.settings.language } };
});
