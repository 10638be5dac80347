/**
 * Splits a command line into words the way a POSIX shell does for the cases a learner types: single quotes
 * (everything literal), double quotes (backslash escapes only \ " $ and `), backslash outside quotes, and
 * whitespace between words. Shorthand and JSON values such as --payload '{"id":1}' then reach the parser intact.
 */
export class TokenizeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TokenizeError';
  }
}

export function tokenize(line: string): string[] {
  const words: string[] = [];
  let cur = '';
  let inWord = false;
  let i = 0;
  while (i < line.length) {
    const c = line[i]!;
    if (c === "'") {
      const end = line.indexOf("'", i + 1);
      if (end < 0) throw new TokenizeError('unexpected end of line: a single quote is not closed');
      cur += line.slice(i + 1, end);
      inWord = true;
      i = end + 1;
    } else if (c === '"') {
      i++;
      let closed = false;
      while (i < line.length) {
        const d = line[i]!;
        if (d === '"') {
          closed = true;
          i++;
          break;
        }
        // Inside double quotes a backslash escapes only these characters; elsewhere it stays.
        if (d === '\\' && i + 1 < line.length && '\\"$`'.includes(line[i + 1]!)) {
          cur += line[i + 1];
          i += 2;
        } else {
          cur += d;
          i++;
        }
      }
      if (!closed) throw new TokenizeError('unexpected end of line: a double quote is not closed');
      inWord = true;
    } else if (c === '\\') {
      if (i + 1 < line.length) cur += line[i + 1];
      inWord = true;
      i += 2;
    } else if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      if (inWord) words.push(cur);
      cur = '';
      inWord = false;
      i++;
    } else if (c === '#' && !inWord) {
      // A comment runs to the end of the line, as in a shell script.
      break;
    } else {
      cur += c;
      inWord = true;
      i++;
    }
  }
  if (inWord) words.push(cur);
  return words;
}
