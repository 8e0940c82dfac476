// The closing summary of node's TAP reporter (`# tests`, `# pass`, `# fail`, `# cancelled`, `# skipped`,
// `# todo`): the last occurrence of each wins, since a test's own diagnostics may print `# ...` lines earlier.
export function tapSummary(tap) {
  const n = (key) => {
    const all = [...tap.matchAll(new RegExp(`^# ${key} (\\d+)$`, 'gm'))];
    return all.length ? Number(all[all.length - 1][1]) : 0;
  };
  return { tests: n('tests'), pass: n('pass'), fail: n('fail'), cancelled: n('cancelled'), skipped: n('skipped'), todo: n('todo') };
}
