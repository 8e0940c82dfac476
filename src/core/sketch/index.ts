// The co-sketch document rules, shared by the collaboration server (src/collab) and the app's client.
export * from './rules';
export * from './geometry';
export * from './sanitize-feature';
export * from './workshop-meta';
