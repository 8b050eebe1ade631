import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { DotenvSyntaxError, dotenvValues, formatDotenv, parseDotenv, quoteDotenvValue, setDotenvValue, type DotenvEntry } from '../../../src/core/env/dotenv';
import { generateStackPassword } from '../../../src/core/stack/secrets';

const values = (text: string, lookup?: Record<string, string>): Record<string, string> =>
  dotenvValues(parseDotenv(text, lookup === undefined ? {} : { lookup: (n) => lookup[n] }));

/** Entries without their spans (offsets are checked where an edit uses them). */
const plain = (entries: readonly DotenvEntry[]): Omit<DotenvEntry, 'span'>[] => entries.map(({ key, value, line }) => ({ key, value, line }));

/** What the stack's generator draws from (src/core/stack/secrets.ts), plus the blanks compose trims and cuts at. */
const PASSWORD_CHARS = [...'abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789-_.!#%+=@ '];

describe('.env tokenizer (compose grammar)', () => {
  it('reads keys with their lines, skipping blank lines and comments, and lets a later key win', () => {
    const entries = plain(parseDotenv('# head\n\nA=1\n  # indented comment\nexport B=2\nA=3\n'));
    assert.deepEqual(entries, [
      { key: 'A', value: '1', line: 3 },
      { key: 'B', value: '2', line: 5 },
      { key: 'A', value: '3', line: 6 },
    ]);
    assert.deepEqual(dotenvValues(entries), { A: '3', B: '2' });
  });

  it('cuts an unquoted value only at a space before #, and trims it', () => {
    assert.deepEqual(values('A=VAL # comment\nB=VAL# not a comment\nC=  spaced  \r\nD=a#B=c!9\n'), {
      A: 'VAL',
      B: 'VAL# not a comment',
      C: 'spaced',
      D: 'a#B=c!9',
    });
  });

  it('keeps quoted values whole, comments after the closing quote dropped', () => {
    assert.deepEqual(values(`A="VAL # not a comment"\nB='x #y' # comment\nC=" lead and trail "\n`), {
      A: 'VAL # not a comment',
      B: 'x #y',
      C: ' lead and trail ',
    });
  });

  it('reads single quotes literally except \\\' and double quotes with shell escapes', () => {
    assert.deepEqual(values(String.raw`A='$OTHER'
B='Let\'s go!'
C="{\"hello\": \"json\"}"
D="some\tvalue"
E='some\tvalue'
F="back\\slash"
G="oct\0123"
H="keep\q"
`), {
      A: '$OTHER',
      B: "Let's go!",
      C: '{"hello": "json"}',
      D: 'some\tvalue',
      E: 'some\\tvalue',
      F: 'back\\slash',
      G: 'octS',
      H: 'keep\\q',
    });
  });

  it('lets a double-quoted value span lines and counts the lines after it', () => {
    assert.deepEqual(plain(parseDotenv('A="one\ntwo"\nB=3\n')), [
      { key: 'A', value: 'one\ntwo', line: 1 },
      { key: 'B', value: '3', line: 3 },
    ]);
  });

  it('interpolates unquoted and double-quoted values from the file, then the lookup', () => {
    const text = 'HOST=db\nA=$HOST:1\nB="${HOST}/x"\nC=\'${HOST}\'\nD=${MISSING:-fallback}\nE=${HOST:+set}\nF=$$HOST\nG=${OUT}\nH=ab$ cd\nI="\\$HOST"\nJ=${NONE-${HOST}}\n';
    assert.deepEqual(values(text, { OUT: 'outside', HOST: 'ignored: the file wins' }), {
      HOST: 'db',
      A: 'db:1',
      B: 'db/x',
      C: '${HOST}',
      D: 'fallback',
      E: 'set',
      F: '$HOST',
      G: 'outside',
      H: 'ab$ cd',
      I: '$HOST',
      J: 'db',
    });
    assert.deepEqual(values('A=${UNSET}x\n'), { A: 'x' });
  });

  it('passes a name alone on its line through from the lookup', () => {
    assert.deepEqual(values('FROM_ENV\nA=1\n', { FROM_ENV: 'e' }), { FROM_ENV: 'e', A: '1' });
    assert.deepEqual(values('FROM_ENV\nA=1\n'), { A: '1' });
  });

  it('withholds secret values and every value built from them or from an unknown environment', () => {
    const entries = parseDotenv('DB_PASSWORD=s3cret # c\nURL=sql://u:${DB_PASSWORD}@h\nPORT=1433\nHOME_DIR=$HOME/x\nQ_PASSWORD="unterminated?\nok"\n', {
      withhold: (k) => /PASSWORD/.test(k),
      unset: 'withhold',
    });
    assert.deepEqual(plain(entries), [
      { key: 'DB_PASSWORD', value: undefined, line: 1 },
      { key: 'URL', value: undefined, line: 2 },
      { key: 'PORT', value: '1433', line: 3 },
      { key: 'HOME_DIR', value: undefined, line: 4 },
      { key: 'Q_PASSWORD', value: undefined, line: 5 },
    ]);
  });

  it('sets one key in place: its last statement replaced, comments and other statements as written', () => {
    const text = "A=1 # one\nexport B='x' # bee\nC=\"multi\nline\"\nB=${A}\nD\n";
    assert.equal(setDotenvValue(text, 'B', 'new'), "A=1 # one\nexport B='x' # bee\nC=\"multi\nline\"\nB='new'\nD\n");
    assert.equal(setDotenvValue(text, 'A', '2'), text.replace('A=1', "A='2'"));
    assert.equal(setDotenvValue(text, 'C', 'c'), text.replace('C="multi\nline"', "C='c'"));
    assert.equal(setDotenvValue(text, 'D', 'd'), text.replace('\nD\n', "\nD='d'\n"));
    assert.equal(setDotenvValue('A=1', 'E', 'e'), "A=1\nE='e'\n");
    assert.equal(setDotenvValue('', 'E', 'e'), "E='e'\n");
    assert.throws(() => setDotenvValue(text, 'B', 'a\nb'), /spans lines/);
  });

  it('refuses what compose refuses, naming the line and never the value', () => {
    const cases: [string, number, RegExp][] = [
      ["A=1\nB='never closed-Secret-1\n", 2, /never closed/],
      ['A=1\n\nBAD KEY=x\n', 3, /holds a space/],
      ['A=1\ncorrect horse Secret-3\n', 2, /holds a space/],
      ['A=1\nBAD*KEY=Secret-2\n', 2, /unexpected character "\*"/],
      ['A=${REQUIRED:?set it first}\n', 1, /REQUIRED has no value: set it first/],
    ];
    for (const [text, line, reason] of cases) {
      assert.throws(
        () => parseDotenv(text),
        (e: unknown) => e instanceof DotenvSyntaxError && e.line === line && reason.test(e.message) && !/Secret-/.test(e.message),
        text,
      );
    }
  });

  it('quotes with single quotes, and with double quotes only when the value holds \' or \\', () => {
    assert.equal(quoteDotenvValue('a#B $x "y" z'), `'a#B $x "y" z'`);
    assert.equal(quoteDotenvValue(''), `''`);
    assert.equal(quoteDotenvValue(`it's $5 \\ "q"`), `"it's $$5 \\\\ \\"q\\""`);
    assert.equal(formatDotenv({ A: 'x y', B: 'z' }), `A='x y'\nB='z'\n`);
  });

  it('every generated stack password reads back unchanged', () => {
    fc.assert(
      fc.property(fc.integer({ min: 12, max: 128 }), (length) => {
        const password = generateStackPassword(length);
        return dotenvValues(parseDotenv(formatDotenv({ MSSQL_SA_PASSWORD: password })))['MSSQL_SA_PASSWORD'] === password;
      }),
      { numRuns: 500 },
    );
  });

  it('any value over the password alphabet, blanks and " #" included, reads back unchanged', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PASSWORD_CHARS), { maxLength: 64 }).map((cs) => cs.join('')), (value) => {
        return dotenvValues(parseDotenv(formatDotenv({ P: value, Q: 'after' })))['P'] === value;
      }),
      { numRuns: 500 },
    );
  });

  it('any single-line value, quotes, backslashes and $ included, reads back unchanged', () => {
    const line = fc.string({ unit: 'binary', maxLength: 48 }).filter((s) => !/[\r\n]/.test(s));
    const tricky = fc.array(fc.constantFrom(...`'"\\$#{} -:=\t`, '${A}', '$$', '\\\'', ' #', '\\n'), { maxLength: 16 }).map((cs) => cs.join(''));
    fc.assert(
      fc.property(fc.oneof(line, tricky), fc.oneof(line, tricky), (a, b) => {
        const read = dotenvValues(parseDotenv(formatDotenv({ A: a, B: b })));
        return read['A'] === a && read['B'] === b;
      }),
      { numRuns: 1000 },
    );
  });
});
