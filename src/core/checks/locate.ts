import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { findNodeAtLocation, parseTree, type Node } from 'jsonc-parser';

/** A place a check result points at: a definition, a script or the project file. 1-based. */
export interface CheckLocation {
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line += 1;
      start = i + 1;
    }
  }
  return { line, column: offset - start + 1 };
}

/** A JSON(C) file read once, to place results at the line of a value. */
export class JsonDocument {
  private constructor(readonly file: string, private readonly text: string, private readonly tree: Node) {}

  static read(file: string): JsonDocument | undefined {
    try {
      const text = readFileSync(file, 'utf8');
      const tree = parseTree(text);
      return tree === undefined ? undefined : new JsonDocument(file, text, tree);
    } catch {
      return undefined;
    }
  }

  /** The location of the value at `segments`, or undefined when there is none. */
  at(...segments: (string | number)[]): CheckLocation | undefined {
    const node = findNodeAtLocation(this.tree, segments);
    return node === undefined ? undefined : { file: this.file, ...lineColumn(this.text, node.offset) };
  }

  /** The location of the first element of the array at `segments` whose `key` is `value` (case-insensitive). */
  element(segments: (string | number)[], key: string, value: string): CheckLocation | undefined {
    const array = findNodeAtLocation(this.tree, segments);
    const index = (array?.children ?? []).findIndex((child) => {
      const v = findNodeAtLocation(child, [key])?.value as unknown;
      return typeof v === 'string' && v.toLowerCase() === value.toLowerCase();
    });
    return index < 0 ? undefined : this.at(...segments, index, key);
  }

  value(...segments: (string | number)[]): unknown {
    return findNodeAtLocation(this.tree, segments)?.value as unknown;
  }
}

/**
 * Where the scripts create a table or view: the first `CREATE [OR REPLACE|OR ALTER] TABLE|VIEW
 * schema.name` among the SQL files given (files and folders, in order).
 */
export class ScriptIndex {
  private readonly files: string[] = [];
  private readonly texts = new Map<string, string>();

  constructor(paths: readonly string[]) {
    for (const p of paths) {
      try {
        if (statSync(p).isDirectory()) {
          for (const f of readdirSync(p).filter((n) => n.toLowerCase().endsWith('.sql')).sort()) this.files.push(path.join(p, f));
        } else {
          this.files.push(p);
        }
      } catch {
        // a step whose file is gone: nothing to point at
      }
    }
  }

  find(kind: 'TABLE' | 'VIEW', schema: string, name: string): CheckLocation | undefined {
    const pattern = new RegExp(`CREATE\\s+(?:OR\\s+(?:REPLACE|ALTER)\\s+)?${kind}\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?\\[?${schema}\\]?\\.\\[?${name}\\]?(?![A-Za-z0-9_])`, 'i');
    for (const file of this.files) {
      let text = this.texts.get(file);
      if (text === undefined) {
        try {
          text = readFileSync(file, 'utf8');
        } catch {
          text = '';
        }
        this.texts.set(file, text);
      }
      const m = pattern.exec(text);
      if (m !== null) return { file, ...lineColumn(text, m.index) };
    }
    return undefined;
  }
}
