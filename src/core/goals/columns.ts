import { MEASURES, type MeasureId, type MeasureInfo } from '../scorecard/measures';

/**
 * The columns of a goals table (the manager's own sheet of objectives and key results, or a CSV): what
 * each can mean, how the wizard names it, and a guess from its header.
 */
export const GOAL_ROLES = [
  'id',
  'kind',
  'title',
  'owner',
  'level',
  'parent',
  'start',
  'target',
  'current',
  'measure',
  'due',
  'weight',
  'updated',
] as const;

export type GoalRole = (typeof GOAL_ROLES)[number];

export const GOAL_ROLE_LABELS: Readonly<Record<GoalRole, string>> = {
  id: 'ID (O1, KR1.2…)',
  kind: 'Type (objective or key result)',
  title: 'Goal (the objective or key result in words)',
  owner: 'Owner',
  level: 'Level (company, function, team, person)',
  parent: 'Parent (the ID of the goal it contributes to)',
  start: 'Start (where a key result began)',
  target: 'Target',
  current: 'Current value (typed)',
  measure: 'Scorecard measure (makes the current value live)',
  due: 'Due date',
  weight: 'Weight',
  updated: 'Last updated (date)',
};

/** Days without an update before a typed key result is flagged, unless the manager chooses otherwise: three weeks. */
export const STALE_DAYS = 21;

/** Roles a goals table cannot do without. */
export const REQUIRED_GOAL_ROLES: readonly GoalRole[] = ['id', 'title', 'parent'];

const WORDS: readonly [GoalRole, RegExp][] = [
  ['id', /^(id|ref|key|code|#|no\.?|number|okr id|goal id)$/],
  ['kind', /^(type|kind|okr type|goal type|o\s*\/\s*kr)$/],
  ['parent', /\b(parent|contributes? to|supports?|aligns? (to|with)|rolls? up to|under)\b/],
  ['level', /^(level|layer|tier|scope)\b/],
  ['measure', /\b(measure|metric|kpi|tied to|linked to|scorecard)\b/],
  ['owner', /\b(owner|responsible|accountable|who|lead)\b/],
  ['updated', /\b(updated|last update|as of|checked)\b/],
  ['due', /\b(due|deadline|end date|by when|target date)\b/],
  ['weight', /\bweight/],
  ['start', /\b(start|baseline|from|initial)\b/],
  ['target', /\b(target|goal value|to)\b/],
  ['current', /\b(current|actual|now|latest|progress|value)\b/],
  ['title', /\b(objective|key result|goal|title|name|description|okr|what)\b/],
];

/** The role each header suggests, each role given once (the first header that fits); null for none. */
export function guessGoalColumns(headers: readonly string[]): (GoalRole | null)[] {
  const taken = new Set<GoalRole>();
  return headers.map((h) => {
    const t = h.replace(/\s+/g, ' ').trim().toLowerCase();
    for (const [role, re] of WORDS) {
      if (taken.has(role) || !re.test(t)) continue;
      taken.add(role);
      return role;
    }
    return null;
  });
}

/** How a goals table may name a scorecard measure: its id, its label, or a word a manager would use. */
const ALIASES: Readonly<Record<string, MeasureId>> = {
  'referral score': 'nps',
  referral: 'nps',
  'net promoter score': 'nps',
  satisfaction: 'csat',
  'customer satisfaction': 'csat',
  'how we compare': 'net_comparison',
  comparison: 'net_comparison',
  'net comparison': 'net_comparison',
  'on time': 'on_time',
  'on-time': 'on_time',
  'on-time delivery': 'on_time',
  'on time delivery': 'on_time',
  'delivered on time': 'on_time',
  returns: 'return_rate',
  'return rate': 'return_rate',
  quality: 'return_rate',
  'review response': 'review_response',
  'reviews answered': 'review_response',
  'unhappy reviews answered': 'review_response',
  'margin percent': 'margin_pct',
  'margin %': 'margin_pct',
  aov: 'average_order_value',
  'order value': 'average_order_value',
};

const norm = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();

/** The scorecard measure a cell names (id, label such as "Referral score (NPS)", or an alias), or null. */
export function measureNamed(text: string): MeasureInfo | null {
  const t = norm(text);
  if (t === '') return null;
  for (const m of MEASURES) if (m.id === t || norm(m.label) === t || norm(m.id.replace(/_/g, ' ')) === t) return m;
  const alias = ALIASES[t] ?? ALIASES[t.replace(/[()]/g, '').trim()];
  return alias ? MEASURES.find((m) => m.id === alias)! : null;
}

/** What the measure column may hold, for messages. */
export const MEASURE_NAMES_HELP = `a scorecard measure: ${MEASURES.map((m) => m.id).join(', ')} (or its label, e.g. "Referral score (NPS)")`;
