/** Job plumbing at the worker boundary; the primitives live in the core so analysis loops can use them. */
export * from '../core/jobs';
