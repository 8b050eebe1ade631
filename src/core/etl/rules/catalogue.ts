import { derivedRules } from './derived';
import { domainRules } from './domains';
import { geoRules } from './geo';
import { lookupRules } from './lookups';
import { textRules } from './text';
import type { Rule } from './types';
import { valueRules } from './values';

/** Every named rule an entity definition may use, by name. */
export const RULES: ReadonlyMap<string, Rule> = new Map(
  [...textRules, ...geoRules, ...domainRules, ...valueRules, ...derivedRules, ...lookupRules].map((r) => [r.name, r]),
);

export function findRule(name: string): Rule | undefined {
  return RULES.get(name);
}
