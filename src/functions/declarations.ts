import type { FormulaDef } from './types';

/**
 * The Apps Script side of the registry: one top-level `function NAME(...)` per formula with the JSDoc
 * Sheets reads for autocomplete (`@customfunction`, every `@param`, a description and an example).
 * Each one hands its arguments to the bundle's global `Leadlag`.
 */
const JS_TYPE = { range: '*[][]', number: 'number', text: 'string', date: 'Date' } as const;

function comment(text: string): string {
  return text.replace(/\*\//g, '*\\/');
}

export function declaration(def: FormulaDef, globalName = 'Leadlag'): string {
  const lines = ['/**', ` * ${comment(def.summary)}`, ` * Example: ${comment(def.example)}`];
  for (const a of def.args) {
    const optional = a.default !== undefined || a.help.startsWith('Optional');
    const dflt = a.default !== undefined ? ` Default: ${a.default}.` : '';
    const name = optional ? `[${a.name}]` : a.name;
    lines.push(` * @param {${JS_TYPE[a.type]}} ${name} ${comment(a.help)}${dflt}`);
  }
  lines.push(` * @return ${comment(def.returns)}`, ' * @customfunction', ' */');
  const params = def.args.map((a) => a.name).join(', ');
  lines.push(`function ${def.name}(${params}) { return ${globalName}.formula(${JSON.stringify(def.name)}, arguments); }`);
  return lines.join('\n');
}

export function declarations(defs: readonly FormulaDef[], globalName = 'Leadlag'): string {
  return defs.map((d) => declaration(d, globalName)).join('\n\n') + '\n';
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
