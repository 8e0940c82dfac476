import type { Project } from '../../core/model';

/** A document edit: a pure function from one document to the next (iD actions), with a stable name. */
export interface DocAction<A> {
  readonly name: string;
  readonly apply: (doc: Project, args: A) => Project;
}

export const defineAction = <A>(name: string, apply: (doc: Project, args: A) => Project): DocAction<A> => ({ name, apply });
