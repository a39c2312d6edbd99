// The lines of a failed step's log that say why it failed, for the end of `make test`'s output.
// CI shows only the tail of the output, and a failed stack step's log ends with service logs
// (scripts/with-stack.ts prints them on failure), so without this the failing test's name is lost.
// Pure: scripts/test/lanes.ts reads the log and prints the result.

const HEADLINE = [
  /^\s*FAIL\s/, // vitest: " FAIL  |integration| tests/integration/x.test.ts > suite > test"
  /^\s*[×✗✘]\s/, // vitest's and Playwright's failed-test marks
  /^\s+\d+\) \[/, // Playwright's list of failures: "  1) [chromium] › file:line › title"
  /^\[stack\] (FAIL|.*EXITED UNEXPECTEDLY|.*failed to start|.*not restarting)/, // a service that died
  /Test Files .*failed|Tests .*failed|^\s*\d+ failed$/, // the runners' counts
];
const CAUSE = /(AssertionError|Error:|Timed out)/;
// The runners colour their output even into a file.
const ANSI = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g');

/** Headlines and each first cause (with two more lines), in log order, at most `max` lines. */
export function failureExcerpt(log: string, max = 60): string[] {
  const lines = log
    .replace(ANSI, '')
    .split('\n')
    .map((l) => l.trimEnd())
    .filter((l) => l.trim() !== '');
  const picked: string[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < lines.length && picked.length < max; i++) {
    const line = lines[i] ?? '';
    if (HEADLINE.some((re) => re.test(line))) {
      if (!seen.has(line)) picked.push(line);
      seen.add(line);
    } else if (CAUSE.test(line) && !seen.has(line.trim())) {
      seen.add(line.trim());
      picked.push(...lines.slice(i, i + 3));
      i += 2;
    }
  }
  return picked.slice(0, max);
}
