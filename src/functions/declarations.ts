import type { DocumentedFormula, Param, ParamKind } from './types';

/**
 * The Apps Script side of the registry: one top-level `function NAME(...)` per formula with the JSDoc
 * Sheets reads for autocomplete (`@customfunction`, every `@param`, a description and an example),
 * from the formula's parameter declarations and its docs. Each one hands its arguments to the bundle's
 * global `Leadlag`.
 */
const JS_TYPE: Record<ParamKind, string> = {
  range: '*[][]',
  grid: '*[][]',
  number: 'number',
  text: 'string',
  period: 'string',
  date: 'Date',
  boolean: 'boolean',
};

function comment(text: string): string {
  return text.replace(/\*\//g, '*\\/');
}

/** Whether a parameter may be left out: optional, or with a default. */
export function isOptional(p: Param): boolean {
  return p.optional === true || ('default' in p && p.default !== undefined);
}

/** A parameter's default as a user reads it ("month" in quotes, today as a word), or null. */
export function defaultText(p: Param): string | null {
  if (!('default' in p) || p.default === undefined) return null;
  if (p.kind === 'date') return p.default;
  if (typeof p.default === 'string') return JSON.stringify(p.default);
  if (typeof p.default === 'boolean') return p.default ? 'TRUE' : 'FALSE';
  return String(p.default);
}

export function declaration({ def, docs }: DocumentedFormula, globalName = 'Leadlag'): string {
  const lines = ['/**', ` * ${comment(docs.summary)}`, ` * Example: ${comment(docs.example)}`];
  for (const p of def.params) {
    const dflt = defaultText(p);
    // Sheets' formula help does not read JSDoc's [name] or name= (every parameter shows as required),
    // so an optional one says so in words.
    const help = comment(docs.args[p.name]);
    const optional = isOptional(p) && !/^optional\b/i.test(help) ? 'Optional. ' : '';
    lines.push(` * @param {${JS_TYPE[p.kind]}} ${p.name} ${optional}${help}${dflt === null ? '' : ` Default: ${dflt}.`}`);
  }
  lines.push(` * @return ${comment(docs.returns)}`, ' * @customfunction', ' */');
  const params = def.params.map((p) => p.name).join(', ');
  lines.push(`function ${def.name}(${params}) { return ${globalName}.formula(${JSON.stringify(def.name)}, arguments); }`);
  return lines.join('\n');
}

export function declarations(formulas: readonly DocumentedFormula[], globalName = 'Leadlag'): string {
  return formulas.map((d) => declaration(d, globalName)).join('\n\n') + '\n';
}

/** The add-on's other entry points: triggers, menu items and the sidebar's RPC. */
export const SERVER_ENTRIES: readonly { name: string; target: string; params: string }[] = [
  { name: 'onOpen', target: 'onOpen', params: 'e' },
  { name: 'onInstall', target: 'onInstall', params: 'e' },
  { name: 'leadlagOpen', target: 'open', params: '' },
  { name: 'leadlagBuildScorecard', target: 'buildFromMenu', params: '' },
  { name: 'leadlagRebuildScorecard', target: 'rebuildFromMenu', params: '' },
  { name: 'leadlagSurvey', target: 'surveyFromMenu', params: '' },
  { name: 'leadlagUninstallAutomation', target: 'uninstallFromMenu', params: '' },
  { name: 'leadlagHelp', target: 'help', params: '' },
  { name: 'leadlagFormSubmit', target: 'formSubmit', params: 'e' },
  { name: 'leadlagWeekly', target: 'weekly', params: '' },
  { name: 'rpc', target: 'rpc', params: 'name, args' },
];

export function serverDeclarations(globalName = 'Leadlag'): string {
  // Triggers, menu items and the sidebar's RPC entry: not formulas, so no JSDoc (every byte is loaded
  // by every formula execution). Each compiles the server first (src/appsscript/loader.ts).
  return (
    SERVER_ENTRIES.map((e) => `function ${e.name}(${e.params}) { return ${globalName}.server().${e.target}(${e.params}); }`).join('\n') +
    '\n'
  );
}
